package org.backproplab.grad;

import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;

/**
 * Backpropagation written a second time for tests, as a textbook writes it, row by row and
 * derivative by derivative from z (not from the stored activations the engine reads), with each
 * planted mistake put in where a learner would make it. Valid away from BCE's clip.
 */
final class IndependentBuggyBackprop {
    private IndependentBuggyBackprop() {
    }

    static double[] gradient(Architecture arch, Dataset data, double[] theta, PlantedBug bug) {
        int h = arch.hidden();
        double[] g = new double[arch.parameterCount()];
        for (int r = 0; r < 4; r++) {
            double[] x = {Dataset.input(r, 0), Dataset.input(r, 1)};
            double[] z = new double[h];
            double[] a = new double[h];
            double zy = theta[arch.outputBias()];
            for (int j = 0; j < h; j++) {
                z[j] = x[0] * theta[arch.inputWeight(0, j)] + x[1] * theta[arch.inputWeight(1, j)] + theta[arch.hiddenBias(j)];
                a[j] = switch (arch.activation()) {
                    case SIGMOID -> 1 / (1 + Math.exp(-z[j]));
                    case TANH -> Math.tanh(z[j]);
                    case RELU -> Math.max(0, z[j]);
                };
                zy += a[j] * theta[arch.outputWeight(j)];
            }
            double y = 1 / (1 + Math.exp(-zy));
            double t = data.target(r);
            // dL/dŷ for this row's share of the mean
            double dLdy = switch (arch.loss()) {
                case MSE -> 2 * (y - t) / 4;
                case BCE -> (-t / y + (1 - t) / (1 - y)) / 4;
            };
            double slope = y * (1 - y);
            double dy = dLdy * slope; // ∂L/∂z_y, right
            if (bug == PlantedBug.NO_OUTPUT_SLOPE) dy = dLdy;
            if (bug == PlantedBug.NO_MEAN) dy = 4 * dLdy * slope;
            if (bug == PlantedBug.WRONG_SIGN) {
                // the error's sign flipped: (t − ŷ) where (ŷ − t) belongs
                dy = arch.loss() == org.backproplab.nn.Loss.MSE ? 2 * (t - y) / 4 * slope : (t - y) / 4;
            }
            g[arch.outputBias()] += dy;
            for (int j = 0; j < h; j++) {
                g[arch.outputWeight(j)] += dy * a[j];
                double actSlope = switch (arch.activation()) {
                    case SIGMOID -> Math.exp(-z[j]) / ((1 + Math.exp(-z[j])) * (1 + Math.exp(-z[j])));
                    case TANH -> 1 / (Math.cosh(z[j]) * Math.cosh(z[j]));
                    case RELU -> z[j] > 0 ? 1 : 0;
                };
                double dz = dy * theta[arch.outputWeight(j)] * (bug == PlantedBug.NO_HIDDEN_SLOPE ? 1 : actSlope);
                if (bug == PlantedBug.ONE_ROW_BIAS) {
                    if (r == 3) g[arch.hiddenBias(j)] = dz;
                } else {
                    g[arch.hiddenBias(j)] += dz;
                }
                boolean swap = bug == PlantedBug.SWAPPED_INPUTS;
                g[arch.inputWeight(0, j)] += dz * x[swap ? 1 : 0];
                g[arch.inputWeight(1, j)] += dz * x[swap ? 0 : 1];
            }
        }
        return g;
    }
}
