package org.backproplab.grad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.InitScheme;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Network;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    /**
     * For every parameter of random nets: each row's factors multiply to its product, the rows
     * sum to the chain-rule gradient (to rounding: the explanation multiplies ∂L/∂ŷ and σ′(z_y)
     * apart where the backward pass uses their simplified product), and the numeric steps
     * reproduce {@link NumericGradient} exactly, leaving θ as it was.
     */
    @Property(tries = 300)
    void explanationAgreesWithBothGradients(@ForAll @IntRange(min = 1, max = 8) int hidden,
                                            @ForAll Activation act, @ForAll Loss loss, @ForAll Dataset data,
                                            @ForAll @IntRange(min = 0, max = 1_000_000) int seed,
                                            @ForAll Difference diff) {
        Architecture arch = new Architecture(hidden, act, loss);
        Network net = new Network(arch, data);
        double[] theta = InitScheme.NUMPY_RANDN.draw(arch, seed);
        double[] chain = new double[theta.length];
        double[] numeric = new double[theta.length];
        new ChainRule(net).gradient(theta, chain);
        double lossAtTheta = new NumericGradient(net).gradient(theta, 1e-4, diff, numeric);
        double[] before = theta.clone();
        for (int k = 0; k < theta.length; k++) {
            Explanation e = Explanation.of(net, theta, k, 1e-4, diff);
            assertThat(theta).isEqualTo(before);
            assertThat(e.parameter()).isEqualTo(arch.name(k));
            assertThat(e.value()).isEqualTo(theta[k]);
            assertThat(e.numeric().lossBefore()).isEqualTo(lossAtTheta);
            assertThat(e.numeric().nudgedValue()).isEqualTo(theta[k] + 1e-4);
            assertThat(e.numeric().gradient()).isEqualTo(numeric[k]);
            double sum = 0;
            double magnitude = 0; // the size of the terms summed: rounding scales with it, not with their sum
            for (Explanation.Row row : e.chainRule().rows()) {
                double product = 1;
                for (Explanation.Factor f : row.factors()) {
                    product *= f.value();
                }
                assertThat(row.product()).isEqualTo(product);
                sum += row.product();
                magnitude += Math.abs(row.product());
            }
            assertThat(e.chainRule().gradient()).isEqualTo(sum);
            double scale = Math.max(Math.max(Math.abs(chain[k]), magnitude), 1e-300);
            assertThat(Math.abs(sum - chain[k])).as("%s", arch.name(k)).isLessThanOrEqualTo(1e-12 * scale);
            assertThat(e.chainRule().rows()).hasSize(4);
        }
    }

    /**
     * The hand-worked case of {@code ChainRuleTest} (H = 1, ReLU, cross-entropy, θ = (1, 0.5, 0.5,
     * 1, −1)): for w_x1_h1 on row (1,0), t = 1, ŷ = σ(0.5): ∂L/∂ŷ = −1/(4σ(0.5)),
     * σ′(z_y) = σ(0.5)σ(−0.5), w(h1→y) = 1, ReLU′ = 1, x1 = 1, product −σ(−0.5)/4; on rows with
     * x1 = 0 the product is 0; the sum is (σ(1) − σ(−0.5))/4.
     */
    @Test
    void handWorkedFactors() {
        Network net = new Network(new Architecture(1, Activation.RELU, Loss.BCE), Dataset.XOR);
        double[] theta = {1, 0.5, 0.5, 1, -1};
        Explanation e = Explanation.of(net, theta, 0, 1e-4, Difference.FORWARD);
        double s5 = 1 / (1 + Math.exp(-0.5));
        double sm5 = 1 / (1 + Math.exp(0.5));
        double s1 = 1 / (1 + Math.exp(-1));
        Explanation.Row row = e.chainRule().rows().get(2);
        assertThat(row.inputs()).containsExactly(1, 0);
        assertThat(row.target()).isEqualTo(1);
        assertThat(row.factors()).extracting(Explanation.Factor::name)
                .containsExactly("∂L/∂ŷ", "σ′(z_y)", "w(h1→y)", "ReLU′(z_h1)", "x1");
        assertThat(row.factors().stream().mapToDouble(Explanation.Factor::value).toArray()).containsExactly(
                new double[] {-1 / (4 * s5), s5 * sm5, 1.0, 1.0, 1.0}, within(1e-16));
        assertThat(row.product()).isCloseTo(-sm5 / 4, within(1e-16));
        assertThat(e.chainRule().rows().get(0).product()).isZero();
        assertThat(e.chainRule().rows().get(1).product()).isZero();
        assertThat(e.chainRule().gradient()).isCloseTo((s1 - sm5) / 4, within(1e-16));
        assertThat(e.chainRule().formula()).isEqualTo("∂L/∂ŷ · σ′(z_y) · w(h1→y) · ReLU′(z_h1) · x1");
        assertThat(e.chainRule().asciiFormula()).isEqualTo("dL/dyhat * sigmoid'(z_y) * w(h1->y) * relu'(z_h1) * x1");
        assertThat(e.label()).isEqualTo("x1→h1");
        // Output weight and bias: fewer factors.
        assertThat(Explanation.of(net, theta, 3, 1e-4, Difference.FORWARD).chainRule().formula())
                .isEqualTo("∂L/∂ŷ · σ′(z_y) · a_h1");
        assertThat(Explanation.of(net, theta, 4, 1e-4, Difference.FORWARD).chainRule().formula())
                .isEqualTo("∂L/∂ŷ · σ′(z_y)");
    }

    @Test
    void centralNumericStepsShowBothNudges() {
        Network net = new Network(new Architecture(2, Activation.SIGMOID, Loss.MSE), Dataset.XOR);
        double[] theta = InitScheme.UNIFORM01.draw(net.architecture(), 1);
        Explanation.Numeric n = Explanation.of(net, theta, 8, 1e-4, Difference.CENTRAL).numeric();
        assertThat(n.nudgedValue()).isEqualTo(theta[8] + 1e-4);
        assertThat(n.nudgedDownValue()).isEqualTo(theta[8] - 1e-4);
        assertThat(n.gradient()).isEqualTo((n.lossAfter() - n.lossAfterDown()) / 2e-4);
        Explanation.Numeric f = Explanation.of(net, theta, 8, 1e-4, Difference.FORWARD).numeric();
        assertThat(f.lossAfterDown()).isNaN();
        assertThat(f.gradient()).isEqualTo((f.lossAfter() - f.lossBefore()) / 1e-4);
    }
}
