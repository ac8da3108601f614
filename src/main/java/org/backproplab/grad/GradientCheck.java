package org.backproplab.grad;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
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
        /** Both gradients are so small that rounding of L decides the difference. */
        ROUNDING("rounding (tiny gradient)");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public record Entry(String name, double value, double numeric, double chainRule,
                        double absoluteError, double relativeError, Verdict verdict, Reason reason) {
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
        return of(arch, cr.lastPass(), theta, loss, eps, diff, numeric, chain);
    }

    /** Builds the table from gradients already computed at θ ({@code pass} is the forward pass at θ). */
    public static GradientCheck of(Architecture arch, Forward pass, double[] theta, double loss, double eps,
                                   Difference diff, double[] numeric, double[] chain) {
        List<Entry> entries = new ArrayList<>(theta.length);
        for (int k = 0; k < theta.length; k++) {
            double rel = relativeError(chain[k], numeric[k]);
            Verdict v = verdict(rel);
            Reason reason = Reason.NONE;
            if (v != Verdict.GOOD) {
                if (nearKink(arch, pass, k, eps)) {
                    reason = Reason.KINK;
                } else if (Math.max(Math.abs(chain[k]), Math.abs(numeric[k])) < ROUNDING_FLOOR) {
                    reason = Reason.ROUNDING;
                } else if (diff == Difference.FORWARD) {
                    reason = Reason.ONE_SIDED;
                }
            }
            entries.add(new Entry(arch.name(k), theta[k], numeric[k], chain[k],
                    Math.abs(chain[k] - numeric[k]), rel, v, reason));
        }
        return new GradientCheck(loss, eps, diff, List.copyOf(entries));
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
