package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The console's lines fitted to the teacher's terminal. Expected lines from Python's textwrap
 * ({@code textwrap.wrap(line, width, subsequent_indent=' ' * indent, break_on_hyphens=False)},
 * which keeps words joined by a no-break space together), the no-break spaces then printed as
 * spaces.
 */
class ConsoleTextTest {
    private static final char K = ConsoleText.KEEP;
    private static final String LIMITS = "  limits:         50" + K + "places, 20" + K + "per" + K + "address; sign in within 1"
            + K + "min (100" + K + "signing" + K + "in at most); idle labs end after 30" + K + "min";
    private static final String BALANCER = "  learners type:  ssh" + K + "-p" + K + "PORT" + K + "NAME@ADDRESS of the balancer"
            + " (this server, behind it: 127.0.0.1:42202)";
    private static final String NOTICE = "3 connections from a balancer closed: no valid PROXY header; last 14:02:11 from"
            + " 10.0.0.5: it began without one";
    private static final String STATUS = "2" + K + "learners  failed" + K + "sign-ins:" + K + "3  connections" + K + "not"
            + K + "signed" + K + "in" + K + "yet:" + K + "5  balancer" + K + "health" + K + "checks:" + K + "1,234";

    @Test
    void at80ColumnsALongLineBreaksBetweenWordsAndGoesOnUnderItsValue() {
        assertThat(ConsoleText.fit(List.of(LIMITS, BALANCER, NOTICE, STATUS), 80)).containsExactly(
                "  limits:         50 places, 20 per address; sign in within 1 min",
                "                  (100 signing in at most); idle labs end after 30 min",
                "  learners type:  ssh -p PORT NAME@ADDRESS of the balancer (this server, behind",
                "                  it: 127.0.0.1:42202)",
                "3 connections from a balancer closed: no valid PROXY header; last 14:02:11 from",
                "  10.0.0.5: it began without one",
                "2 learners  failed sign-ins: 3  connections not signed in yet: 5",
                "  balancer health checks: 1,234");
    }

    @Test
    void at100ColumnsFewerBreaks() {
        assertThat(ConsoleText.fit(List.of(LIMITS, BALANCER, NOTICE, STATUS), 100)).containsExactly(
                "  limits:         50 places, 20 per address; sign in within 1 min (100 signing in at most); idle",
                "                  labs end after 30 min",
                "  learners type:  ssh -p PORT NAME@ADDRESS of the balancer (this server, behind it: 127.0.0.1:42202)",
                "3 connections from a balancer closed: no valid PROXY header; last 14:02:11 from 10.0.0.5: it began",
                "  without one",
                "2 learners  failed sign-ins: 3  connections not signed in yet: 5  balancer health checks: 1,234");
    }

    @Test
    void at120ColumnsEachLineWhole() {
        assertThat(ConsoleText.fit(List.of(LIMITS, BALANCER, NOTICE, STATUS), 120)).containsExactly(
                "  limits:         50 places, 20 per address; sign in within 1 min (100 signing in at most); idle labs end after 30 min",
                "  learners type:  ssh -p PORT NAME@ADDRESS of the balancer (this server, behind it: 127.0.0.1:42202)",
                "3 connections from a balancer closed: no valid PROXY header; last 14:02:11 from 10.0.0.5: it began without one",
                "2 learners  failed sign-ins: 3  connections not signed in yet: 5  balancer health checks: 1,234");
    }

    @Test
    void aFingerprintUnderItsLabelStaysWhole() {
        String fingerprint = "                  SHA256:kVI2e2o6hAxIfq7SHJMlfuQ/uwdT3q/lgqJNUcDeMbQ"; // 18 + 50 columns
        assertThat(ConsoleText.fit(fingerprint, 80)).containsExactly(fingerprint);
    }

    @Test
    void aWordLongerThanALineGetsItsOwnLineAndOnlyThenIsCut() {
        String path = "/home/teacher/classes/2026/spring/backprop/authorized_keys_for_the_whole_class_of_learners"; // 90
        // 80 - 18 = 62 characters of it on a line of its own, then the other 28
        assertThat(ConsoleText.fit("  sign-in:        a key in " + path, 80)).containsExactly(
                "  sign-in:        a key in",
                "                  " + path.substring(0, 62),
                "                  " + path.substring(62));
    }

    @ParameterizedTest
    @ValueSource(ints = {57, 80, 100, 120})
    void noLineIsWiderThanTheWidthAndNoWordIsLost(int width) {
        for (String line : List.of(LIMITS, BALANCER, NOTICE, STATUS)) {
            List<String> fitted = ConsoleText.fit(line, width);
            assertThat(fitted).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(width));
            assertThat(String.join(" ", fitted).strip().split(" +"))
                    .containsExactly(line.replace(K, ' ').strip().split(" +"));
        }
    }
}
