package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StuckWatchTest {

    @Test
    void aFlatLossForTenThousandEpochsIsStuck() {
        StuckWatch w = new StuckWatch();
        assertThat(w.stuck(0, 0.4774)).isFalse();
        assertThat(w.stuck(9_999, 0.4774)).isFalse();
        assertThat(w.stuck(10_000, 0.4774)).isTrue();
        assertThat(w.stuck(50_000, 0.47739)).as("a fall of 0.002%% is still flat").isTrue();
    }

    @Test
    void aLossThatKeepsFallingIsNotStuck() {
        StuckWatch w = new StuckWatch();
        double loss = 0.7;
        for (long e = 0; e <= 100_000; e += 1_000) {
            assertThat(w.stuck(e, loss)).isFalse();
            loss *= 0.9995; // 0.05% per 1,000 epochs: 0.5% per 10,000
        }
    }

    @Test
    void aRestartStartsOver() {
        StuckWatch w = new StuckWatch();
        w.stuck(0, 0.5);
        assertThat(w.stuck(20_000, 0.5)).isTrue();
        assertThat(w.stuck(0, 0.5)).isFalse();
        assertThat(w.stuck(9_000, 0.5)).isFalse();
    }
}
