package org.backproplab.grad;

import org.backproplab.nn.Activation;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Network;

/**
 * The loss along one direction d, L(θ + t·d) near t = 0, as a Taylor polynomial
 * c₀ + c₁·t + … + c₅·t⁵ (cₙ = L⁽ⁿ⁾/n!), and what rounding and kinks do to a finite difference
 * taken along d: the numbers behind a numeric gradient's predicted error ({@link PredictedError}).
 *
 * <p>The derivatives come from the chain rule in forward mode (truncated Taylor arithmetic,
 * Griewank and Walther, <i>Evaluating Derivatives</i>, ch. 13): every quantity of the forward
 * pass carries its Taylor coefficients along d, and each operation passes them on by a
 * recurrence. For y = σ(z), y′ = y(1 − y)·z′ gives yₙ = (1/n)·Σⱼ j·zⱼ·[y(1 − y)]ₙ₋ⱼ; tanh and the
 * cross-entropy terms go the same way, and products by the Cauchy product. So L″ and L‴ are exact
 * up to rounding, where a difference would not be: a second difference
 * (L(θ+ε) − 2L(θ) + L(θ−ε))/ε² at ε = 1e-8 is all rounding. This is written apart from
 * {@link ChainRule}, so a bug planted there does not reach it. Not thread-safe; allocates nothing
 * per call.
 */
public final class LossExpansion {
    /** The highest derivative kept: enough for two terms of the central difference's error (ε², ε⁴). */
    public static final int DEGREE = 5;
    private static final int N = DEGREE + 1;
    /** The unit roundoff of a double: half the distance from 1 to the next double, 2⁻⁵³ ≈ 1.1e-16. */
    public static final double U = 0x1p-53;
    /** Where cross-entropy's clip of ŷ at 1e-15 and at 1 − 1e-15 sits in z_y. */
    private static final double CLIP_LOW_Z = Math.log(Loss.CLIP / (1 - Loss.CLIP));
    private static final double CLIP_HIGH_Z = -CLIP_LOW_Z;

    private final Architecture arch;
    private final Dataset data;
    private final int h;
    /** The loss's coefficients. */
    private final double[] loss = new double[N];
    /** Per hidden unit and row ([r·H + j]): z at θ and how fast d moves it (z is linear in t). */
    private final double[] hiddenSum;
    private final double[] hiddenMove;
    /** Per hidden unit and row: how much ∂L/∂t jumps where that ReLU input crosses 0. */
    private final double[] reluJump;
    /** Per row: z_y, how fast d moves it, and how much ∂L/∂t jumps at the cross-entropy clip. */
    private final double[] outputSum = new double[Dataset.ROWS];
    private final double[] outputMove = new double[Dataset.ROWS];
    private final double[] clipJump = new double[Dataset.ROWS];
    private double lossRounding;
    private double rowSlopes;
    // scratch, reused
    private final double[][] zy = new double[Dataset.ROWS][N];
    private final double[] line = new double[N];
    private final double[] act = new double[N];
    private final double[] slope = new double[N];
    private final double[] y = new double[N];
    private final double[] q = new double[N];
    private final double[] err = new double[N];
    private final double[] term = new double[N];
    private final double[] unit;

    public LossExpansion(Network net) {
        this.arch = net.architecture();
        this.data = net.dataset();
        this.h = arch.hidden();
        this.hiddenSum = new double[Dataset.ROWS * h];
        this.hiddenMove = new double[Dataset.ROWS * h];
        this.reluJump = new double[Dataset.ROWS * h];
        this.unit = new double[arch.parameterCount()];
    }

    /** Expands L(θ + t·e_k): along parameter k alone, as a nudge of θ_k does. */
    public LossExpansion alongParameter(double[] theta, int k) {
        unit[k] = 1.0;
        try {
            return along(theta, unit);
        } finally {
            unit[k] = 0.0;
        }
    }

    /** Expands L(θ + t·d). */
    public LossExpansion along(double[] theta, double[] d) {
        java.util.Arrays.fill(loss, 0.0);
        double roundingSum = 0.0;
        double slopes = 0.0;
        Activation activation = arch.activation();
        Loss lossKind = arch.loss();
        double c = theta[arch.outputBias()];
        double dc = d[arch.outputBias()];
        for (int r = 0; r < Dataset.ROWS; r++) {
            double x1 = Dataset.input(r, 0);
            double x2 = Dataset.input(r, 1);
            double[] out = zy[r];
            java.util.Arrays.fill(out, 0.0);
            // the size of what z_y adds up, for its rounding
            double magnitude = Math.abs(c);
            for (int j = 0; j < h; j++) {
                int w1 = arch.inputWeight(0, j);
                int w2 = arch.inputWeight(1, j);
                int b = arch.hiddenBias(j);
                double z = (x1 * theta[w1] + x2 * theta[w2]) + theta[b];
                double dz = x1 * d[w1] + x2 * d[w2] + d[b];
                hiddenSum[r * h + j] = z;
                hiddenMove[r * h + j] = dz;
                double activationSlope = activate(activation, z, dz);
                double v = theta[arch.outputWeight(j)];
                double dv = d[arch.outputWeight(j)];
                for (int n = N - 1; n >= 0; n--) {
                    out[n] += act[n] * v + (n > 0 ? act[n - 1] * dv : 0.0);
                }
                magnitude += Math.abs(v) * (Math.abs(act[0])
                        + activationSlope * (x1 * Math.abs(theta[w1]) + x2 * Math.abs(theta[w2]) + Math.abs(theta[b])));
            }
            out[0] += c;
            out[1] += dc;
            double t = data.target(r);
            sigmoid(out, y, q);
            err[0] = t == 0.0 ? y[0] : t == 1.0 ? -q[0] : y[0] - t;
            for (int n = 1; n < N; n++) {
                err[n] = y[n];
            }
            boolean clipped = lossKind == Loss.BCE && (y[0] < Loss.CLIP || y[0] > 1.0 - Loss.CLIP);
            term[0] = lossKind.term(y[0], t);
            for (int n = 1; n < N; n++) {
                double s = 0.0;
                if (lossKind == Loss.MSE) {
                    for (int i = 0; i <= n; i++) s += err[i] * err[n - i];
                } else if (!clipped) {
                    // (−t·ln ŷ − (1 − t)·ln(1 − ŷ))′ = (ŷ − t)·z_y′
                    for (int j = 1; j <= n; j++) s += j * out[j] * err[n - j];
                    s /= n;
                }
                term[n] = s;
            }
            for (int n = 0; n < N; n++) {
                loss[n] += term[n] / Dataset.ROWS;
            }
            slopes += Math.abs(term[1]) / Dataset.ROWS;
            roundingSum += termRounding(lossKind, t, y[0], q[0], err[0], term[0], clipped,
                    2 * U * y[0] + y[0] * q[0] * 2 * U * magnitude);
            // how ∂L/∂t jumps where a ReLU input crosses 0: the row's ∂L/∂z_y times w(hj→y) times z's speed
            double outputError = lossKind.outputDelta(y[0], q[0], t) / Dataset.ROWS;
            for (int j = 0; j < h; j++) {
                reluJump[r * h + j] = activation.hasKink()
                        ? Math.abs(outputError * theta[arch.outputWeight(j)] * hiddenMove[r * h + j]) : 0.0;
            }
            outputSum[r] = out[0];
            outputMove[r] = out[1];
            // at the clip ŷ stops moving: ∂L/∂t loses (ŷ − t)·z_y′ / 4, with ŷ at the clip
            double atClip = out[0] < 0 ? Loss.CLIP : 1.0 - Loss.CLIP;
            clipJump[r] = lossKind == Loss.BCE ? Math.abs((atClip - t) * out[1]) / Dataset.ROWS : 0.0;
        }
        // the sum of the four terms and the mean round too: about u·L for each of the additions
        lossRounding = roundingSum / Dataset.ROWS + 3 * U * Math.abs(loss[0]);
        rowSlopes = slopes;
        return this;
    }

    /**
     * Writes the Taylor coefficients of act(z + t·dz) into {@code act}; returns act′(z) (for the
     * rounding of z_y).
     */
    private double activate(Activation activation, double z, double dz) {
        java.util.Arrays.fill(line, 0.0);
        line[0] = z;
        line[1] = dz;
        switch (activation) {
            case RELU -> {
                // piecewise linear: on the piece z is on (the kinks are counted apart, see kinkError)
                java.util.Arrays.fill(act, 0.0);
                if (z > 0.0) {
                    act[0] = z;
                    act[1] = dz;
                    return 1.0;
                }
                return 0.0;
            }
            case SIGMOID -> {
                sigmoid(line, act, slope);
                return act[0] * slope[0];
            }
            case TANH -> {
                tanh(line, act, slope);
                return slope[0];
            }
            default -> throw new AssertionError();
        }
    }

    /**
     * Writes σ(x(t))'s coefficients into {@code out} and 1 − σ's into {@code comp} (its first one
     * computed as σ(−x₀), without the cancellation of 1 − σ(x₀) near 1). From σ′ = σ·(1 − σ)·x′:
     * σₙ = (1/n)·Σⱼ₌₁..ₙ j·xⱼ·[σ(1 − σ)]ₙ₋ⱼ.
     */
    private static void sigmoid(double[] x, double[] out, double[] comp) {
        // Math.exp, not the network's Elementary: these coefficients size errors, and their
        // last bit changes no estimate; the analysis stays apart from the code it checks.
        out[0] = 1.0 / (1.0 + Math.exp(-x[0]));
        comp[0] = 1.0 / (1.0 + Math.exp(x[0]));
        for (int n = 1; n < N; n++) {
            double s = 0.0;
            for (int j = 1; j <= n; j++) {
                int m = n - j;
                double product = 0.0;
                for (int i = 0; i <= m; i++) product += out[i] * comp[m - i];
                s += j * x[j] * product;
            }
            out[n] = s / n;
            comp[n] = -out[n];
        }
    }

    /**
     * Writes tanh(x(t))'s coefficients into {@code out} and (1 − tanh²)'s into {@code slope}. From
     * tanh′ = (1 − tanh²)·x′; the first of 1 − tanh² is 1/cosh²(x₀), without cancellation near ±1.
     */
    private static void tanh(double[] x, double[] out, double[] slope) {
        out[0] = Math.tanh(x[0]);
        double cosh = Math.cosh(x[0]);
        slope[0] = 1.0 / (cosh * cosh);
        for (int n = 1; n < N; n++) {
            double s = 0.0;
            for (int j = 1; j <= n; j++) s += j * x[j] * slope[n - j];
            out[n] = s / n;
            double next = 0.0;
            for (int i = 0; i <= n; i++) next -= out[i] * out[n - i];
            slope[n] = next;
        }
    }

    /**
     * How far rounding moves one row's computed loss term. ŷ = 1/(1 + e^(−z_y)) carries about 2u of
     * itself from the exp and the division, plus ŷ(1 − ŷ)·δz_y from z_y's own rounding
     * ({@code yhatRounding} has both). Near 0 or 1 that is an absolute error of about u, which the
     * term passes on times |∂term/∂ŷ|: 2·|ŷ − t|·δŷ for squared error, δŷ/ŷ (t = 1) or δŷ/(1 − ŷ)
     * plus the rounding of 1 − ŷ itself, u (t = 0), for cross-entropy. The log or the square adds
     * u of the term.
     */
    private static double termRounding(Loss loss, double t, double yhat, double complement, double err, double term,
                                       boolean clipped, double yhatRounding) {
        if (loss == Loss.MSE) {
            return 2 * (Math.abs(err) + yhatRounding) * yhatRounding + U * term;
        }
        if (clipped) return 0.0; // the clipped value is the same constant every time
        double fromYhat = t == 1.0 ? yhatRounding / yhat
                : t == 0.0 ? yhatRounding / complement + U
                : yhatRounding * (t / yhat + (1 - t) / complement) + U;
        return fromYhat + U * Math.abs(term);
    }

    /** cₙ = L⁽ⁿ⁾/n! along d, for n = 0..{@value #DEGREE}. */
    public double coefficient(int n) {
        return loss[n];
    }

    /** L⁽ⁿ⁾ along d: n!·cₙ. */
    public double derivative(int n) {
        double f = 1.0;
        for (int i = 2; i <= n; i++) f *= i;
        return f * loss[n];
    }

    /**
     * δL: about how far rounding moves a computed L(θ). Not u·|L|: on a trained network L is tiny
     * while each row's ŷ near 0 or 1 still carries an absolute error of about u, so δL is about
     * u·Σ_r |∂term_r/∂ŷ_r| / 4 (about 2u·|ŷ − t| a row for squared error, u a row for cross-entropy).
     */
    public double lossRounding() {
        return lossRounding;
    }

    /** Σ_r |∂(term_r/4)/∂t|: the size of what the chain rule's sum over the rows adds up. */
    public double rowSlopes() {
        return rowSlopes;
    }

    /**
     * How much a difference quotient with steps of {@code eps} gains or loses at kinks within the
     * nudge: where the nudge carries a ReLU input across 0 (or ŷ across cross-entropy's clip),
     * ∂L/∂t jumps, and the quotient takes the jump in for the part of the step beyond the kink
     * (1 − distance/ε of it one-sided; half that central). Returns the ReLU part when {@code relu},
     * else the clip's part.
     */
    public double kinkError(double eps, Difference diff, boolean relu) {
        double sum = 0.0;
        int n = relu ? Dataset.ROWS * h : Dataset.ROWS;
        for (int i = 0; i < n; i++) {
            double at = relu ? hiddenSum[i] : outputSum[i];
            double move = relu ? hiddenMove[i] : outputMove[i];
            double jump = relu ? reluJump[i] : clipJump[i];
            if (jump == 0.0 || move == 0.0) continue;
            double low = relu ? 0.0 : CLIP_LOW_Z;
            double high = relu ? 0.0 : CLIP_HIGH_Z;
            double up = at + eps * move;
            double down = diff == Difference.FORWARD ? at : at - eps * move;
            int atSide = side(at, low, high, relu);
            if (side(up, low, high, relu) != atSide || side(down, low, high, relu) != atSide) {
                double edge = relu ? 0.0 : (Math.abs(at - low) < Math.abs(at - high) ? low : high);
                double part = Math.max(0.0, 1.0 - Math.abs(at - edge) / (eps * Math.abs(move)));
                sum += jump * (diff == Difference.FORWARD ? part : part / 2);
            }
        }
        return sum;
    }

    /** Which piece of a piecewise function z is on: ReLU's (z > 0 or not) or the clip's (below, within, above). */
    private static int side(double z, double low, double high, boolean relu) {
        if (relu) return z > 0.0 ? 1 : 0;
        return z < low ? -1 : z > high ? 1 : 0;
    }
}
