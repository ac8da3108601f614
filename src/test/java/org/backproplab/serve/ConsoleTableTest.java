package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.backproplab.serve.LabFactory.Progress;
import org.junit.jupiter.api.Test;

class ConsoleTableTest {

    @Test
    void oneLinePerLearnerWithEpochLossAndState() {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        List<String> lines = ConsoleTable.render(List.of(
                new SessionRow("ada", "10.0.0.5", now.minusSeconds(754), false, new Progress(12345, 0.00012345, "learned"),
                        7_540_000),
                new SessionRow("a-very-long-learner-name", "127.0.0.1", now.minusSeconds(3723), true,
                        new Progress(0, Double.NaN, "paused"), 0)), now);
        assertThat(lines).containsExactly(
                "WHO              FROM                   CONNECTED    KB/S        EPOCH       LOSS  STATE",
                "ada              10.0.0.5                   12:34    10.0       12,345  0.0001234  learned",
                "a-very-long-lea~ 127.0.0.1                1:02:03     0.0            0          -  paused (drives)");
    }

    @Test
    void anEmptyRoomSaysSo() {
        assertThat(ConsoleTable.render(List.of(), Instant.EPOCH)).endsWith("(no one yet)");
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
