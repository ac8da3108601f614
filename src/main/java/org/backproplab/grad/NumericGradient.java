package org.backproplab.grad;

import org.backproplab.nn.Network;

/**
 * The guide's "simple method": nudge each parameter by ε, run the network again, read the change
 * of the loss, put the parameter back. Counts the forward passes it makes. Not thread-safe.
 */
public final class NumericGradient {
    private final Network net;
    private long forwardPasses;

    public NumericGradient(Network net) {
        this.net = net;
    }

    /**
     * Writes the numeric ∂L/∂θ into {@code grad}. θ is nudged in place and restored exactly
     * (the saved value is written back, so no rounding drift). For a forward difference the
     * loss at θ is the one passed in ({@code lossAtTheta}), as the guide computes it once.
     */
    public void gradient(double[] theta, double lossAtTheta, double eps, Difference diff, double[] grad) {
        final int p = net.architecture().parameterCount();
        for (int k = 0; k < p; k++) {
            final double saved = theta[k];
            theta[k] = saved + eps;
            final double up = net.loss(theta);
            if (diff == Difference.FORWARD) {
                theta[k] = saved;
                grad[k] = (up - lossAtTheta) / eps;
                forwardPasses += 1;
            } else {
                theta[k] = saved - eps;
                final double down = net.loss(theta);
                theta[k] = saved;
                grad[k] = (up - down) / (2.0 * eps);
                forwardPasses += 2;
            }
        }
    }

    /** Computes L(θ) first (one more forward pass), then the gradient; returns L(θ). */
    public double gradient(double[] theta, double eps, Difference diff, double[] grad) {
        final double loss = net.loss(theta);
        forwardPasses++;
        gradient(theta, loss, eps, diff, grad);
        return loss;
    }

    public long forwardPasses() {
        return forwardPasses;
    }
}
