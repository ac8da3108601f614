package org.backproplab.grad;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
import org.backproplab.nn.InitScheme;
import org.backproplab.nn.Loss;
import org.backproplab.nn.NetArbitraries;
import org.backproplab.nn.Network;

/** The backward pass's δs and per-row contributions: what a trace of one epoch reads. */
class BackwardTest {

    /** Adding each parameter's row contributions in row order gives the chain rule's column, bit for bit. */
    @Property(tries = 2000)
    void rowContributionsAddUpToTheChainRuleBitForBit(@ForAll(supplier = NetArbitraries.Architectures.class) Architecture arch, @ForAll Dataset data,
                                                      @ForAll(supplier = NetArbitraries.Seeds.class) long seed) {
        double[] theta = InitScheme.NUMPY_RANDN.draw(arch, seed);
        ChainRule chain = new ChainRule(new Network(arch, data));
        double[] grad = new double[theta.length];
        chain.gradient(theta, grad);
        Backward back = chain.lastBackward();
        for (int k = 0; k < theta.length; k++) {
            assertThat(Double.doubleToLongBits(back.gradient(k))).as(arch.name(k))
                    .isEqualTo(Double.doubleToLongBits(grad[k]));
        }
    }

    /**
     * The δs are the chain rule's factors: δ_y = ¼·∂term/∂ŷ·σ′(z_y) and δ_hj = δ_y·w(hj→y)·act′(z_hj),
     * checked here against those products taken from the forward pass (to rounding: δ_y is
     * computed without the cancellation of ∂term/∂ŷ·σ′), and an input weight's contribution is 0 on
     * the rows where its input is 0.
     */
    @Property(tries = 500)
    void deltasAreTheProductsOfTheLocalDerivatives(@ForAll(supplier = NetArbitraries.Architectures.class) Architecture arch, @ForAll Dataset data,
                                                   @ForAll(supplier = NetArbitraries.Seeds.class) long seed) {
        double[] theta = InitScheme.UNIFORM.draw(arch, seed);
        ChainRule chain = new ChainRule(new Network(arch, data));
        chain.gradient(theta, new double[theta.length]);
        Backward back = chain.lastBackward();
        Forward f = chain.lastPass();
        for (int r = 0; r < Dataset.ROWS; r++) {
            double y = f.output[r];
            double t = data.target(r);
            double dLdy = arch.loss() == Loss.MSE ? 2 * (y - t) / 4 : (-t / y + (1 - t) / (1 - y)) / 4;
            double dy = dLdy * y * (1 - y);
            assertThat(back.outputDelta[r]).isCloseTo(dy, org.assertj.core.api.Assertions.within(1e-12 + 1e-9 * Math.abs(dy)));
            for (int j = 0; j < arch.hidden(); j++) {
                double z = f.hiddenSum(r, j);
                double a = f.hiddenOut(r, j);
                double slope = switch (arch.activation()) {
                    case SIGMOID -> a * (1 - a);
                    case TANH -> 1 - Math.tanh(z) * Math.tanh(z);
                    case RELU -> z > 0 ? 1 : 0;
                };
                double dh = back.outputDelta[r] * theta[arch.outputWeight(j)] * slope;
                assertThat(back.hiddenDelta(r, j)).isCloseTo(dh, org.assertj.core.api.Assertions.within(1e-15 + 1e-12 * Math.abs(dh)));
                int k = arch.inputWeight(0, j);
                assertThat(back.contributes(k, r)).isEqualTo(Dataset.input(r, 0) == 1.0);
                if (!back.contributes(k, r)) {
                    assertThat(back.contribution(k, r)).isZero();
                }
            }
        }
    }
}
