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
                new SessionRow("ada", "10.0.0.5", now.minusSeconds(754), false, new Progress(12345, 0.00012345, "learned")),
                new SessionRow("a-very-long-learner-name", "127.0.0.1", now.minusSeconds(3723), true,
                        new Progress(0, Double.NaN, "paused"))), now);
        assertThat(lines).containsExactly(
                "WHO              FROM                   CONNECTED        EPOCH       LOSS  STATE",
                "ada              10.0.0.5                   12:34       12,345  0.0001234  learned",
                "a-very-long-lea~ 127.0.0.1                1:02:03            0          -  paused (drives)");
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
    }
}
