package org.backproplab.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Network;
import org.junit.jupiter.api.Test;

class ChainRuleTest {

    private static double sigma(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /**
     * Worked on paper. H = 1, ReLU, cross-entropy, XOR; θ = (w_x1_h1, w_x2_h1, b_h1, w_h1_y, b_y)
     * = (1, 0.5, 0.5, 1, −1). Rows (x1,x2) = (0,0), (0,1), (1,0), (1,1):
     * z_h = 0.5, 1, 1.5, 2 (all > 0, so ReLU′ = 1 and a = z_h); z_y = a − 1 = −0.5, 0, 0.5, 1;
     * ŷ = σ(−0.5), 1/2, σ(0.5), σ(1). For a sigmoid output with cross-entropy averaged over 4 rows,
     * ∂L/∂z_y = (ŷ − t)/4, so with t = 0, 1, 1, 0 and 1 − σ(x) = σ(−x):
     * δ = σ(−0.5)/4, −1/8, −σ(−0.5)/4, σ(1)/4.
     * ∂L/∂b_y = Σδ = (σ(1) − 1/2)/4; ∂L/∂w_h1_y = Σδ·a = (2σ(1) − σ(−0.5) − 1/2)/4;
     * δ_h = δ · w_h1_y · ReLU′ = δ, so ∂L/∂b_h1 = Σδ = (σ(1) − 1/2)/4,
     * ∂L/∂w_x1_h1 = δ₃ + δ₄ (rows with x1 = 1) = (σ(1) − σ(−0.5))/4,
     * ∂L/∂w_x2_h1 = δ₂ + δ₄ = (σ(1) − 1/2)/4.
     * Numerically: σ(1) = 0.7310585786300049, σ(−0.5) = 0.3775406687981454, so the gradient is
     * (0.0883794774579649, 0.0577646446575012, 0.0577646446575012, 0.1461441221154661, 0.0577646446575012).
     * The loss is (1/4)(−ln σ(0.5) + ln 2 − ln σ(0.5) − ln σ(−1)).
     */
    @Test
    void reluCrossEntropyByHand() {
        Network net = new Network(new Architecture(1, Activation.RELU, Loss.BCE), Dataset.XOR);
        double[] theta = {1, 0.5, 0.5, 1, -1};
        double[] grad = new double[5];
        double loss = new ChainRule(net).gradient(theta, grad);

        double s1 = sigma(1);
        double sm = sigma(-0.5);
        assertThat(grad[0]).isCloseTo((s1 - sm) / 4, within(1e-16));
        assertThat(grad[1]).isCloseTo((s1 - 0.5) / 4, within(1e-16));
        assertThat(grad[2]).isCloseTo((s1 - 0.5) / 4, within(1e-16));
        assertThat(grad[3]).isCloseTo((2 * s1 - sm - 0.5) / 4, within(1e-16));
        assertThat(grad[4]).isCloseTo((s1 - 0.5) / 4, within(1e-16));
        assertThat(grad).containsExactly(new double[] {0.0883794774579649, 0.0577646446575012, 0.0577646446575012,
                0.1461441221154661, 0.0577646446575012}, within(1e-16));
        assertThat(loss).isCloseTo((-Math.log(sigma(0.5)) + Math.log(2) - Math.log(sigma(0.5)) - Math.log(sigma(-1))) / 4,
                within(1e-15));
    }

    /**
     * Worked on paper. H = 1, sigmoid, squared error, AND gate; θ = (0, 0, 0, 2, −1): every hidden
     * unit outputs σ(0) = 1/2, so z_y = 2·½ − 1 = 0 and ŷ = ½ on every row; t = 0, 0, 0, 1.
     * ∂L/∂ŷ = 2(ŷ − t)/4 = ¼, ¼, ¼, −¼; σ′(0) = ¼, so δ = 1/16, 1/16, 1/16, −1/16.
     * ∂L/∂b_y = Σδ = 1/8; ∂L/∂w_h1_y = Σδ·½ = 1/16.
     * δ_h = δ · 2 · σ′(0) = δ/2 = 1/32, 1/32, 1/32, −1/32: ∂L/∂b_h1 = 1/16;
     * ∂L/∂w_x1_h1 = δ_h₃ + δ_h₄ = 0; ∂L/∂w_x2_h1 = δ_h₂ + δ_h₄ = 0. L = (3·¼ + ¼)/4 = ¼.
     * Every number here is a power of two, so the engine must get them exactly.
     */
    @Test
    void sigmoidSquaredErrorByHandExactly() {
        Network net = new Network(new Architecture(1, Activation.SIGMOID, Loss.MSE), Dataset.AND);
        double[] grad = new double[5];
        double loss = new ChainRule(net).gradient(new double[] {0, 0, 0, 2, -1}, grad);
        assertThat(grad).containsExactly(0.0, 0.0, 1.0 / 16, 1.0 / 16, 1.0 / 8);
        assertThat(loss).isEqualTo(0.25);
    }

    /**
     * The chain rule against a centered difference at random θ, |θ| ≤ 3, for both smooth
     * activations, both losses, every gate and width. The difference is taken over this test's
     * own forward pass ({@link IndependentNet}, written apart from the engine's), with the
     * five-point centered stencil (8(L(θ+ε) − L(θ−ε)) − (L(θ+2ε) − L(θ−2ε))) / 12ε at ε = 1e-3.
     * Why not the two-point one: its error ε²·|L‴|/6 + δL/ε cannot go below about 1e-10 in double
     * precision (at ε = 1e-5 and a loss near 4 it was 1.0e-10 against the exact value from 50-digit
     * arithmetic, while the chain rule agreed to 17 digits), which is a relative 1e-7 of a gradient
     * of 1e-3. The five-point stencil's error is ε⁴·|L⁽⁵⁾|/30 + 1.5·δL/ε ≈ 1e-12 for the same cost
     * of thought, so relative error ≤ 1e-7 can be asked of every gradient down to FLOOR = 1e-4;
     * smaller gradients must agree to 1e-7·FLOOR = 1e-11 absolute, which is all a difference
     * quotient can resolve there.
     */
    @Property(tries = 1000)
    void chainRuleMatchesCenteredDifference(@ForAll("cases") Case c) {
        double[] grad = new double[c.theta.length];
        new ChainRule(new Network(c.arch, c.data)).gradient(c.theta, grad);
        IndependentNet ref = new IndependentNet(c.arch, c.data);
        for (int k = 0; k < c.theta.length; k++) {
            double numeric = ref.centeredDifference(c.theta, k, 1e-3);
            double scale = Math.max(Math.max(Math.abs(grad[k]), Math.abs(numeric)), FLOOR);
            assertThat(Math.abs(grad[k] - numeric) / scale)
                    .as("%s of %s: chain %s, numeric %s", c.arch.name(k), c, grad[k], numeric)
                    .isLessThanOrEqualTo(1e-7);
        }
    }

    static final double FLOOR = 1e-4;

    record Case(Architecture arch, Dataset data, double[] theta) {
        @Override
        public String toString() {
            return arch + " " + data + " θ=" + java.util.Arrays.toString(theta);
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Architecture> archs = Combinators.combine(
                Arbitraries.integers().between(1, 8),
                Arbitraries.of(Activation.SIGMOID, Activation.TANH),
                Arbitraries.of(Loss.values())).as(Architecture::new);
        return archs.flatMap(a -> Combinators.combine(
                Arbitraries.of(Dataset.values()),
                Arbitraries.doubles().between(-3, 3).array(double[].class).ofSize(a.parameterCount()))
                .as((d, t) -> new Case(a, d, t)));
    }
}
