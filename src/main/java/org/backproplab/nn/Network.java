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
        final Activation act = arch.activation();
        final double[] zs = f.hiddenSum;
        final double[] as = f.hiddenOut;
        double zy0 = 0.0;
        double zy1 = 0.0;
        double zy2 = 0.0;
        double zy3 = 0.0;
        for (int j = 0; j < h; j++) {
            final double w1 = theta[arch.inputWeight(0, j)];
            final double w2 = theta[arch.inputWeight(1, j)];
            final double b = theta[arch.hiddenBias(j)];
            final double v = theta[arch.outputWeight(j)];
            final double z0 = hiddenSum(0, w1, w2, b);
            final double z1 = hiddenSum(1, w1, w2, b);
            final double z2 = hiddenSum(2, w1, w2, b);
            final double z3 = hiddenSum(3, w1, w2, b);
            final double a0 = act.apply(z0);
            final double a1 = act.apply(z1);
            final double a2 = act.apply(z2);
            final double a3 = act.apply(z3);
            zs[f.at(0, j)] = z0;
            zs[f.at(1, j)] = z1;
            zs[f.at(2, j)] = z2;
            zs[f.at(3, j)] = z3;
            as[f.at(0, j)] = a0;
            as[f.at(1, j)] = a1;
            as[f.at(2, j)] = a2;
            as[f.at(3, j)] = a3;
            zy0 += a0 * v;
            zy1 += a1 * v;
            zy2 += a2 * v;
            zy3 += a3 * v;
        }
        final double c = theta[arch.outputBias()];
        final Loss loss = arch.loss();
        final double sum = ((output(f, 0, zy0 + c, t0, loss)
                + output(f, 1, zy1 + c, t1, loss))
                + output(f, 2, zy2 + c, t2, loss))
                + output(f, 3, zy3 + c, t3, loss);
        f.loss = mean(sum);
        return f.loss;
    }

    /**
     * z of a hidden unit on truth-table row r (0..3), with w1, w2 its weights from x1, x2 and b its
     * bias: (x1·w1 + x2·w2) + b in numpy's order, where x·w is ±0 or w exactly, so the row adds
     * the weights it switches on: b, w2 + b, w1 + b, (w1 + w2) + b.
     */
    public static double hiddenSum(int r, double w1, double w2, double b) {
        return switch (r) {
            case 0 -> b;
            case 1 -> w2 + b;
            case 2 -> w1 + b;
            case 3 -> (w1 + w2) + b;
            default -> throw new IndexOutOfBoundsException(r);
        };
    }

    /** The output unit on a row whose output sum is z_y, and that row's loss term: term(σ(z_y), t). */
    public static double lossTerm(Loss loss, double zy, double t) {
        return loss.term(Activation.sigmoidOfExp(Elementary.exp(-zy)), t);
    }

    /**
     * {@link #lossTerm} of n rows at once: term[i] from zy[i] and t[i], with e as scratch; the same
     * doubles. All the exponentials first, then all the outputs ŷ, then all the terms: the
     * processor overlaps the independent ones, where one row at a time each waits for the chain of
     * exp, division and log of the row before. (The JIT vectorises the loop of outputs only for
     * longer batches than an epoch's 15 or so: measured, 1.0 ns a division at 15, 0.3 at 48.)
     */
    public static void lossTerms(Loss loss, double[] zy, double[] t, double[] e, double[] term, int n) {
        for (int i = 0; i < n; i++) {
            e[i] = Elementary.exp(-zy[i]);
        }
        for (int i = 0; i < n; i++) {
            e[i] = Activation.sigmoidOfExp(e[i]);
        }
        for (int i = 0; i < n; i++) {
            term[i] = loss.term(e[i], t[i]);
        }
    }

    /** The loss from the sum of the four rows' terms, added in row order: their mean. */
    public static double mean(double sumOfTerms) {
        return sumOfTerms / Dataset.ROWS;
    }

    /** The output unit on row r: ŷ = σ(z_y), recorded in {@code f}; returns the row's loss term. */
    private static double output(Forward f, int r, double zy, double t, Loss loss) {
        final double e = Elementary.exp(-zy);
        final double yhat = Activation.sigmoidOfExp(e);
        final double term = loss.term(yhat, t);
        f.outputSum[r] = zy;
        f.output[r] = yhat;
        f.outputComplement[r] = Activation.sigmoidComplement(e, yhat);
        f.lossTerm[r] = term;
        return term;
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
            double z = (x1 * theta[arch.inputWeight(0, j)] + x2 * theta[arch.inputWeight(1, j)])
                    + theta[arch.hiddenBias(j)];
            zy += act.apply(z) * theta[arch.outputWeight(j)];
        }
        zy += theta[arch.outputBias()];
        return Activation.SIGMOID.apply(zy);
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
