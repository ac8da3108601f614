package org.backproplab.grad;

import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
import org.backproplab.nn.Network;

/**
 * Backpropagation: one forward pass, then one backward pass that multiplies local derivatives
 * from the loss back to every parameter. Allocates nothing per call; not thread-safe.
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
        final Activation act = arch.activation();
        final int h = arch.hidden();
        final double loss = net.forward(theta, pass);
        java.util.Arrays.fill(grad, 0, arch.parameterCount(), 0.0);
        for (int r = 0; r < Dataset.ROWS; r++) {
            final double yhat = pass.output[r];
            // ∂L/∂z_y = ∂L/∂ŷ · σ′(z_y), with L the mean of the four rows' terms.
            final double dOut = arch.loss().termDerivative(yhat, data.target(r)) / Dataset.ROWS
                    * (yhat * (1.0 - yhat));
            grad[arch.outputBias()] += dOut;
            final double x1 = Dataset.input(r, 0);
            final double x2 = Dataset.input(r, 1);
            for (int j = 0; j < h; j++) {
                final double a = pass.hiddenOut[r * h + j];
                grad[3 * h + j] += dOut * a;
                // ∂L/∂z_hj = ∂L/∂z_y · w(hj→y) · act′(z_hj)
                final double dHidden = dOut * theta[3 * h + j] * act.derivative(pass.hiddenSum[r * h + j], a);
                grad[2 * h + j] += dHidden;
                grad[j] += dHidden * x1;
                grad[h + j] += dHidden * x2;
            }
        }
        return loss;
    }
}
