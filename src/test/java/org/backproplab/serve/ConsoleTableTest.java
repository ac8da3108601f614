package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.backproplab.serve.LabFactory.Progress;
import org.junit.jupiter.api.Test;

class ConsoleTableTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final List<SessionRow> CLASS = List.of(
            new SessionRow("ada", "10.0.0.5", NOW.minusSeconds(754), false, new Progress(12345, 0.00012345, "learned"),
                    7_540_000),
            new SessionRow("a-very-long-learner-name", "127.0.0.1", NOW.minusSeconds(3723), true,
                    new Progress(0, Double.NaN, "paused"), 0));
    /** Long names and IPv6 addresses: too wide for every column below 118 columns. */
    private static final List<SessionRow> WIDE = List.of(
            new SessionRow("ada", "2001:db8:85a3::8a2e:370:7334", NOW.minusSeconds(754), false,
                    new Progress(12345, 0.00012345, "learned"), 7_540_000),
            new SessionRow("grace-hopper-from-the-back-row-by-the-door", "2001:db8::1", NOW.minusSeconds(3723), false,
                    new Progress(1_234_567, 0.47745, "stuck"), 1_861_500)); // 1,861,500 B in 3,723 s: 0.5 KB/s

    // Expected tables from an independent Python model of the rule: columns as wide as their widest
    // cell, two spaces apart; too wide, KB/S goes, then CONNECTED, then the longer of WHO and FROM
    // is cut a character at a time (to 8 and 9 at least).

    @Test
    void oneLinePerLearnerWithEveryColumnWhereTheyFit() {
        List<String> expected = List.of(
                "WHO                       FROM       CONNECTED  KB/S   EPOCH       LOSS  STATE",
                "ada                       10.0.0.5       12:34  10.0  12,345  0.0001234  learned",
                "a-very-long-learner-name  127.0.0.1    1:02:03   0.0       0          -  paused (drives)");
        assertThat(ConsoleTable.render(CLASS, NOW, 100)).isEqualTo(expected);
        assertThat(ConsoleTable.render(CLASS, NOW, 120)).isEqualTo(expected);
    }

    @Test
    void at80ColumnsTheRateAndTheTimeConnectedGoFirst() {
        assertThat(ConsoleTable.render(CLASS, NOW, 80)).containsExactly(
                "WHO                       FROM        EPOCH       LOSS  STATE",
                "ada                       10.0.0.5   12,345  0.0001234  learned",
                "a-very-long-learner-name  127.0.0.1       0          -  paused (drives)");
    }

    @Test
    void longNamesAndAddressesAreShownWholeAt120AndCutToFitNarrower() {
        assertThat(ConsoleTable.render(WIDE, NOW, 120)).containsExactly(
                "WHO                                       FROM                          CONNECTED  KB/S      EPOCH       LOSS  STATE",
                "ada                                       2001:db8:85a3::8a2e:370:7334      12:34  10.0     12,345  0.0001234  learned",
                "grace-hopper-from-the-back-row-by-the-d~  2001:db8::1                     1:02:03   0.5  1,234,567     0.4774  stuck");
        assertThat(ConsoleTable.render(WIDE, NOW, 100)).containsExactly(
                "WHO                                      FROM                              EPOCH       LOSS  STATE",
                "ada                                      2001:db8:85a3::8a2e:370:7334     12,345  0.0001234  learned",
                "grace-hopper-from-the-back-row-by-the-~  2001:db8::1                   1,234,567     0.4774  stuck");
        assertThat(ConsoleTable.render(WIDE, NOW, 80)).containsExactly(
                "WHO                      FROM                          EPOCH       LOSS  STATE",
                "ada                      2001:db8:85a3::8a2e:370~     12,345  0.0001234  learned",
                "grace-hopper-from-the-~  2001:db8::1               1,234,567     0.4774  stuck");
    }

    @Test
    void anEmptyRoomSaysSo() {
        assertThat(ConsoleTable.render(List.of(), Instant.EPOCH, 80)).endsWith("(no one yet)");
    }

    @Test
    void lossIsRoundedNotTruncated() {
        // expected values from Python: '%.4g' % x, which rounds the exact binary value
        assertThat(ConsoleTable.loss(0.47745)).isEqualTo("0.4774"); // the double is 0.47744999999999998...
        assertThat(ConsoleTable.loss(0.123449)).isEqualTo("0.1234");
        assertThat(ConsoleTable.loss(0.12345678)).isEqualTo("0.1235");
        assertThat(ConsoleTable.loss(Double.NaN)).isEqualTo("-");
        assertThat(ConsoleTable.duration(Duration.ofSeconds(59))).isEqualTo("0:59");
        // 7,540,000 B in 754 s = 10,000 B/s = 10.0 KB/s; 1,050 B in 10 s = 0.105 KB/s, shown 0.1
        assertThat(ConsoleTable.rate(7_540_000, Duration.ofSeconds(754))).isEqualTo("10.0");
        assertThat(ConsoleTable.rate(1_050, Duration.ofSeconds(10))).isEqualTo("0.1");
        assertThat(ConsoleTable.rate(5_000, Duration.ofMillis(900))).isEqualTo("-");
    }
}
