package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.serve.Classroom.Admitted;
import org.backproplab.serve.Classroom.Refused;
import org.junit.jupiter.api.Test;

class ClassroomTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private static Classroom room(int maxSessions, int maxPerAddress, boolean shared) {
        return new Classroom(new ServeSettings.Limits(maxSessions, maxPerAddress, Duration.ofMinutes(30), 100,
                Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(5), 3), shared);
    }

    /** A connection that signs in from {@code address} and opens one lab. */
    private static Classroom.Admission come(Classroom c, String name, String address) throws Exception {
        Object connection = new Object();
        c.signedIn(connection, ip(address), () -> { }, 0);
        return c.admit(connection, name, ip(address), 0);
    }

    private static Learner learner(Classroom.Admission a) {
        return ((Admitted) a).learner();
    }

    @Test
    void theCapsCountAllPlacesAndPlacesPerAddress() throws Exception {
        Classroom c = room(3, 2, false);
        assertThat(come(c, "a", "10.0.0.1")).isInstanceOf(Admitted.class);
        assertThat(come(c, "b", "10.0.0.1")).isInstanceOf(Admitted.class);
        assertThat(come(c, "c", "10.0.0.1")).isEqualTo(new Refused("Server full for 10.0.0.1: all 2 places for one"
                + " address are taken. Try again when someone there leaves."));
        assertThat(come(c, "d", "10.0.0.2")).isInstanceOf(Admitted.class);
        assertThat(come(c, "e", "10.0.0.3")).isEqualTo(new Refused("Server full: all 3 places are taken, the most this"
                + " server allows. Try again when someone leaves."));
        assertThat(c.size()).isEqualTo(3);
    }

    @Test
    void aSignedInConnectionWithoutALabTakesAPlaceToo() throws Exception {
        Classroom c = room(2, 2, false);
        Object idle = new Object();
        c.signedIn(idle, ip("10.0.0.1"), () -> { }, 0);      // signed in, asks for nothing
        assertThat(c.places()).isEqualTo(1);
        assertThat(come(c, "a", "10.0.0.2")).isInstanceOf(Admitted.class);
        assertThat(come(c, "b", "10.0.0.3")).as("two places: one is the idle connection's").isInstanceOf(Refused.class);
        c.signedOut(idle);
        assertThat(come(c, "b", "10.0.0.3")).isInstanceOf(Admitted.class);
    }

    @Test
    void aConnectionsFirstLabUsesItsPlaceAndEachFurtherLabNeedsOne() throws Exception {
        Classroom c = room(2, 5, false);
        Object one = new Object();
        c.signedIn(one, ip("10.0.0.1"), () -> { }, 0);
        Learner first = learner(c.admit(one, "a", ip("10.0.0.1"), 0));
        assertThat(c.places()).isEqualTo(1);
        assertThat(c.admit(one, "a", ip("10.0.0.1"), 0)).isInstanceOf(Admitted.class);
        assertThat(c.places()).isEqualTo(2);
        assertThat(c.admit(one, "a", ip("10.0.0.1"), 0)).isInstanceOf(Refused.class);
        c.leave(first, 0);
        assertThat(c.places()).isEqualTo(1);
    }

    @Test
    void aConnectionThatHoldsNoLabForTheWaitIsClosed() throws Exception {
        Classroom c = room(10, 10, false);
        List<String> closed = new ArrayList<>();
        Object quiet = new Object();
        Object busy = new Object();
        c.signedIn(quiet, ip("10.0.0.1"), () -> closed.add("quiet"), 0);
        c.signedIn(busy, ip("10.0.0.2"), () -> closed.add("busy"), 0);
        Learner l = learner(c.admit(busy, "b", ip("10.0.0.2"), SECOND));
        c.endLabless(10 * SECOND - 1);
        assertThat(closed).isEmpty();
        c.endLabless(10 * SECOND);
        assertThat(closed).containsExactly("quiet");
        c.signedOut(quiet); // as its closing connection tells
        c.leave(l, 20 * SECOND); // its lab ended: the wait starts again from here
        c.endLabless(30 * SECOND - 1);
        assertThat(closed).containsExactly("quiet");
        c.endLabless(30 * SECOND);
        assertThat(closed).containsExactly("quiet", "busy");
    }

    @Test
    void inASharedClassTheFirstInDrivesAndWhenTheyLeaveTheOneInLongestTakesOverAndEveryoneIsTold() throws Exception {
        Classroom c = room(10, 10, true);
        Learner first = learner(come(c, "ada", "10.0.0.1"));
        Learner second = learner(come(c, "bob", "10.0.0.2"));
        Learner third = learner(come(c, "cy", "10.0.0.3"));
        assertThat(first.driver()).isTrue();
        assertThat(second.watches()).isTrue();
        assertThat(second.title()).isEqualTo("Shared lab, ada drives");
        c.leave(first, 0);
        assertThat(second.driver()).isTrue();
        assertThat(second.title()).isEqualTo("Shared lab, you drive");
        assertThat(third.watches()).isTrue();
        assertThat(third.title()).isEqualTo("Shared lab, bob drives");
        c.leave(second, 0);
        c.leave(third, 0);
        assertThat(learner(come(c, "dee", "10.0.0.4")).driver()).as("an empty room: the next in drives").isTrue();
    }

    @Test
    void aDriversNameIsShownAsPrintableTextOnly() throws Exception {
        Classroom c = room(10, 10, true);
        come(c, "\u001b]2;PWNED\u0007", "10.0.0.1");
        Learner watcher = learner(come(c, "bob", "10.0.0.2"));
        assertThat(watcher.title()).isEqualTo("Shared lab, \\x1b]2;PWNE~ drives").doesNotContain("\u001b");
    }

    @Test
    void withoutSharingNobodyWatches() throws Exception {
        Classroom c = room(10, 10, false);
        Learner a = learner(come(c, "ada", "10.0.0.1"));
        Learner b = learner(come(c, "bob", "10.0.0.2"));
        assertThat(List.of(a.watches(), b.watches(), b.driver())).containsOnly(false);
        assertThat(b.title()).isEqualTo("Backprop Lab");
    }

    @Test
    void onlyLearnersIdleForTheTimeoutAreEnded() throws Exception {
        Classroom c = room(10, 10, false);
        Learner quiet = learner(come(c, "a", "10.0.0.1"));
        Learner busy = learner(come(c, "b", "10.0.0.2"));
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
        Classroom c = room(10, 10, false);
        Learner a = learner(come(c, "a", "10.0.0.1"));
        c.endAll("bye");
        assertThat(a.ended()).isTrue();
        assertThat(a.endMessage()).isEqualTo("bye");
        assertThat(come(c, "b", "10.0.0.2")).isInstanceOf(Refused.class);
        assertThat(c.awaitEmpty(Duration.ofMillis(10))).isFalse();
        c.leave(a, 0);
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
