package org.backproplab.grad;

import org.backproplab.nn.Activation;
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
 * the rows that switch input i on. Every sum is taken over the rows in order. The δs are kept in
 * {@link #lastBackward()}, whose {@link Backward#gradient} adds the same terms one row at a time.
 */
public final class ChainRule {
    private final Network net;
    private final Forward pass;
    private final Backward back;

    public ChainRule(Network net) {
        this.net = net;
        this.pass = new Forward(net.architecture());
        this.back = new Backward(pass);
    }

    /** The forward pass behind the last {@link #gradient} call. */
    public Forward lastPass() {
        return pass;
    }

    /** The backward pass of the last {@link #gradient} call: its δs and each row's contributions. */
    public Backward lastBackward() {
        return back;
    }

    /** Writes ∂L/∂θ into {@code grad} and returns L(θ). */
    public double gradient(double[] theta, double[] grad) {
        final Architecture arch = net.architecture();
        final Dataset data = net.dataset();
        final Loss loss = arch.loss();
        final Activation act = arch.activation();
        final int h = arch.hidden();
        final Forward f = pass;
        final double value = net.forward(theta, f);
        final double[] y = f.output;
        final double[] q = f.outputComplement;
        final double d0 = loss.outputDelta(y[0], q[0], data.target(0)) / Dataset.ROWS;
        final double d1 = loss.outputDelta(y[1], q[1], data.target(1)) / Dataset.ROWS;
        final double d2 = loss.outputDelta(y[2], q[2], data.target(2)) / Dataset.ROWS;
        final double d3 = loss.outputDelta(y[3], q[3], data.target(3)) / Dataset.ROWS;
        final double[] dy = back.outputDelta;
        dy[0] = d0;
        dy[1] = d1;
        dy[2] = d2;
        dy[3] = d3;
        grad[arch.outputBias()] = ((d0 + d1) + d2) + d3;
        final double[] zs = f.hiddenSum;
        final double[] as = f.hiddenOut;
        final double[] dh = back.hiddenDelta;
        for (int j = 0; j < h; j++) {
            final int r0 = f.at(0, j);
            final int r1 = f.at(1, j);
            final int r2 = f.at(2, j);
            final int r3 = f.at(3, j);
            final double a0 = as[r0];
            final double a1 = as[r1];
            final double a2 = as[r2];
            final double a3 = as[r3];
            grad[arch.outputWeight(j)] = ((d0 * a0 + d1 * a1) + d2 * a2) + d3 * a3;
            final double v = theta[arch.outputWeight(j)];
            final double e0 = d0 * v * act.derivative(zs[r0], a0);
            final double e1 = d1 * v * act.derivative(zs[r1], a1);
            final double e2 = d2 * v * act.derivative(zs[r2], a2);
            final double e3 = d3 * v * act.derivative(zs[r3], a3);
            dh[r0] = e0;
            dh[r1] = e1;
            dh[r2] = e2;
            dh[r3] = e3;
            grad[arch.hiddenBias(j)] = ((e0 + e1) + e2) + e3;
            grad[arch.inputWeight(0, j)] = e2 + e3;   // x1 = 1 on rows (1,0) and (1,1)
            grad[arch.inputWeight(1, j)] = e1 + e3;   // x2 = 1 on rows (0,1) and (1,1)
        }
        return value;
    }
}
