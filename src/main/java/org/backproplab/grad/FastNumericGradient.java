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
    private final Network net;
    private final Architecture arch;
    private final Activation act;
    private final Loss loss;
    private final int hidden;
    private final double[] target = new double[Dataset.ROWS];
    /** The pass at θ. */
    private final Forward base;
    /** Σ_j a_rj·w(hj→y) per row: z_y before the output bias is added. */
    private final double[] weightedSum = new double[Dataset.ROWS];
    /** The loss terms of the rows while one nudge is evaluated. */
    private final double[] terms = new double[Dataset.ROWS];
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
    }

    /**
     * Writes the numeric ∂L/∂θ into {@code grad} and returns L(θ): the same doubles as
     * {@link NumericGradient#gradient(double[], double, Difference, double[])}. θ is not changed.
     */
    public double gradient(double[] theta, double eps, Difference diff, double[] grad) {
        final double lossAtTheta = net.forward(theta, base);
        final int h = hidden;
        final double[] as = base.hiddenOut;
        for (int r = 0; r < Dataset.ROWS; r++) {
            double s = 0.0;
            for (int j = 0; j < h; j++) {
                s += as[base.at(r, j)] * theta[arch.outputWeight(j)];
            }
            weightedSum[r] = s;
        }
        final int p = arch.parameterCount();
        for (int k = 0; k < p; k++) {
            final double up = nudgedLoss(theta, k, theta[k] + eps);
            if (diff == Difference.FORWARD) {
                grad[k] = (up - lossAtTheta) / eps;
            } else {
                final double down = nudgedLoss(theta, k, theta[k] - eps);
                grad[k] = (up - down) / (2.0 * eps);
            }
        }
        forwardPasses += diff == Difference.FORWARD ? p : 2L * p;
        return lossAtTheta;
    }

    /** L(θ) with θ_k replaced by {@code value}: the rows it changes run again, the others are reused. */
    private double nudgedLoss(double[] theta, int k, double value) {
        final double[] t = terms;
        System.arraycopy(base.lossTerm, 0, t, 0, Dataset.ROWS);
        final double c = theta[arch.outputBias()];
        switch (arch.kind(k)) {
            case OUTPUT_BIAS -> {
                for (int r = 0; r < Dataset.ROWS; r++) {
                    t[r] = Network.lossTerm(loss, weightedSum[r] + value, target[r]);
                }
            }
            case OUTPUT_WEIGHT -> {
                final int j = arch.hiddenUnitOf(k);
                for (int r = 0; r < Dataset.ROWS; r++) {
                    if (base.hiddenOut(r, j) != 0.0) {
                        t[r] = Network.lossTerm(loss, outputSum(theta, r, j, base.hiddenOut(r, j), value) + c, target[r]);
                    }
                }
            }
            case HIDDEN_BIAS, INPUT_WEIGHT -> {
                final int j = arch.hiddenUnitOf(k);
                final boolean bias = arch.kind(k) == Architecture.Kind.HIDDEN_BIAS;
                final int input = bias ? -1 : arch.inputOf(k);
                final double w1 = input == 0 ? value : theta[arch.inputWeight(0, j)];
                final double w2 = input == 1 ? value : theta[arch.inputWeight(1, j)];
                final double b = bias ? value : theta[arch.hiddenBias(j)];
                final double v = theta[arch.outputWeight(j)];
                for (int r = 0; r < Dataset.ROWS; r++) {
                    if (bias || Dataset.input(r, input) != 0.0) {
                        final double a = act.apply(Network.hiddenSum(r, w1, w2, b));
                        if (a != base.hiddenOut(r, j)) {
                            t[r] = Network.lossTerm(loss, outputSum(theta, r, j, a, v) + c, target[r]);
                        }
                    }
                }
            }
        }
        return Network.mean(((t[0] + t[1]) + t[2]) + t[3]);
    }

    /** Σ_i a_ri·w(hi→y) on row r, in order, with unit j's activation and weight replaced by a and v. */
    private double outputSum(double[] theta, int r, int j, double a, double v) {
        double s = 0.0;
        for (int i = 0; i < hidden; i++) {
            s += i == j ? a * v : base.hiddenOut(r, i) * theta[arch.outputWeight(i)];
        }
        return s;
    }

    /** Forward passes the gradients so far amount to (one per nudge), though only changed rows ran. */
    public long forwardPasses() {
        return forwardPasses;
    }
}
