package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.backproplab.serve.Classroom.Admitted;
import org.backproplab.serve.Classroom.Refused;
import org.junit.jupiter.api.Test;

class ClassroomTest {
    private static final long MINUTE = 60_000_000_000L;

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void theCapsCountAllLabsAndLabsPerAddress() throws Exception {
        Classroom c = new Classroom(3, 2, Duration.ofMinutes(30));
        assertThat(c.admit("a", ip("10.0.0.1"), 0)).isInstanceOf(Admitted.class);
        assertThat(c.admit("b", ip("10.0.0.1"), 0)).isInstanceOf(Admitted.class);
        assertThat(c.admit("c", ip("10.0.0.1"), 0)).isEqualTo(new Refused("Server full for 10.0.0.1: 2 labs are open"
                + " from this address, the most allowed for one address."));
        assertThat(c.admit("d", ip("10.0.0.2"), 0)).isInstanceOf(Admitted.class);
        assertThat(c.admit("e", ip("10.0.0.3"), 0)).isEqualTo(new Refused("Server full: 3 labs are open, the most this"
                + " server allows. Try again when someone leaves."));
        assertThat(c.size()).isEqualTo(3);
    }

    @Test
    void theFirstInDrivesAndWhenTheyLeaveTheNextNewcomerDoes() throws Exception {
        Classroom c = new Classroom(10, 10, Duration.ofMinutes(30));
        Learner first = ((Admitted) c.admit("a", ip("10.0.0.1"), 0)).learner();
        Learner second = ((Admitted) c.admit("b", ip("10.0.0.2"), 0)).learner();
        assertThat(first.driver()).isTrue();
        assertThat(second.driver()).isFalse();
        c.leave(first);
        assertThat(((Admitted) c.admit("c", ip("10.0.0.3"), 0)).learner().driver()).isTrue();
    }

    @Test
    void onlyLearnersIdleForTheTimeoutAreEnded() throws Exception {
        Classroom c = new Classroom(10, 10, Duration.ofMinutes(30));
        Learner quiet = ((Admitted) c.admit("a", ip("10.0.0.1"), 0)).learner();
        Learner busy = ((Admitted) c.admit("b", ip("10.0.0.2"), 0)).learner();
        busy.keyPressed(29 * MINUTE);
        c.endIdle(30 * MINUTE - 1);
        assertThat(quiet.ended()).isFalse();
        c.endIdle(30 * MINUTE);
        assertThat(quiet.ended()).isTrue();
        assertThat(quiet.endMessage()).isEqualTo("Closed after 30 minutes without a key press. Connect again for a new lab.");
        assertThat(busy.ended()).isFalse();
    }

    @Test
    void afterEndAllNobodyIsLetIn() throws Exception {
        Classroom c = new Classroom(10, 10, Duration.ofMinutes(30));
        Learner a = ((Admitted) c.admit("a", ip("10.0.0.1"), 0)).learner();
        c.endAll("bye");
        assertThat(a.ended()).isTrue();
        assertThat(a.endMessage()).isEqualTo("bye");
        assertThat(c.admit("b", ip("10.0.0.2"), 0)).isInstanceOf(Refused.class);
        assertThat(c.awaitEmpty(Duration.ofMillis(10))).isFalse();
        c.leave(a);
        assertThat(c.awaitEmpty(Duration.ofMillis(10))).isTrue();
    }

    @Test
    void durationsReadAsWords() {
        assertThat(Classroom.describe(Duration.ofMinutes(30))).isEqualTo("30 minutes");
        assertThat(Classroom.describe(Duration.ofMinutes(1))).isEqualTo("1 minute");
        assertThat(Classroom.describe(Duration.ofSeconds(90))).isEqualTo("90 seconds");
        assertThat(Classroom.describe(Duration.ofSeconds(1))).isEqualTo("1 second");
    }
}
