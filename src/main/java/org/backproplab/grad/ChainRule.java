package org.backproplab.grad;

import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Network;

/**
 * Backpropagation: one forward pass, then one backward pass that multiplies local derivatives
 * from the loss back to every parameter. Allocates nothing per call; not thread-safe.
 *
 * <p>With δ_r = ∂L/∂z_y on row r (the loss is the mean of the four rows' terms):
 * ∂L/∂b_y = Σ_r δ_r; ∂L/∂w(hj→y) = Σ_r δ_r·a_rj; and with δ_rj = δ_r·w(hj→y)·act′(z_rj),
 * ∂L/∂b_hj = Σ_r δ_rj, ∂L/∂w(xi→hj) = Σ_r δ_rj·x_ri, where x_ri is 0 or 1, so the sum runs over
 * the rows that switch input i on. Every sum is taken over the rows in order.
 */
public final class ChainRule {
    private final Network net;
    private final Forward pass;

    public ChainRule(Network net) {
        this.net = net;
        this.pass = new Forward(net.architecture());
    }

    /** The forward pass behind the last {@link #gradient} call. */
    public Forward lastPass() {
        return pass;
    }

    /** Writes ∂L/∂θ into {@code grad} and returns L(θ). */
    public double gradient(double[] theta, double[] grad) {
        final Architecture arch = net.architecture();
        final Dataset data = net.dataset();
        final Loss loss = arch.loss();
        final int h = arch.hidden();
        final Forward f = pass;
        final double value = net.forward(theta, f);
        final double[] y = f.output;
        final double[] q = f.outputComplement;
        final double d0 = loss.outputDelta(y[0], q[0], data.target(0)) / Dataset.ROWS;
        final double d1 = loss.outputDelta(y[1], q[1], data.target(1)) / Dataset.ROWS;
        final double d2 = loss.outputDelta(y[2], q[2], data.target(2)) / Dataset.ROWS;
        final double d3 = loss.outputDelta(y[3], q[3], data.target(3)) / Dataset.ROWS;
        grad[4 * h] = ((d0 + d1) + d2) + d3;
        final double[] zs = f.hiddenSum;
        final double[] as = f.hiddenOut;
        for (int j = 0; j < h; j++) {
            final double a0 = as[j];
            final double a1 = as[h + j];
            final double a2 = as[2 * h + j];
            final double a3 = as[3 * h + j];
            grad[3 * h + j] = ((d0 * a0 + d1 * a1) + d2 * a2) + d3 * a3;
            // act′(z) from the stored activation where it can be: σ′ = a(1 − a), tanh′ = 1 − a².
            final double s0;
            final double s1;
            final double s2;
            final double s3;
            switch (arch.activation()) {
                case SIGMOID -> {
                    s0 = a0 * (1.0 - a0);
                    s1 = a1 * (1.0 - a1);
                    s2 = a2 * (1.0 - a2);
                    s3 = a3 * (1.0 - a3);
                }
                case TANH -> {
                    s0 = 1.0 - a0 * a0;
                    s1 = 1.0 - a1 * a1;
                    s2 = 1.0 - a2 * a2;
                    s3 = 1.0 - a3 * a3;
                }
                case RELU -> {
                    s0 = zs[j] > 0.0 ? 1.0 : 0.0;
                    s1 = zs[h + j] > 0.0 ? 1.0 : 0.0;
                    s2 = zs[2 * h + j] > 0.0 ? 1.0 : 0.0;
                    s3 = zs[3 * h + j] > 0.0 ? 1.0 : 0.0;
                }
                default -> throw new AssertionError();
            }
            final double v = theta[3 * h + j];
            final double e0 = d0 * v * s0;
            final double e1 = d1 * v * s1;
            final double e2 = d2 * v * s2;
            final double e3 = d3 * v * s3;
            grad[2 * h + j] = ((e0 + e1) + e2) + e3;
            grad[j] = e2 + e3;       // x1 = 1 on rows (1,0) and (1,1)
            grad[h + j] = e1 + e3;   // x2 = 1 on rows (0,1) and (1,1)
        }
        return value;
    }
}
