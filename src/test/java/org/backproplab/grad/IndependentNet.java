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
        double[] t = theta.clone();
        double saved = t[k];
        t[k] = saved + eps;
        double up1 = loss(t);
        t[k] = saved - eps;
        double down1 = loss(t);
        t[k] = saved + 2 * eps;
        double up2 = loss(t);
        t[k] = saved - 2 * eps;
        double down2 = loss(t);
        return (8 * (up1 - down1) - (up2 - down2)) / (12 * eps);
    }

    /** ∂²L/∂θ_k² by the five-point stencil, whose error is O(h⁴). */
    double secondDerivative(double[] theta, int k, double h) {
        double[] t = theta.clone();
        double saved = t[k];
        double mid = loss(t);
        t[k] = saved + h;
        double up1 = loss(t);
        t[k] = saved - h;
        double down1 = loss(t);
        t[k] = saved + 2 * h;
        double up2 = loss(t);
        t[k] = saved - 2 * h;
        double down2 = loss(t);
        return (16 * (up1 + down1) - (up2 + down2) - 30 * mid) / (12 * h * h);
    }

    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
