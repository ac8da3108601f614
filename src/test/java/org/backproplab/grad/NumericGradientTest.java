package org.backproplab.grad;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.InitScheme;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Network;
import org.junit.jupiter.api.Test;

class NumericGradientTest {

    /** Forward passes are counted by the network itself, apart from the gradient's own counter. */
    @Property(tries = 50)
    void passesPerGradient(@ForAll @IntRange(min = 1, max = 8) int hidden) {
        Architecture arch = new Architecture(hidden, Activation.SIGMOID, Loss.MSE);
        Network net = new Network(arch, Dataset.XOR);
        NumericGradient numeric = new NumericGradient(net);
        double[] theta = InitScheme.UNIFORM.draw(arch, hidden);
        double[] grad = new double[theta.length];
        int p = arch.parameterCount();

        long before = net.forwardPasses();
        numeric.gradient(theta, 1e-4, Difference.FORWARD, grad); // L(θ), then one nudge per parameter
        assertThat(net.forwardPasses() - before).isEqualTo(p + 1).isEqualTo(Difference.FORWARD.passesPerGradient(p));

        before = net.forwardPasses();
        numeric.gradient(theta, 1e-4, Difference.CENTRAL, grad); // L(θ) for the loss shown, then ±ε each
        assertThat(net.forwardPasses() - before).isEqualTo(2L * p + 1).isEqualTo(Difference.CENTRAL.passesPerGradient(p) + 1);

        before = net.forwardPasses();
        numeric.gradient(theta, net.loss(theta), 1e-4, Difference.FORWARD, grad);
        assertThat(net.forwardPasses() - before).isEqualTo(p + 1);
        assertThat(numeric.forwardPasses()).isEqualTo((p + 1) + (2L * p + 1) + p);
    }

    /** Every θ_k is put back bit for bit, even where θ + ε − ε would round to another double. */
    @Property(tries = 200)
    void thetaIsRestoredExactly(@ForAll @DoubleRange(min = -3, max = 3) @Scale(15) double scale,
                                @ForAll @DoubleRange(min = 1e-9, max = 0.1) @Scale(15) double eps) {
        Architecture arch = new Architecture(2, Activation.TANH, Loss.BCE);
        Network net = new Network(arch, Dataset.XNOR);
        double[] theta = InitScheme.NUMPY_RANDN.draw(arch, 5);
        for (int k = 0; k < theta.length; k++) {
            theta[k] *= scale * Math.PI; // values whose low bits a nudge and un-nudge would disturb
        }
        long[] bits = new long[theta.length];
        for (int k = 0; k < theta.length; k++) {
            bits[k] = Double.doubleToRawLongBits(theta[k]);
        }
        double[] grad = new double[theta.length];
        for (Difference d : Difference.values()) {
            new NumericGradient(net).gradient(theta, eps, d, grad);
            for (int k = 0; k < theta.length; k++) {
                assertThat(Double.doubleToRawLongBits(theta[k])).isEqualTo(bits[k]);
            }
        }
    }

    /** The guide's step 4 with numbers: (L(θ + ε·e_k) − L(θ)) / ε, and the centered one. */
    @Test
    void differenceQuotientsAreTheGuides() {
        Architecture arch = new Architecture(2, Activation.RELU, Loss.BCE);
        Network net = new Network(arch, Dataset.XOR);
        double[] theta = InitScheme.NUMPY_RANDN.draw(arch, 0);
        double[] grad = new double[9];
        double eps = 1e-4;
        double loss = new NumericGradient(net).gradient(theta, eps, Difference.FORWARD, grad);
        for (int k = 0; k < 9; k++) {
            double[] nudged = theta.clone();
            nudged[k] += eps;
            assertThat(grad[k]).isEqualTo((net.loss(nudged) - loss) / eps);
        }
        new NumericGradient(net).gradient(theta, eps, Difference.CENTRAL, grad);
        for (int k = 0; k < 9; k++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[k] += eps;
            down[k] -= eps;
            assertThat(grad[k]).isEqualTo((net.loss(up) - net.loss(down)) / (2 * eps));
        }
    }
}
