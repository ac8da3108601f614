package org.backproplab.nn;

/**
 * The forward pass of the 2-H-1 network on one dataset, over a flat parameter vector θ: the one
 * definition of the network's arithmetic, which the chain rule, the numeric differences and the
 * explanations all read.
 *
 * <p>Sums are taken in numpy's order for {@code X @ W + b}: the weighted inputs first, then the
 * bias, so that the {@code reference} preset follows the guide's code step for step. The inputs
 * are the truth table's 0s and 1s, so x·w is ±0 or w exactly: the pass adds the weights the row
 * switches on instead of multiplying, which gives the same doubles as z = (x1·w1 + x2·w2) + b for
 * every finite θ (up to the sign of a zero, which no activation, output or loss can tell apart;
 * {@code NetworkTest} checks the outputs and the loss bit for bit against the literal formula).
 * The output sum adds a_j·w_j for j = 1..H in order, then b_y.
 *
 * <p>Not thread-safe: each trainer or worker has its own.
 */
public final class Network {
    private final Architecture arch;
    private final Dataset data;
    private final double t0;
    private final double t1;
    private final double t2;
    private final double t3;
    /** Reused by {@link #loss}: a Network belongs to one thread. */
    private final Forward scratch;
    private long passes;

    public Network(Architecture arch, Dataset data) {
        this.arch = arch;
        this.data = data;
        this.t0 = data.target(0);
        this.t1 = data.target(1);
        this.t2 = data.target(2);
        this.t3 = data.target(3);
        this.scratch = new Forward(arch);
    }

    public Architecture architecture() {
        return arch;
    }

    public Dataset dataset() {
        return data;
    }

    /**
     * Runs the four rows (x1, x2) = (0,0), (0,1), (1,0), (1,1) through the network, filling
     * {@code f}; returns the loss. The rows are written out one by one: with four fixed rows that
     * is shorter to read than a loop over an input table, and faster.
     */
    public double forward(double[] theta, Forward f) {
        passes++;
        final int h = arch.hidden();
        final double[] zs = f.hiddenSum;
        final double[] as = f.hiddenOut;
        double zy0 = 0.0;
        double zy1 = 0.0;
        double zy2 = 0.0;
        double zy3 = 0.0;
        for (int j = 0; j < h; j++) {
            final double w1 = theta[j];
            final double w2 = theta[h + j];
            final double b = theta[2 * h + j];
            final double v = theta[3 * h + j];
            final double z0 = b;               // (0·w1 + 0·w2) + b
            final double z1 = w2 + b;          // (0·w1 + 1·w2) + b
            final double z2 = w1 + b;          // (1·w1 + 0·w2) + b
            final double z3 = (w1 + w2) + b;   // (1·w1 + 1·w2) + b
            final double a0;
            final double a1;
            final double a2;
            final double a3;
            switch (arch.activation()) {
                case SIGMOID -> {
                    a0 = 1.0 / (1.0 + Math.exp(-z0));
                    a1 = 1.0 / (1.0 + Math.exp(-z1));
                    a2 = 1.0 / (1.0 + Math.exp(-z2));
                    a3 = 1.0 / (1.0 + Math.exp(-z3));
                }
                case TANH -> {
                    a0 = Math.tanh(z0);
                    a1 = Math.tanh(z1);
                    a2 = Math.tanh(z2);
                    a3 = Math.tanh(z3);
                }
                case RELU -> {
                    a0 = z0 > 0.0 ? z0 : 0.0;
                    a1 = z1 > 0.0 ? z1 : 0.0;
                    a2 = z2 > 0.0 ? z2 : 0.0;
                    a3 = z3 > 0.0 ? z3 : 0.0;
                }
                default -> throw new AssertionError();
            }
            zs[j] = z0;
            zs[h + j] = z1;
            zs[2 * h + j] = z2;
            zs[3 * h + j] = z3;
            as[j] = a0;
            as[h + j] = a1;
            as[2 * h + j] = a2;
            as[3 * h + j] = a3;
            zy0 += a0 * v;
            zy1 += a1 * v;
            zy2 += a2 * v;
            zy3 += a3 * v;
        }
        final double c = theta[4 * h];
        final Loss loss = arch.loss();
        final double sum = ((output(f, 0, zy0 + c, t0, loss)
                + output(f, 1, zy1 + c, t1, loss))
                + output(f, 2, zy2 + c, t2, loss))
                + output(f, 3, zy3 + c, t3, loss);
        f.loss = sum / Dataset.ROWS;
        return f.loss;
    }

    /** The output unit on row r: ŷ = σ(z_y), recorded in {@code f}; returns the row's loss term. */
    private static double output(Forward f, int r, double zy, double t, Loss loss) {
        final double e = Math.exp(-zy);
        final double yhat = 1.0 / (1.0 + e);
        f.outputSum[r] = zy;
        f.output[r] = yhat;
        f.outputComplement[r] = yhat > 0.5 ? e * yhat : 1.0 - yhat;
        return loss.term(yhat, t);
    }

    /**
     * ŷ at any point (x1, x2) of the input square, not only at the truth table's corners: what the
     * network has learned between them. Same arithmetic as {@link #forward} (at a corner it gives
     * the same double as the forward pass's row). Not counted as a forward pass.
     */
    public double output(double[] theta, double x1, double x2) {
        final int h = arch.hidden();
        final Activation act = arch.activation();
        double zy = 0.0;
        for (int j = 0; j < h; j++) {
            double z = (x1 * theta[j] + x2 * theta[h + j]) + theta[2 * h + j];
            zy += act.apply(z) * theta[3 * h + j];
        }
        zy += theta[4 * h];
        return 1.0 / (1.0 + Math.exp(-zy));
    }

    /**
     * ŷ over a {@code columns} × {@code rows} grid of the input square, as a plot shows it: x1 grows
     * to the right, x2 grows upwards. Row-major: {@code [i * columns + j]} holds
     * ŷ(x1 = j / (columns − 1), x2 = 1 − i / (rows − 1)), so the first row is x2 = 1 and the last
     * x2 = 0, and the four corners are the truth table's rows.
     */
    public double[] surface(double[] theta, int columns, int rows) {
        if (columns < 2 || rows < 2) {
            throw new IllegalArgumentException("a surface needs at least 2 × 2 points, got " + columns + " × " + rows);
        }
        double[] out = new double[columns * rows];
        for (int i = 0; i < rows; i++) {
            double x2 = 1.0 - (double) i / (rows - 1);
            for (int j = 0; j < columns; j++) {
                out[i * columns + j] = output(theta, (double) j / (columns - 1), x2);
            }
        }
        return out;
    }

    /** Forward passes run so far (each call of {@link #forward} or {@link #loss} is one). */
    public long forwardPasses() {
        return passes;
    }

    /** The loss alone, for the numeric differences (the same arithmetic as {@link #forward}). */
    public double loss(double[] theta) {
        return forward(theta, scratch);
    }
}
