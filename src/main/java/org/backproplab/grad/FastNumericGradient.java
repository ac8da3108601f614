package org.backproplab.grad;

import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Network;

/**
 * The numeric gradient of {@link NumericGradient}, the same doubles, for less work: a nudge
 * changes only part of the network, so only the rows it changes are run again, and every other
 * row's loss term is the one of the pass at θ (the same double a full pass would compute again).
 * Training uses it; {@link NumericGradient} stays the guide's method written plainly (and the
 * tests hold the two equal bit for bit).
 *
 * <p>What a nudge of θ_k changes, on row r:
 * <ul>
 *   <li>w(x1→hj): unit j on rows (1,0) and (1,1); w(x2→hj): on rows (0,1) and (1,1); b_hj: on
 *       every row; each only where act(z) moves (a ReLU that stays at 0 changes nothing). Two
 *       nudges of one unit often give the same z on a row (w1 + (b + ε) and (w1 + ε) + b are
 *       mostly the same double), and then the row is run once for both;</li>
 *   <li>w(hj→y): z_y on the rows where a_hj ≠ 0 (a_hj·w is ±0 on the others, whatever w);</li>
 *   <li>b_y: z_y on every row.</li>
 * </ul>
 * Every row is computed as {@link Network#forward} computes it: z by {@link Network#hiddenSum},
 * a by the activation, z_y by adding a_hj·w(hj→y) for j = 1..H in order and then b_y, the term by
 * {@link Network#lossTerm}; each loss is the terms' {@link Network#mean} in row order. (A sign of
 * zero may differ in z_y, which no exp, output or loss term can tell apart.) The rows are written
 * out one by one, as in the forward pass.
 *
 * <p>The terms are computed last, all together ({@link Network#lossTerms}): first the output sum of
 * every row that changed, each in a slot of its own, then the exponentials of all of them, their
 * outputs and their logarithms, then each nudge's loss from its four rows' slots. The processor
 * overlaps the exponentials (and the logarithms) of a batch; computed one row at a time, each
 * term's chain of exp, division and log waits for the one before (measured: 1.4 times the time
 * a term). Rows with the same target and the same sum at θ share one slot, at θ and with b_y
 * nudged.
 *
 * <p>Allocates nothing per call; not thread-safe.
 */
public final class FastNumericGradient {
    private final Architecture arch;
    private final Activation act;
    private final Loss loss;
    private final int hidden;
    private final double t0;
    private final double t1;
    private final double t2;
    private final double t3;
    /** a and a·w(h→y) of the hidden units at θ, per unit and row: [j * 4 + r]. */
    private final double[] activation;
    private final double[] product;
    /** Per unit and row, the products of the units before j added up: [j * 4 + r]. */
    private final double[] before;
    /** Per row, all the products added up: z_y at θ before b_y. */
    private double sum0;
    private double sum1;
    private double sum2;
    private double sum3;
    private double outputBias;
    /** The terms to compute: each slot's output sum and target, then its term. */
    private final double[] slotSum;
    private final double[] slotTarget;
    private final double[] slotExp;
    private final double[] slotTerm;
    private int slots;
    /** The first row with row r's target and sum at θ (r itself when none is before it). */
    private int twin1;
    private int twin2;
    private int twin3;
    /** The slots of the four rows' terms at θ. */
    private int at0;
    private int at1;
    private int at2;
    private int at3;
    /**
     * Which slot holds each row's term, for the loss of each nudge: [(2k + d) * 4 + r] for
     * parameter k nudged up (d = 0) or down (d = 1).
     */
    private final int[] rowSlots;
    private long forwardPasses;

    public FastNumericGradient(Network net) {
        this.arch = net.architecture();
        this.act = arch.activation();
        this.loss = arch.loss();
        this.hidden = arch.hidden();
        Dataset data = net.dataset();
        this.t0 = data.target(0);
        this.t1 = data.target(1);
        this.t2 = data.target(2);
        this.t3 = data.target(3);
        this.activation = new double[Dataset.ROWS * hidden];
        this.product = new double[Dataset.ROWS * hidden];
        this.before = new double[Dataset.ROWS * hidden];
        // At most: the rows at θ, and every row of every nudge both ways.
        int most = Dataset.ROWS * (1 + 2 * arch.parameterCount());
        this.slotSum = new double[most];
        this.slotTarget = new double[most];
        this.slotExp = new double[most];
        this.slotTerm = new double[most];
        this.rowSlots = new int[Dataset.ROWS * 2 * arch.parameterCount()];
    }

    /**
     * Writes the numeric ∂L/∂θ into {@code grad} and returns L(θ): the same doubles as
     * {@link NumericGradient#gradient(double[], double, Difference, double[])}. θ is not changed.
     */
    public double gradient(double[] theta, double eps, Difference diff, double[] grad) {
        final boolean central = diff == Difference.CENTRAL;
        passAtTheta(theta);
        final double c = outputBias;
        for (int j = 0; j < hidden; j++) {
            final double w1 = theta[arch.inputWeight(0, j)];
            final double w2 = theta[arch.inputWeight(1, j)];
            final double b = theta[arch.hiddenBias(j)];
            final double v = theta[arch.outputWeight(j)];
            hiddenNudges(j, w1, w2, b, v, eps, 0);
            outputWeightNudge(j, v + eps, 0);
            if (central) {
                hiddenNudges(j, w1, w2, b, v, -eps, 1);
                outputWeightNudge(j, v - eps, 1);
            }
        }
        outputBiasNudge(c + eps, 0);
        if (central) {
            outputBiasNudge(c - eps, 1);
        }
        Network.lossTerms(loss, slotSum, slotTarget, slotExp, slotTerm, slots);
        final double lossAtTheta = Network.mean(((slotTerm[at0] + slotTerm[at1]) + slotTerm[at2]) + slotTerm[at3]);
        final int n = arch.parameterCount();
        for (int k = 0; k < n; k++) {
            grad[k] = central
                    ? (nudgedLoss(k, 0) - nudgedLoss(k, 1)) / (2.0 * eps)
                    : (nudgedLoss(k, 0) - lossAtTheta) / eps;
        }
        forwardPasses += 1 + (central ? 2L : 1L) * n;
        return lossAtTheta;
    }

    /** L with parameter k nudged up (d = 0) or down (d = 1): its four rows' terms' mean, in row order. */
    private double nudgedLoss(int k, int d) {
        final int at = (2 * k + d) * Dataset.ROWS;
        final double[] term = slotTerm;
        final int[] rows = rowSlots;
        return Network.mean(((term[rows[at]] + term[rows[at + 1]]) + term[rows[at + 2]]) + term[rows[at + 3]]);
    }

    /** Records which slots hold the four rows' terms of parameter k nudged in direction d. */
    private void rows(int k, int d, int r0, int r1, int r2, int r3) {
        final int at = (2 * k + d) * Dataset.ROWS;
        rowSlots[at] = r0;
        rowSlots[at + 1] = r1;
        rowSlots[at + 2] = r2;
        rowSlots[at + 3] = r3;
    }

    /**
     * The pass at θ up to the output sums: keeps the hidden units, and puts each row's z_y in
     * slot r. The rows as {@link Network#forward} runs them, from the same definitions (so the
     * same doubles); not a call of it, whose record of every intermediate value costs about a
     * tenth of this epoch.
     */
    private void passAtTheta(double[] theta) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        for (int j = 0; j < hidden; j++) {
            final double w1 = theta[arch.inputWeight(0, j)];
            final double w2 = theta[arch.inputWeight(1, j)];
            final double b = theta[arch.hiddenBias(j)];
            final double v = theta[arch.outputWeight(j)];
            final int at = j * Dataset.ROWS;
            final double a0 = act.apply(Network.hiddenSum(0, w1, w2, b));
            final double a1 = act.apply(Network.hiddenSum(1, w1, w2, b));
            final double a2 = act.apply(Network.hiddenSum(2, w1, w2, b));
            final double a3 = act.apply(Network.hiddenSum(3, w1, w2, b));
            activation[at] = a0;
            activation[at + 1] = a1;
            activation[at + 2] = a2;
            activation[at + 3] = a3;
            before[at] = s0;
            before[at + 1] = s1;
            before[at + 2] = s2;
            before[at + 3] = s3;
            product[at] = a0 * v;
            product[at + 1] = a1 * v;
            product[at + 2] = a2 * v;
            product[at + 3] = a3 * v;
            s0 += a0 * v;
            s1 += a1 * v;
            s2 += a2 * v;
            s3 += a3 * v;
        }
        sum0 = s0;
        sum1 = s1;
        sum2 = s2;
        sum3 = s3;
        final double c = theta[arch.outputBias()];
        outputBias = c;
        slots = 0;
        // A row with an earlier row's target and sum has that row's term, at θ and with b_y nudged
        // (the rows a dead unit leaves at b_y alone). Sums equal by == are the same double or ±0,
        // whose exponentials are both 1. twin_r is the first such row, or r.
        twin1 = t1 == t0 && s1 == s0 ? 0 : 1;
        twin2 = t2 == t0 && s2 == s0 ? 0 : t2 == t1 && s2 == s1 ? 1 : 2;
        twin3 = t3 == t0 && s3 == s0 ? 0 : t3 == t1 && s3 == s1 ? 1 : t3 == t2 && s3 == s2 ? 2 : 3;
        at0 = slot(s0 + c, t0);
        at1 = twin1 < 1 ? at0 : slot(s1 + c, t1);
        at2 = twin2 < 2 ? either(twin2, at0, at1) : slot(s2 + c, t2);
        at3 = twin3 < 3 ? either(twin3, at0, at1, at2) : slot(s3 + c, t3);
    }

    /**
     * The three nudges of hidden unit j by e (+ε or −ε, direction d): w(x1→hj), w(x2→hj), b_hj.
     * Rows are (x1, x2) = (0,0), (0,1), (1,0), (1,1).
     */
    private void hiddenNudges(int j, double w1, double w2, double b, double v, double e, int d) {
        final double a0 = activation(0, j);
        final double a1 = activation(1, j);
        final double a2 = activation(2, j);
        final double a3 = activation(3, j);
        // w(x1→hj) + e: rows (1,0) and (1,1).
        final double w1n = w1 + e;
        final double x2W1 = act.apply(Network.hiddenSum(2, w1n, w2, b));
        final double x3W1 = act.apply(Network.hiddenSum(3, w1n, w2, b));
        final int r2W1 = x2W1 != a2 ? row(2, j, x2W1, v, t2) : at2;
        final int r3W1 = x3W1 != a3 ? row(3, j, x3W1, v, t3) : at3;
        rows(arch.inputWeight(0, j), d, at0, at1, r2W1, r3W1);
        // w(x2→hj) + e: rows (0,1) and (1,1).
        final double w2n = w2 + e;
        final double x1W2 = act.apply(Network.hiddenSum(1, w1, w2n, b));
        final double x3W2 = act.apply(Network.hiddenSum(3, w1, w2n, b));
        final int r1W2 = x1W2 != a1 ? row(1, j, x1W2, v, t1) : at1;
        final int r3W2 = x3W2 == a3 ? at3 : x3W2 == x3W1 ? r3W1 : row(3, j, x3W2, v, t3);
        rows(arch.inputWeight(1, j), d, at0, r1W2, at2, r3W2);
        // b_hj + e: every row.
        final double bn = b + e;
        final double x0B = act.apply(Network.hiddenSum(0, w1, w2, bn));
        final double x1B = act.apply(Network.hiddenSum(1, w1, w2, bn));
        final double x2B = act.apply(Network.hiddenSum(2, w1, w2, bn));
        final double x3B = act.apply(Network.hiddenSum(3, w1, w2, bn));
        final int r0B = x0B != a0 ? row(0, j, x0B, v, t0) : at0;
        final int r1B = x1B == a1 ? at1 : x1B == x1W2 ? r1W2 : row(1, j, x1B, v, t1);
        final int r2B = x2B == a2 ? at2 : x2B == x2W1 ? r2W1 : row(2, j, x2B, v, t2);
        final int r3B = x3B == a3 ? at3 : x3B == x3W1 ? r3W1 : x3B == x3W2 ? r3W2 : row(3, j, x3B, v, t3);
        rows(arch.hiddenBias(j), d, r0B, r1B, r2B, r3B);
    }

    /** w(hj→y) replaced by v (direction d): only the rows where a_hj ≠ 0 change. */
    private void outputWeightNudge(int j, double v, int d) {
        final double a0 = activation(0, j);
        final double a1 = activation(1, j);
        final double a2 = activation(2, j);
        final double a3 = activation(3, j);
        final int r0 = a0 != 0.0 ? row(0, j, a0, v, t0) : at0;
        final int r1 = a1 != 0.0 ? row(1, j, a1, v, t1) : at1;
        final int r2 = a2 != 0.0 ? row(2, j, a2, v, t2) : at2;
        final int r3 = a3 != 0.0 ? row(3, j, a3, v, t3) : at3;
        rows(arch.outputWeight(j), d, r0, r1, r2, r3);
    }

    /** b_y replaced by c (direction d): every row changes. */
    private void outputBiasNudge(double c, int d) {
        final int r0 = slot(sum0 + c, t0);
        final int r1 = twin1 < 1 ? r0 : slot(sum1 + c, t1);
        final int r2 = twin2 < 2 ? either(twin2, r0, r1) : slot(sum2 + c, t2);
        final int r3 = twin3 < 3 ? either(twin3, r0, r1, r2) : slot(sum3 + c, t3);
        rows(arch.outputBias(), d, r0, r1, r2, r3);
    }

    /** A slot for row r with unit j's activation and weight to the output replaced by a and v. */
    private int row(int r, int j, double a, double v, double target) {
        double s = before[j * Dataset.ROWS + r] + a * v;
        for (int i = j + 1; i < hidden; i++) {
            s += product[i * Dataset.ROWS + r];
        }
        return slot(s + outputBias, target);
    }

    /** A new slot for the term of a row whose output sum is zy; returns its index. */
    private int slot(double zy, double target) {
        final int k = slots++;
        slotSum[k] = zy;
        slotTarget[k] = target;
        return k;
    }

    /** The slot of row {@code twin} among rows 0, 1 (and 2). */
    private static int either(int twin, int k0, int k1) {
        return twin == 0 ? k0 : k1;
    }

    private static int either(int twin, int k0, int k1, int k2) {
        return twin == 0 ? k0 : twin == 1 ? k1 : k2;
    }

    private double activation(int r, int j) {
        return activation[j * Dataset.ROWS + r];
    }

    /** Forward passes the gradients so far amount to (L(θ) and one per nudge), though only changed rows ran. */
    public long forwardPasses() {
        return forwardPasses;
    }
}
