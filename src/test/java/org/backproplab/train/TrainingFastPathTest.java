package org.backproplab.train;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.backproplab.grad.ChainRule;
import org.backproplab.grad.Difference;
import org.backproplab.grad.NumericGradient;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.InitScheme;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Network;
import org.junit.jupiter.api.Test;

/**
 * Training's fast paths (the numeric gradient that re-runs only changed rows; {@link Training#run}
 * counting without computing the epochs after θ stands still) against training written plainly:
 * the guide's loop with {@link NumericGradient} or {@link ChainRule} and θ ← θ − η·g, epoch by epoch.
 */
class TrainingFastPathTest {

    /** The guide's training loop, plainly: returns θ after {@code epochs} epochs (and the last loss in {@code last[0]}). */
    static double[] plainTraining(Config c, long epochs, double[] last) {
        Network net = new Network(c.architecture(), c.dataset());
        NumericGradient numeric = new NumericGradient(net);
        ChainRule chain = new ChainRule(net);
        double[] theta = c.initialParameters();
        double[] g = new double[theta.length];
        for (long e = 0; e < epochs; e++) {
            double loss = c.method() == Method.CHAIN ? chain.gradient(theta, g)
                    : numeric.gradient(theta, c.epsilon(), c.difference(), g);
            for (int k = 0; k < theta.length; k++) {
                theta[k] += -c.learningRate() * g[k];
            }
            last[0] = loss;
        }
        return theta;
    }

    static void assertBitForBit(Config c, long epochs) {
        double[] last = new double[1];
        double[] expected = plainTraining(c, epochs, last);
        Training t = new Training(c);
        assertThat(t.run(epochs)).isEqualTo(epochs);
        double[] got = t.parameters();
        for (int k = 0; k < got.length; k++) {
            assertThat(Double.doubleToLongBits(got[k])).as("%s after %d epochs of %s", c.architecture().name(k), epochs, c)
                    .isEqualTo(Double.doubleToLongBits(expected[k]));
        }
    }

    @Test
    void bothPresetsTrainAsThePlainLoopDoes() {
        for (Preset p : Preset.values()) {
            for (Method m : Method.values()) {
                for (long seed : new long[] {0, 1, 4, 37}) {
                    assertBitForBit(p.defaults().withMethod(m).withSeed(seed), 3000);
                }
            }
        }
    }

    @Property(tries = 60)
    void anyConfigurationTrainsAsThePlainLoopDoes(@ForAll("configs") Config c) {
        assertBitForBit(c, 400);
    }

    /**
     * Seed 4 of the reference preset stands still after some hundreds of epochs (both ReLUs dead, b_y
     * settled): run(n) skips the rest, and everything it leaves is what n single steps leave.
     */
    @Test
    void standingStillIsSkippedWithoutChangingAnything() {
        Config c = Preset.REFERENCE.defaults().withSeed(4);
        Training stepped = new Training(c);
        for (int e = 0; e < 20_000; e++) {
            stepped.step();
        }
        Training run = new Training(c);
        assertThat(run.run(20_000)).isEqualTo(20_000);
        assertThat(run.epoch()).isEqualTo(stepped.epoch()).isEqualTo(20_000);
        assertThat(run.parameters()).containsExactly(stepped.parameters());
        assertThat(run.lastStep()).containsExactly(stepped.lastStep());
        assertThat(run.epochsSinceImprovement()).isEqualTo(stepped.epochsSinceImprovement()).isGreaterThan(5_000);
        assertThat(run.forwardPasses()).isEqualTo(stepped.forwardPasses()).isEqualTo(20_000L * 10);
        assertThat(run.outcome()).isEqualTo(stepped.outcome()).isEqualTo(Outcome.STUCK);
        assertThat(run.step()).isEqualTo(stepped.step());
        // It did stand still (else this test would test nothing): a step leaves θ as it was.
        double[] before = run.parameters();
        run.step();
        assertThat(run.parameters()).containsExactly(before);
    }

    @Provide
    Arbitrary<Config> configs() {
        return Arbitraries.integers().between(1, 5).flatMap(h -> Arbitraries.of(Activation.values()).flatMap(act ->
                Arbitraries.of(Loss.values()).flatMap(loss -> Arbitraries.of(Dataset.values()).flatMap(data ->
                        Arbitraries.of(InitScheme.values()).flatMap(init ->
                                Arbitraries.longs().between(0, 0xFFFF_FFFFL).flatMap(seed ->
                                        Arbitraries.of(0.03, 0.5, 2.0, 10.0).flatMap(lr ->
                                                Arbitraries.of(1e-2, 1e-4, 1e-6).flatMap(eps ->
                                                        Arbitraries.of(Method.values()).flatMap(m ->
                                                                Arbitraries.of(Difference.values()).map(d ->
                                                                        new Config(h, act, loss, data, init, seed, lr,
                                                                                eps, m, d, null)))))))))));
    }
}
