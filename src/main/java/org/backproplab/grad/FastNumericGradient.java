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
 * out one by one, as in the forward pass: each then always sees the same target, and the
 * processor overlaps the exponentials and logarithms of independent rows.
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
    /** The loss terms at θ, per row, and b_y. */
    private double base0;
    private double base1;
    private double base2;
    private double base3;
    private double outputBias;
    /** The losses of one unit's three nudges (w(x1→h), w(x2→h), b_h) by one signed ε. */
    private double lossW1;
    private double lossW2;
    private double lossB;
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
    }

    /**
     * Writes the numeric ∂L/∂θ into {@code grad} and returns L(θ): the same doubles as
     * {@link NumericGradient#gradient(double[], double, Difference, double[])}. θ is not changed.
     */
    public double gradient(double[] theta, double eps, Difference diff, double[] grad) {
        final boolean central = diff == Difference.CENTRAL;
        final double lossAtTheta = passAtTheta(theta);
        final double c = outputBias;
        for (int j = 0; j < hidden; j++) {
            final double w1 = theta[arch.inputWeight(0, j)];
            final double w2 = theta[arch.inputWeight(1, j)];
            final double b = theta[arch.hiddenBias(j)];
            final double v = theta[arch.outputWeight(j)];
            hiddenNudges(j, w1, w2, b, v, eps);
            final double upW1 = lossW1;
            final double upW2 = lossW2;
            final double upB = lossB;
            final double upV = outputWeightNudge(j, v + eps);
            if (central) {
                hiddenNudges(j, w1, w2, b, v, -eps);
                grad[arch.inputWeight(0, j)] = (upW1 - lossW1) / (2.0 * eps);
                grad[arch.inputWeight(1, j)] = (upW2 - lossW2) / (2.0 * eps);
                grad[arch.hiddenBias(j)] = (upB - lossB) / (2.0 * eps);
                grad[arch.outputWeight(j)] = (upV - outputWeightNudge(j, v - eps)) / (2.0 * eps);
            } else {
                grad[arch.inputWeight(0, j)] = (upW1 - lossAtTheta) / eps;
                grad[arch.inputWeight(1, j)] = (upW2 - lossAtTheta) / eps;
                grad[arch.hiddenBias(j)] = (upB - lossAtTheta) / eps;
                grad[arch.outputWeight(j)] = (upV - lossAtTheta) / eps;
            }
        }
        final double upC = outputBiasNudge(c + eps);
        grad[arch.outputBias()] = central
                ? (upC - outputBiasNudge(c - eps)) / (2.0 * eps)
                : (upC - lossAtTheta) / eps;
        forwardPasses += 1 + (central ? 2L : 1L) * arch.parameterCount();
        return lossAtTheta;
    }

    /**
     * The pass at θ: keeps the hidden units and each row's term; returns L(θ). The rows as
     * {@link Network#forward} runs them, from the same definitions (so the same doubles); not a
     * call of it, whose record of every intermediate value costs about a tenth of this epoch.
     */
    private double passAtTheta(double[] theta) {
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
        base0 = Network.lossTerm(loss, s0 + c, t0);
        base1 = Network.lossTerm(loss, s1 + c, t1);
        base2 = Network.lossTerm(loss, s2 + c, t2);
        base3 = Network.lossTerm(loss, s3 + c, t3);
        return Network.mean(((base0 + base1) + base2) + base3);
    }

    /**
     * The three nudges of hidden unit j by e (+ε or −ε): w(x1→hj), w(x2→hj), b_hj, into
     * {@link #lossW1}, {@link #lossW2}, {@link #lossB}. Rows are (x1, x2) = (0,0), (0,1), (1,0), (1,1).
     */
    private void hiddenNudges(int j, double w1, double w2, double b, double v, double e) {
        final double a0 = activation(0, j);
        final double a1 = activation(1, j);
        final double a2 = activation(2, j);
        final double a3 = activation(3, j);
        // w(x1→hj) + e: rows (1,0) and (1,1).
        final double w1n = w1 + e;
        final double x2W1 = act.apply(Network.hiddenSum(2, w1n, w2, b));
        final double x3W1 = act.apply(Network.hiddenSum(3, w1n, w2, b));
        final double r2W1 = x2W1 != a2 ? row(2, j, x2W1, v, t2) : base2;
        final double r3W1 = x3W1 != a3 ? row(3, j, x3W1, v, t3) : base3;
        lossW1 = Network.mean(((base0 + base1) + r2W1) + r3W1);
        // w(x2→hj) + e: rows (0,1) and (1,1).
        final double w2n = w2 + e;
        final double x1W2 = act.apply(Network.hiddenSum(1, w1, w2n, b));
        final double x3W2 = act.apply(Network.hiddenSum(3, w1, w2n, b));
        final double r1W2 = x1W2 != a1 ? row(1, j, x1W2, v, t1) : base1;
        final double r3W2 = x3W2 == a3 ? base3 : x3W2 == x3W1 ? r3W1 : row(3, j, x3W2, v, t3);
        lossW2 = Network.mean(((base0 + r1W2) + base2) + r3W2);
        // b_hj + e: every row.
        final double bn = b + e;
        final double x0B = act.apply(Network.hiddenSum(0, w1, w2, bn));
        final double x1B = act.apply(Network.hiddenSum(1, w1, w2, bn));
        final double x2B = act.apply(Network.hiddenSum(2, w1, w2, bn));
        final double x3B = act.apply(Network.hiddenSum(3, w1, w2, bn));
        final double r0B = x0B != a0 ? row(0, j, x0B, v, t0) : base0;
        final double r1B = x1B == a1 ? base1 : x1B == x1W2 ? r1W2 : row(1, j, x1B, v, t1);
        final double r2B = x2B == a2 ? base2 : x2B == x2W1 ? r2W1 : row(2, j, x2B, v, t2);
        final double r3B = x3B == a3 ? base3 : x3B == x3W1 ? r3W1 : x3B == x3W2 ? r3W2 : row(3, j, x3B, v, t3);
        lossB = Network.mean(((r0B + r1B) + r2B) + r3B);
    }

    /** L(θ) with w(hj→y) replaced by v: only the rows where a_hj ≠ 0 change. */
    private double outputWeightNudge(int j, double v) {
        final double a0 = activation(0, j);
        final double a1 = activation(1, j);
        final double a2 = activation(2, j);
        final double a3 = activation(3, j);
        final double r0 = a0 != 0.0 ? row(0, j, a0, v, t0) : base0;
        final double r1 = a1 != 0.0 ? row(1, j, a1, v, t1) : base1;
        final double r2 = a2 != 0.0 ? row(2, j, a2, v, t2) : base2;
        final double r3 = a3 != 0.0 ? row(3, j, a3, v, t3) : base3;
        return Network.mean(((r0 + r1) + r2) + r3);
    }

    /** L(θ) with b_y replaced by c: every row changes. */
    private double outputBiasNudge(double c) {
        final double r0 = Network.lossTerm(loss, sum0 + c, t0);
        final double r1 = Network.lossTerm(loss, sum1 + c, t1);
        final double r2 = Network.lossTerm(loss, sum2 + c, t2);
        final double r3 = Network.lossTerm(loss, sum3 + c, t3);
        return Network.mean(((r0 + r1) + r2) + r3);
    }

    /** Row r's loss term with unit j's activation and weight to the output replaced by a and v. */
    private double row(int r, int j, double a, double v, double target) {
        double s = before[j * Dataset.ROWS + r] + a * v;
        for (int i = j + 1; i < hidden; i++) {
            s += product[i * Dataset.ROWS + r];
        }
        return Network.lossTerm(loss, s + outputBias, target);
    }

    private double activation(int r, int j) {
        return activation[j * Dataset.ROWS + r];
    }

    /** Forward passes the gradients so far amount to (L(θ) and one per nudge), though only changed rows ran. */
    public long forwardPasses() {
        return forwardPasses;
    }
}
