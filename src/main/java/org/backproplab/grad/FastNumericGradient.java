package org.backproplab.grad;

import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
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
 *   <li>w(xi→hj): unit j on the rows that switch input i on (two of the four);</li>
 *   <li>b_hj: unit j on every row;</li>
 *   <li>either of them only where act(z) moves: a ReLU that stays at 0 changes nothing;</li>
 *   <li>w(hj→y): z_y on the rows where a_hj ≠ 0 (a_hj·w is ±0 on the others, whatever w);</li>
 *   <li>b_y: z_y on every row.</li>
 * </ul>
 * A row that does change is computed as {@link Network#forward} computes it: z by
 * {@link Network#hiddenSum}, a by the activation, z_y by adding a_hj·w(hj→y) for j = 1..H in
 * order and then b_y, the term by {@link Network#lossTerm}; the loss is the terms' mean in row
 * order. (A sign of zero may differ in z_y, which no exp, output or loss term can tell apart.)
 *
 * <p>Allocates nothing per call; not thread-safe.
 */
public final class FastNumericGradient {
    /** A unit's nudges per gradient: w(x1→h), w(x2→h), b_h, each by +ε and, for central differences, −ε. */
    private static final int MEMO = 6;

    private final Network net;
    private final Architecture arch;
    private final Activation act;
    private final Loss loss;
    private final int hidden;
    private final double[] target = new double[Dataset.ROWS];
    /** The pass at θ. */
    private final Forward base;
    /** a_rj·w(hj→y) per row and unit, as the forward pass adds them into z_y: [Forward.at(r, j)]. */
    private final double[] product;
    /** The sum of those products before unit j's, per row and unit ([r, H] is the whole sum). */
    private final double[] before;
    /**
     * Within one unit's nudges, the activations already run per row and the loss terms they gave:
     * two nudges often give the same z on a row (w1 + (b + ε) and (w1 + ε) + b are mostly the same
     * double), and the same a gives the same term.
     */
    private final double[] seenActivation = new double[Dataset.ROWS * MEMO];
    private final double[] seenTerm = new double[Dataset.ROWS * MEMO];
    private final int[] seen = new int[Dataset.ROWS];
    private double outputBias;
    private long forwardPasses;

    public FastNumericGradient(Network net) {
        this.net = net;
        this.arch = net.architecture();
        this.act = arch.activation();
        this.loss = arch.loss();
        this.hidden = arch.hidden();
        for (int r = 0; r < Dataset.ROWS; r++) {
            target[r] = net.dataset().target(r);
        }
        this.base = new Forward(arch);
        this.product = new double[Dataset.ROWS * hidden];
        this.before = new double[Dataset.ROWS * (hidden + 1)];
    }

    /**
     * Writes the numeric ∂L/∂θ into {@code grad} and returns L(θ): the same doubles as
     * {@link NumericGradient#gradient(double[], double, Difference, double[])}. θ is not changed.
     */
    public double gradient(double[] theta, double eps, Difference diff, double[] grad) {
        final double lossAtTheta = net.forward(theta, base);
        final int h = hidden;
        for (int r = 0; r < Dataset.ROWS; r++) {
            double s = 0.0;
            for (int j = 0; j < h; j++) {
                before[r * (h + 1) + j] = s;
                final double p = base.hiddenOut(r, j) * theta[arch.outputWeight(j)];
                product[base.at(r, j)] = p;
                s += p;
            }
            before[r * (h + 1) + h] = s;
        }
        outputBias = theta[arch.outputBias()];
        final boolean central = diff == Difference.CENTRAL;
        for (int j = 0; j < h; j++) {
            java.util.Arrays.fill(seen, 0);
            final double w1 = theta[arch.inputWeight(0, j)];
            final double w2 = theta[arch.inputWeight(1, j)];
            final double b = theta[arch.hiddenBias(j)];
            final double v = theta[arch.outputWeight(j)];
            grad[arch.inputWeight(0, j)] = central
                    ? (hiddenNudge(j, w1 + eps, w2, b, v, 0) - hiddenNudge(j, w1 - eps, w2, b, v, 0)) / (2.0 * eps)
                    : (hiddenNudge(j, w1 + eps, w2, b, v, 0) - lossAtTheta) / eps;
            grad[arch.inputWeight(1, j)] = central
                    ? (hiddenNudge(j, w1, w2 + eps, b, v, 1) - hiddenNudge(j, w1, w2 - eps, b, v, 1)) / (2.0 * eps)
                    : (hiddenNudge(j, w1, w2 + eps, b, v, 1) - lossAtTheta) / eps;
            grad[arch.hiddenBias(j)] = central
                    ? (hiddenNudge(j, w1, w2, b + eps, v, -1) - hiddenNudge(j, w1, w2, b - eps, v, -1)) / (2.0 * eps)
                    : (hiddenNudge(j, w1, w2, b + eps, v, -1) - lossAtTheta) / eps;
            grad[arch.outputWeight(j)] = central
                    ? (outputWeightNudge(j, v + eps) - outputWeightNudge(j, v - eps)) / (2.0 * eps)
                    : (outputWeightNudge(j, v + eps) - lossAtTheta) / eps;
        }
        final double c = outputBias;
        grad[arch.outputBias()] = central
                ? (outputBiasNudge(c + eps) - outputBiasNudge(c - eps)) / (2.0 * eps)
                : (outputBiasNudge(c + eps) - lossAtTheta) / eps;
        forwardPasses += central ? 2L * arch.parameterCount() : arch.parameterCount();
        return lossAtTheta;
    }

    /**
     * L(θ) with hidden unit j's weights and bias replaced by w1, w2, b; {@code input} is the input
     * whose weight was nudged (0 or 1: only the rows that switch it on change), or −1 for the bias.
     */
    private double hiddenNudge(int j, double w1, double w2, double b, double v, int input) {
        final double[] t = base.lossTerm;
        final double t0 = input < 0 ? hiddenRow(0, j, Network.hiddenSum(0, w1, w2, b), v) : t[0];
        final double t1 = input != 0 ? hiddenRow(1, j, Network.hiddenSum(1, w1, w2, b), v) : t[1];
        final double t2 = input != 1 ? hiddenRow(2, j, Network.hiddenSum(2, w1, w2, b), v) : t[2];
        final double t3 = hiddenRow(3, j, Network.hiddenSum(3, w1, w2, b), v);
        return Network.mean(((t0 + t1) + t2) + t3);
    }

    /** Row r's loss term with unit j's sum replaced by z (w(hj→y) = v). */
    private double hiddenRow(int r, int j, double z, double v) {
        final double a = act.apply(z);
        if (a == base.hiddenOut(r, j)) {
            return base.lossTerm[r];
        }
        final int m = r * MEMO;
        final int n = seen[r];
        for (int i = 0; i < n; i++) {
            if (seenActivation[m + i] == a) {
                return seenTerm[m + i];
            }
        }
        final double term = outputTerm(r, j, a * v);
        seenActivation[m + n] = a;
        seenTerm[m + n] = term;
        seen[r] = n + 1;
        return term;
    }

    /** L(θ) with w(hj→y) replaced by v: only the rows where a_hj ≠ 0 change. */
    private double outputWeightNudge(int j, double v) {
        final double[] t = base.lossTerm;
        final double t0 = outputWeightRow(0, j, v, t[0]);
        final double t1 = outputWeightRow(1, j, v, t[1]);
        final double t2 = outputWeightRow(2, j, v, t[2]);
        final double t3 = outputWeightRow(3, j, v, t[3]);
        return Network.mean(((t0 + t1) + t2) + t3);
    }

    private double outputWeightRow(int r, int j, double v, double unchanged) {
        final double a = base.hiddenOut(r, j);
        return a != 0.0 ? outputTerm(r, j, a * v) : unchanged;
    }

    /** L(θ) with b_y replaced by c: every row changes. */
    private double outputBiasNudge(double c) {
        final int all = hidden;
        final double t0 = Network.lossTerm(loss, before[all] + c, target[0]);
        final double t1 = Network.lossTerm(loss, before[(hidden + 1) + all] + c, target[1]);
        final double t2 = Network.lossTerm(loss, before[2 * (hidden + 1) + all] + c, target[2]);
        final double t3 = Network.lossTerm(loss, before[3 * (hidden + 1) + all] + c, target[3]);
        return Network.mean(((t0 + t1) + t2) + t3);
    }

    /** Row r's loss term with unit j's product a_hj·w(hj→y) replaced by p: z_y added up in the forward pass's order. */
    private double outputTerm(int r, int j, double p) {
        double s = before[r * (hidden + 1) + j] + p;
        for (int i = j + 1; i < hidden; i++) {
            s += product[base.at(r, i)];
        }
        return Network.lossTerm(loss, s + outputBias, target[r]);
    }

    /** Forward passes the gradients so far amount to (one per nudge), though only changed rows ran. */
    public long forwardPasses() {
        return forwardPasses;
    }
}
