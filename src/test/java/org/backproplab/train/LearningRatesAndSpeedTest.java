package org.backproplab.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LearningRatesAndSpeedTest {

    @Test
    void learningRateLadderIsOneTwoFive() {
        assertThat(LearningRates.shift(0.03, 1)).isEqualTo(0.05);
        assertThat(LearningRates.shift(0.03, -1)).isEqualTo(0.02);
        assertThat(LearningRates.shift(0.05, 1)).isEqualTo(0.1);
        assertThat(LearningRates.shift(2.0, 1)).isEqualTo(5.0);
        assertThat(LearningRates.shift(2.0, -1)).isEqualTo(1.0);
        assertThat(LearningRates.shift(1.0, -1)).isEqualTo(0.5);
        assertThat(LearningRates.shift(0.1, -3)).isEqualTo(0.01);
        assertThat(LearningRates.shift(100, 1)).isEqualTo(LearningRates.MAX);
        assertThat(LearningRates.shift(1e-6, -1)).isEqualTo(LearningRates.MIN);
    }

    @Test
    void speedLadderEndsAtMax() {
        assertThat(Speed.DEFAULT.epochsPerSecond()).isEqualTo(1000);
        assertThat(Speed.S1.shift(-1)).isEqualTo(Speed.S1);
        assertThat(Speed.S1.shift(2)).isEqualTo(Speed.S10);
        assertThat(Speed.S100K.shift(1)).isEqualTo(Speed.MAX);
        assertThat(Speed.MAX.shift(5)).isEqualTo(Speed.MAX);
        assertThat(Speed.S1K.label()).isEqualTo("1,000/s");
        assertThat(Speed.MAX.label()).isEqualTo("max");
    }
}
