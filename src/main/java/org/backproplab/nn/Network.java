package org.backproplab.nn;

/**
 * The forward pass of the 2-H-1 network on one dataset, over a flat parameter vector θ.
 *
 * <p>Sums are taken in numpy's order for {@code X @ W + b}: the weighted inputs first, then the
 * bias, so that the {@code reference} preset follows the guide's code step for step.
 * Not thread-safe: each trainer or worker has its own.
 */
public final class Network {
    private final Architecture arch;
    private final Dataset data;
    /** Reused by {@link #loss}: a Network belongs to one thread. */
    private final Forward scratch;

    public Network(Architecture arch, Dataset data) {
        this.arch = arch;
        this.data = data;
        this.scratch = new Forward(arch);
    }

    public Architecture architecture() {
        return arch;
    }

    public Dataset dataset() {
        return data;
    }

    /** Runs the four rows through the network, filling {@code f}; returns the loss. */
    public double forward(double[] theta, Forward f) {
        final int h = arch.hidden();
        final Activation act = arch.activation();
        final Loss lossFn = arch.loss();
        final int outBias = arch.outputBias();
        double sum = 0.0;
        for (int r = 0; r < Dataset.ROWS; r++) {
            final double x1 = Dataset.input(r, 0);
            final double x2 = Dataset.input(r, 1);
            double zy = 0.0;
            for (int j = 0; j < h; j++) {
                double z = (x1 * theta[j] + x2 * theta[h + j]) + theta[2 * h + j];
                double a = act.apply(z);
                f.hiddenSum[r * h + j] = z;
                f.hiddenOut[r * h + j] = a;
                zy += a * theta[3 * h + j];
            }
            zy += theta[outBias];
            double yhat = 1.0 / (1.0 + Math.exp(-zy));
            f.outputSum[r] = zy;
            f.output[r] = yhat;
            sum += lossFn.term(yhat, data.target(r));
        }
        f.loss = sum / Dataset.ROWS;
        return f.loss;
    }

    /** The loss alone, for the numeric differences (the same arithmetic as {@link #forward}). */
    public double loss(double[] theta) {
        return forward(theta, scratch);
    }
}
