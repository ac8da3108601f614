package org.backproplab.grad;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Network;

/**
 * Both gradients at one θ, side by side, with the relative error and a verdict per parameter
 * (CS231n's rule of thumb), and the reason for a disagreement where one is known.
 */
public record GradientCheck(double loss, double epsilon, Difference difference, List<Entry> entries) {
    public static final double GOOD = 1e-7;
    public static final double ACCEPTABLE = 1e-4;
    /** Below this size both gradients are lost in rounding: (ulp of L) / ε is about 1e-12. */
    public static final double ROUNDING_FLOOR = 1e-10;

    public enum Verdict {
        GOOD, ACCEPTABLE, BAD;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Why the two gradients differ, where the program can tell. */
    public enum Reason {
        NONE(""),
        /** A ReLU input within ε of 0 on some row: the nudge crosses the kink. */
        KINK("ReLU kink"),
        /** A one-sided difference is off by about ε·L″/2. */
        ONE_SIDED("one-sided O(ε)"),
        /**
         * The difference is within the numeric gradient's rounding error: L is only known to
         * about ulp(L) (and to much less where ŷ is close to 0 or 1, as in ln(1 − ŷ)), and the
         * difference quotient divides that by ε. Typical for tiny gradients and saturated outputs.
         */
        ROUNDING("rounding of L");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * One parameter's row. {@code roundingError} estimates how far rounding alone can move the
     * numeric gradient: 2·δL / ε for a one-sided difference and δL / ε for a central one, where δL
     * is the rounding error of a computed loss (see {@link #lossRoundingError}).
     */
    public record Entry(String name, double value, double numeric, double chainRule,
                        double absoluteError, double relativeError, Verdict verdict, Reason reason,
                        double roundingError) {
    }

    /** |a − n| / max(|a|, |n|), and 0 when both are 0. */
    public static double relativeError(double a, double n) {
        double scale = Math.max(Math.abs(a), Math.abs(n));
        return scale == 0.0 ? 0.0 : Math.abs(a - n) / scale;
    }

    public static Verdict verdict(double relativeError) {
        if (relativeError <= GOOD) return Verdict.GOOD;
        if (relativeError <= ACCEPTABLE) return Verdict.ACCEPTABLE;
        return Verdict.BAD; // NaN lands here too
    }

    /** Runs both methods at θ (θ is left exactly as it was). */
    public static GradientCheck at(Network net, double[] theta, double eps, Difference diff) {
        Architecture arch = net.architecture();
        int p = arch.parameterCount();
        double[] chain = new double[p];
        double[] numeric = new double[p];
        ChainRule cr = new ChainRule(net);
        double loss = cr.gradient(theta, chain);
        new NumericGradient(net).gradient(theta, loss, eps, diff, numeric);
        return of(net, cr.lastPass(), theta, loss, eps, diff, numeric, chain);
    }

    /** Builds the table from gradients already computed at θ ({@code pass} is the forward pass at θ). */
    public static GradientCheck of(Network net, Forward pass, double[] theta, double loss, double eps,
                                   Difference diff, double[] numeric, double[] chain) {
        Architecture arch = net.architecture();
        double delta = lossRoundingError(net.dataset(), pass);
        double roundingError = diff == Difference.FORWARD ? 2.0 * delta / eps : delta / eps;
        List<Entry> entries = new ArrayList<>(theta.length);
        for (int k = 0; k < theta.length; k++) {
            double rel = relativeError(chain[k], numeric[k]);
            Verdict v = verdict(rel);
            double abs = Math.abs(chain[k] - numeric[k]);
            Reason reason = Reason.NONE;
            if (v != Verdict.GOOD) {
                if (nearKink(arch, pass, k, eps)) {
                    reason = Reason.KINK;
                } else if (Math.max(Math.abs(chain[k]), Math.abs(numeric[k])) < ROUNDING_FLOOR || abs <= roundingError) {
                    reason = Reason.ROUNDING;
                } else if (diff == Difference.FORWARD) {
                    reason = Reason.ONE_SIDED;
                }
            }
            entries.add(new Entry(arch.name(k), theta[k], numeric[k], chain[k], abs, rel, v, reason, roundingError));
        }
        return new GradientCheck(loss, eps, diff, List.copyOf(entries));
    }

    /**
     * About how far rounding moves a computed L(θ), from the forward pass at θ. ŷ = 1/(1 + e^(−z))
     * carries a relative error of about 2u (u = 2^−53: the exp, the sum, the division); a row's
     * term passes it on multiplied by |∂term/∂ŷ|·ŷ, and adds u·|term| of its own (the log, the
     * square); the mean adds u·L. For cross-entropy with t = 0 the factor |∂term/∂ŷ|·ŷ is ŷ/(1 − ŷ),
     * which is what makes L (and so a difference quotient) coarse when ŷ is close to 1.
     */
    public static double lossRoundingError(Dataset data, Forward pass) {
        final double u = 0x1p-53;
        Loss loss = pass.arch.loss();
        double sum = 0.0;
        for (int r = 0; r < Dataset.ROWS; r++) {
            double yhat = pass.output[r];
            double t = data.target(r);
            double slope = Math.abs(loss.termDerivative(yhat, pass.outputComplement[r], t));
            sum += 2 * u * yhat * slope + u * Math.abs(loss.term(yhat, t));
        }
        return sum / Dataset.ROWS + u * Math.abs(pass.loss);
    }

    /**
     * Whether nudging parameter k by ±ε can carry a hidden ReLU input across 0 on some row:
     * k feeds hidden unit j, and on a row where the nudge moves z_hj, |z_hj| ≤ ε.
     */
    public static boolean nearKink(Architecture arch, Forward pass, int k, double eps) {
        if (!arch.activation().hasKink()) return false;
        Architecture.Kind kind = arch.kind(k);
        if (kind != Architecture.Kind.INPUT_WEIGHT && kind != Architecture.Kind.HIDDEN_BIAS) return false;
        int j = arch.hiddenUnitOf(k);
        int h = arch.hidden();
        for (int r = 0; r < Dataset.ROWS; r++) {
            double moves = kind == Architecture.Kind.HIDDEN_BIAS ? 1.0 : Dataset.input(r, arch.inputOf(k));
            if (moves != 0.0 && Math.abs(pass.hiddenSum[r * h + j]) <= eps * moves) {
                return true;
            }
        }
        return false;
    }

    public Entry entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}
