package org.backproplab.nn;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class NetworkTest {

    /**
     * The guide's forward pass written literally, as numpy evaluates it: z = (x1·w1 + x2·w2) + b
     * with the multiplications, h @ W2 summed left to right then + b2, the loss
     * −(t·ln p + (1 − t)·ln(1 − p)) with both logs, summed over the rows and divided by 4. Its
     * e^x and ln x are the network's own ({@link Elementary}, tested against its C original in
     * {@code ElementaryTest}): this checks the arithmetic around them.
     */
    static double literalLoss(Architecture arch, Dataset data, double[] theta, double[] outputs) {
        int h = arch.hidden();
        double sum = 0.0;
        for (int r = 0; r < 4; r++) {
            double x1 = Dataset.input(r, 0);
            double x2 = Dataset.input(r, 1);
            double zy = 0.0;
            for (int j = 0; j < h; j++) {
                double z = (x1 * theta[j] + x2 * theta[h + j]) + theta[2 * h + j];
                zy += arch.activation().apply(z) * theta[3 * h + j];
            }
            zy += theta[4 * h];
            double yhat = 1.0 / (1.0 + Elementary.exp(-zy));
            outputs[r] = yhat;
            double t = data.target(r);
            if (arch.loss() == Loss.MSE) {
                sum += (yhat - t) * (yhat - t);
            } else {
                double p = Math.min(Math.max(yhat, 1e-15), 1 - 1e-15);
                sum += -(t * Elementary.log(p) + (1 - t) * Elementary.log(1 - p));
            }
        }
        return sum / 4;
    }

    /** The row-by-row pass (adding weights where inputs are 1) gives exactly the literal doubles. */
    /**
     * The batch of terms the fast numeric gradient computes (all exponentials, then all outputs,
     * then all terms) gives each row the double lossTerm gives it alone, for both losses, 0/1 and
     * other targets, saturated sums and a sign of zero.
     */
    @Property(tries = 500)
    void lossTermsAreLossTermOneByOne(@ForAll double[] zy, @ForAll Loss loss) {
        double[] t = new double[zy.length];
        for (int i = 0; i < zy.length; i++) {
            t[i] = i % 3 == 0 ? 0.0 : i % 3 == 1 ? 1.0 : 0.25;
        }
        double[] e = new double[zy.length];
        double[] term = new double[zy.length];
        Network.lossTerms(loss, zy, t, e, term, zy.length);
        for (int i = 0; i < zy.length; i++) {
            assertThat(Double.doubleToLongBits(term[i])).as("z_y %s, t %s", zy[i], t[i])
                    .isEqualTo(Double.doubleToLongBits(Network.lossTerm(loss, zy[i], t[i])));
        }
    }

    @Property(tries = 2000)
    void forwardEqualsTheLiteralPassBitForBit(@ForAll(supplier = NetArbitraries.Architectures.class) Architecture arch, @ForAll Dataset data,
                                             @ForAll(supplier = NetArbitraries.Seeds.class) long seed) {
        double[] theta = InitScheme.NUMPY_RANDN.draw(arch, seed);
        for (int k = 0; k < theta.length; k++) {
            theta[k] *= 3; // wider than randn alone, so that outputs reach the clip region too
        }
        double[] expectedOutputs = new double[4];
        double expected = literalLoss(arch, data, theta, expectedOutputs);
        Network net = new Network(arch, data);
        Forward f = new Forward(arch);
        assertThat(net.forward(theta, f)).isEqualTo(expected);
        assertThat(f.output).containsExactly(expectedOutputs);
        assertThat(net.loss(theta)).isEqualTo(expected);
        for (int r = 0; r < 4; r++) {
            // 1 − ŷ kept accurately: within 2 ulps of the exact e^(−z)/(1 + e^(−z)).
            double e = Math.exp(-f.outputSum[r]);
            double exact = Double.isInfinite(e) ? 1.0 : e / (1.0 + e);
            assertThat(Math.abs(f.outputComplement[r] - exact)).isLessThanOrEqualTo(2 * Math.ulp(exact));
        }
    }



    /** docs/guide-and-reference.md, scripts/reference.py: the guide's code at seed 0 starts at loss 1.5017334395697. */
    @Test
    void referenceStartingLossIsNumpys() {
        Architecture arch = new Architecture(2, Activation.RELU, Loss.BCE);
        Network net = new Network(arch, Dataset.XOR);
        assertThat(net.loss(InitScheme.NUMPY_RANDN.draw(arch, 0))).isEqualTo(1.5017334395697);
        // scripts/reference.py 1 0 and 2 0: the first losses for seeds 1 and 2.
        assertThat(net.loss(InitScheme.NUMPY_RANDN.draw(arch, 1))).isEqualTo(1.522847709301653);
        assertThat(net.loss(InitScheme.NUMPY_RANDN.draw(arch, 2))).isEqualTo(0.9890475515667);
    }

    @Test
    void countsItsForwardPasses() {
        Network net = new Network(new Architecture(3, Activation.TANH, Loss.MSE), Dataset.OR);
        double[] theta = new double[13];
        net.loss(theta);
        net.forward(theta, new Forward(net.architecture()));
        assertThat(net.forwardPasses()).isEqualTo(2);
    }
}
