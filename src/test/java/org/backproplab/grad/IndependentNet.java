package org.backproplab.grad;

import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;

/**
 * The loss of the 2-H-1 network written a second time, plainly and apart from the engine, as a
 * reference for tests. Cross-entropy is computed from z_y in its well-conditioned form
 * (−ln σ(z) = softplus(−z), −ln(1 − σ(z)) = softplus(z)), so that a finite difference over it stays
 * accurate where ŷ is close to 0 or 1 (the engine, like the guide's code, computes ln(1 − ŷ), whose
 * rounding a difference quotient magnifies by 1/ε). Valid where the clip at 1e-15 does not bind
 * (|z_y| < 34), which holds for |θ| ≤ 3.
 */
final class IndependentNet {
    private final Architecture arch;
    private final Dataset data;

    IndependentNet(Architecture arch, Dataset data) {
        this.arch = arch;
        this.data = data;
    }

    double loss(double[] theta) {
        int h = arch.hidden();
        double total = 0;
        for (int r = 0; r < 4; r++) {
            double x1 = Dataset.input(r, 0);
            double x2 = Dataset.input(r, 1);
            double zy = theta[arch.outputBias()];
            for (int j = 0; j < h; j++) {
                double z = x1 * theta[arch.inputWeight(0, j)] + x2 * theta[arch.inputWeight(1, j)] + theta[arch.hiddenBias(j)];
                double a = switch (arch.activation()) {
                    case SIGMOID -> 1 / (1 + Math.exp(-z));
                    case TANH -> Math.tanh(z);
                    case RELU -> Math.max(0, z);
                };
                zy += a * theta[arch.outputWeight(j)];
            }
            double t = data.target(r);
            total += switch (arch.loss()) {
                case MSE -> Math.pow(1 / (1 + Math.exp(-zy)) - t, 2);
                case BCE -> t * softplus(-zy) + (1 - t) * softplus(zy);
            };
        }
        return total / 4;
    }

    /** ∂L/∂θ_k by the five-point centered stencil, whose error is O(ε⁴). */
    double centeredDifference(double[] theta, int k, double eps) {
        return (8 * (nudged(theta, k, eps) - nudged(theta, k, -eps))
                - (nudged(theta, k, 2 * eps) - nudged(theta, k, -2 * eps))) / (12 * eps);
    }

    /** ∂²L/∂θ_k² by the five-point stencil, whose error is O(h⁴). */
    double secondDerivative(double[] theta, int k, double h) {
        return (16 * (nudged(theta, k, h) + nudged(theta, k, -h)) - (nudged(theta, k, 2 * h) + nudged(theta, k, -2 * h))
                - 30 * loss(theta)) / (12 * h * h);
    }

    /** L with θ_k moved by {@code by}. */
    private double nudged(double[] theta, int k, double by) {
        double[] t = theta.clone();
        t[k] += by;
        return loss(t);
    }

    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
