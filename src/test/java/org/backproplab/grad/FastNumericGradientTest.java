package org.backproplab.grad;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.InitScheme;
import org.backproplab.nn.Loss;
import org.backproplab.nn.NetArbitraries;
import org.backproplab.nn.Network;
import org.junit.jupiter.api.Test;

/**
 * The fast numeric gradient (only the rows a nudge changes run again) against the guide's method
 * written plainly ({@link NumericGradient}: nudge, run the whole network, restore): the same
 * doubles, bit for bit, wherever θ is.
 */
class FastNumericGradientTest {

    @Property(tries = 3000)
    void sameDoublesAsThePlainNumericGradient(@ForAll(supplier = NetArbitraries.Architectures.class) Architecture arch, @ForAll Dataset data,
                                              @ForAll(supplier = NetArbitraries.Seeds.class) long seed, @ForAll("scales") double scale,
                                              @ForAll("epsilons") double eps, @ForAll Difference diff,
                                              @ForAll("kinks") int kinks) {
        double[] theta = InitScheme.NUMPY_RANDN.draw(arch, seed);
        for (int k = 0; k < theta.length; k++) {
            theta[k] *= scale;
        }
        // Some hidden units put exactly on (or an ε from) their kink on a row: z = w1 + b = 0 or ±ε.
        for (int j = 0; j < Math.min(kinks, arch.hidden()); j++) {
            theta[arch.hiddenBias(j)] = -theta[arch.inputWeight(0, j)] + (j % 3 - 1) * eps;
        }
        assertSame(arch, data, theta, eps, diff);
    }

    /** Zeros, signed zeros, huge and non-finite parameters: still the same doubles. */
    @Test
    void sameDoublesAtTheEdges() {
        for (Activation act : Activation.values()) {
            for (Loss loss : Loss.values()) {
                Architecture arch = new Architecture(2, act, loss);
                double[][] thetas = {
                        new double[9],
                        {-0.0, 0.0, -0.0, 0.0, -0.0, 0.0, -0.0, 0.0, -0.0},
                        {1e300, -1e300, 1e300, 1e300, -1e300, 1e300, 1e300, -1e300, 1e300},
                        {40, 40, -40, -40, 40, -40, 60, 60, -60},
                        {Double.NaN, 1, 1, 1, 1, 1, 1, 1, 1},
                        {1, 1, 1, 1, 1, 1, Double.POSITIVE_INFINITY, 1, 1},
                        {1e-5, -1e-5, 2e-5, 1e-4, -1e-4, 5e-5, 1, -1, 0},
                };
                for (double[] theta : thetas) {
                    for (Difference diff : Difference.values()) {
                        assertSame(arch, Dataset.XOR, theta, 1e-4, diff);
                    }
                }
            }
        }
    }

    @Test
    void countsTheForwardPassesTheMethodAmountsTo() {
        Architecture arch = new Architecture(3, Activation.SIGMOID, Loss.MSE);
        FastNumericGradient fast = new FastNumericGradient(new Network(arch, Dataset.XOR));
        double[] theta = InitScheme.UNIFORM.draw(arch, 3);
        double[] g = new double[theta.length];
        fast.gradient(theta, 1e-4, Difference.FORWARD, g);
        assertThat(fast.forwardPasses()).isEqualTo(1 + 13);
        fast.gradient(theta, 1e-4, Difference.CENTRAL, g);
        assertThat(fast.forwardPasses()).isEqualTo((1 + 13) + (1 + 2 * 13));
    }

    static void assertSame(Architecture arch, Dataset data, double[] theta, double eps, Difference diff) {
        double[] before = theta.clone();
        Network net = new Network(arch, data);
        double[] plain = new double[theta.length];
        double plainLoss = new NumericGradient(net).gradient(theta, eps, diff, plain);
        double[] fast = new double[theta.length];
        double fastLoss = new FastNumericGradient(net).gradient(theta, eps, diff, fast);
        assertThat(Double.doubleToLongBits(fastLoss)).as("L(θ)").isEqualTo(Double.doubleToLongBits(plainLoss));
        for (int k = 0; k < theta.length; k++) {
            assertThat(Double.doubleToLongBits(fast[k])).as("∂L/∂%s at %s", arch.name(k), java.util.Arrays.toString(theta))
                    .isEqualTo(Double.doubleToLongBits(plain[k]));
        }
        assertThat(theta).containsExactly(before);
    }



    @Provide
    Arbitrary<Double> scales() {
        return Arbitraries.of(1e-3, 0.1, 1.0, 3.0, 10.0, 40.0);
    }

    @Provide
    Arbitrary<Double> epsilons() {
        return Arbitraries.of(1e-1, 1e-2, 1e-4, 1e-6, 1e-8, 1e-12);
    }

    @Provide
    Arbitrary<Integer> kinks() {
        return Arbitraries.integers().between(0, 3);
    }
}
