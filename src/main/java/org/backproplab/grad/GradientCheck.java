package org.backproplab.grad;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Network;

/**
 * Both gradients at one θ, side by side, with a verdict per parameter judged against the error
 * the numeric difference itself should have ({@link PredictedError}), and the reason where the two
 * differ as predicted. With a {@link PlantedBug} the chain-rule column comes from
 * {@link BuggyChainRule}; the numeric column and the prediction stay right.
 *
 * <ul>
 *   <li><b>good</b>: |numeric − chain| within {@link #FACTOR} times the rounding error alone, and
 *       that below {@link #GOOD_SHARE} of the gradient: they agree to rounding;</li>
 *   <li><b>expected</b>: within {@link #FACTOR} times the whole predicted error (truncation,
 *       rounding, a kink within the nudge): the numeric method's own error, named by the reason;</li>
 *   <li><b>bad</b>: beyond that: not the numeric method's error, so look for a bug.</li>
 * </ul>
 */
public record GradientCheck(double loss, double epsilon, Difference difference, PlantedBug plantedBug,
                            List<Entry> entries) {
    /**
     * The "small factor" between the predicted error and the largest difference still called
     * expected (or good). Calibrated on real runs with {@code VerdictCalibration} (test sources):
     * both presets, every activation, both losses, H = 1..3, xor and and, seeds 0..4, the
     * parameters after 0, 100, 1,000, 10,000 and 100,000 epochs (1,800 states, 486,000 correct
     * rows), both differences, ε from 1e-1 to 1e-8 every half decade. The largest
     * |numeric − chain| / (predicted + the chain rule's rounding) over correct gradients was 1.56
     * (ε = 1e-1, a ReLU kink: the kink's share of the step is taken to first order) and at most
     * 1.05 for ε ≤ 1e-2; with a bug planted, at the start of those runs, the smallest largest
     * ratio of a check was 1,130 one-sided and 1.7e7 central (ε = 1e-4). 4 leaves 2.5× room above
     * the worst correct case and is 280× below the weakest bug at the start.
     */
    public static final double FACTOR = 4;
    /**
     * CS231n's rule of thumb calls a relative error above this bad (and up to it acceptable). A
     * one-sided difference exceeds it on a trained network while the chain rule is right, which
     * is the case this check exists for; the lab's notes point it out.
     */
    public static final double RULE_OF_THUMB = 1e-4;
    /**
     * Good needs the rounding error (times {@link #FACTOR}) below this share of the gradient: seven
     * digits to agree on, CS231n's bound for good. Agreeing to a rounding error of 30% (a saturated
     * output under cross-entropy) is expected, not good.
     */
    public static final double GOOD_SHARE = 1e-7;

    public enum Verdict {
        GOOD("within " + (int) FACTOR + "x the rounding error alone (itself under 1e-7 of the gradient): they agree"),
        EXPECTED("within " + (int) FACTOR + "x the predicted error: the numeric method's own error, for the reason given"),
        BAD("beyond " + (int) FACTOR + "x the predicted error: not the numeric method's error, look for a bug");

        private final String meaning;

        Verdict(String meaning) {
            this.meaning = meaning;
        }

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** What the verdict says, for legends (ASCII). */
        public String meaning() {
            return meaning;
        }
    }

    /** Why the two gradients differ, as predicted: the largest part of the predicted error. */
    public enum Reason {
        NONE("", ""),
        /** A one-sided difference is off by about ε·L″/2. */
        ONE_SIDED("one-sided O(ε)", "a forward difference's truncation, eps*|L''|/2 + ..., is the largest part"),
        /** A central difference is off by about ε²·L‴/6. */
        CENTRAL("central O(ε²)", "a central difference's truncation, eps^2*|L'''|/6 + ..., is the largest part"),
        /** A ReLU input within the nudge of 0 on some row: the slope jumps within the step. */
        KINK("ReLU kink", "a ReLU input crosses 0 within the nudge: the slope jumps there"),
        /** ŷ within the nudge of cross-entropy's clip at 1e-15 or 1 − 1e-15: the slope jumps there. */
        CLIP("loss clip", "yhat crosses cross-entropy's clip (1e-15 from 0 or 1) within the nudge"),
        /** The difference is within the rounding of L divided by ε. */
        ROUNDING("rounding of L", "the rounding of L, divided by eps, is the largest part"),
        /** The rounding of L divided by ε is larger than the gradient itself: the numeric value says nothing. */
        LOST("lost in rounding", "the rounding of L over eps exceeds the gradient: the numeric value says nothing"
                + " (eps too small)");

        private final String text;
        private final String meaning;

        Reason(String text, String meaning) {
            this.text = text;
            this.meaning = meaning;
        }

        public String text() {
            return text;
        }

        /** What the reason says, for legends (ASCII). */
        public String meaning() {
            return meaning;
        }
    }

    /**
     * One parameter's row: both gradients, |numeric − chain|, the relative error (CS231n's, for
     * reference), the verdict, its reason, and the predicted error it was judged against.
     */
    public record Entry(String name, double value, double numeric, double chainRule,
                        double absoluteError, double relativeError, Verdict verdict, Reason reason,
                        PredictedError predicted) {
    }

    /** |a − n| / max(|a|, |n|), and 0 when both are 0. */
    public static double relativeError(double a, double n) {
        double scale = Math.max(Math.abs(a), Math.abs(n));
        return scale == 0.0 ? 0.0 : Math.abs(a - n) / scale;
    }

    /**
     * The verdict on a numeric value against the chain rule's, given the error predicted for the
     * numeric one. Good asks for agreement to rounding where rounding leaves digits to agree on:
     * within {@link #FACTOR} times the rounding error, and that below {@link #GOOD_SHARE} of the
     * gradient. Where the rounding error alone is as large as the gradient, the numeric value has
     * no digit left (ε too small, or a gradient too tiny): it is expected to be off ("lost in
     * rounding"), never good, unless the two are exactly equal.
     */
    public static Verdict verdict(double numeric, double chain, PredictedError p) {
        double difference = Math.abs(numeric - chain);
        double rounding = FACTOR * (p.rounding() + p.chainRounding());
        boolean digitsLeft = rounding <= GOOD_SHARE * Math.max(Math.abs(numeric), Math.abs(chain));
        if (difference == 0.0 || difference <= rounding && digitsLeft) return Verdict.GOOD;
        if (difference <= FACTOR * (p.total() + p.chainRounding())) return Verdict.EXPECTED;
        return Verdict.BAD; // NaN lands here too
    }

    /** Whether the numeric value is lost in rounding: the rounding error is as large as the gradient. */
    private static boolean lost(double numeric, double chain, PredictedError p) {
        return numeric != chain && p.rounding() >= Math.max(Math.abs(numeric), Math.abs(chain));
    }

    /** Why an expected difference is expected: the largest part of the prediction. NONE unless expected. */
    public static Reason reason(Verdict v, double numeric, double chain, PredictedError p) {
        if (v != Verdict.EXPECTED) return Reason.NONE;
        if (lost(numeric, chain, p)) return Reason.LOST;
        if (p.kink() >= p.truncation() && p.kink() >= p.rounding()) return p.clip() ? Reason.CLIP : Reason.KINK;
        if (p.rounding() >= p.truncation()) return Reason.ROUNDING;
        return p.difference() == Difference.FORWARD ? Reason.ONE_SIDED : Reason.CENTRAL;
    }

    /** Runs both methods at θ (θ is left exactly as it was). */
    public static GradientCheck at(Network net, double[] theta, double eps, Difference diff) {
        return at(net, theta, eps, diff, null);
    }

    /** Runs both methods at θ, the chain rule with {@code bug} planted (null: none). */
    public static GradientCheck at(Network net, double[] theta, double eps, Difference diff, PlantedBug bug) {
        return at(net, theta, eps, diff, bug, new LossExpansion(net));
    }

    /** As {@link #at(Network, double[], double, Difference, PlantedBug)}, expanding the loss in {@code scratch} (a trainer reuses one). */
    public static GradientCheck at(Network net, double[] theta, double eps, Difference diff, PlantedBug bug,
                                   LossExpansion scratch) {
        Architecture arch = net.architecture();
        int p = arch.parameterCount();
        double[] chain = new double[p];
        double[] numeric = new double[p];
        double loss = BuggyChainRule.gradient(net, bug, theta, chain);
        new NumericGradient(net).gradient(theta, loss, eps, diff, numeric);
        List<Entry> entries = new ArrayList<>(p);
        for (int k = 0; k < p; k++) {
            PredictedError predicted = PredictedError.forParameter(scratch.alongParameter(theta, k), theta[k], diff, eps);
            double abs = Math.abs(chain[k] - numeric[k]);
            Verdict v = verdict(numeric[k], chain[k], predicted);
            entries.add(new Entry(arch.name(k), theta[k], numeric[k], chain[k], abs,
                    relativeError(chain[k], numeric[k]), v, reason(v, numeric[k], chain[k], predicted), predicted));
        }
        return new GradientCheck(loss, eps, diff, bug, List.copyOf(entries));
    }

    public Entry entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }
}
