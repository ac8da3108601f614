package org.backproplab.nn;

import java.util.Locale;

/** The loss over the four rows: the mean of a per-row term, with that term's derivative beside it. */
public enum Loss {
    /** Squared error (ŷ − t)², averaged over the rows. */
    MSE,
    /** Binary cross-entropy, with ŷ clipped to [1e-15, 1 − 1e-15] as the guide's code does. */
    BCE;

    public static final double CLIP = 1e-15;

    /** The per-row term before averaging. */
    public double term(double yhat, double target) {
        return switch (this) {
            case MSE -> {
                double e = yhat - target;
                yield e * e;
            }
            case BCE -> {
                double p = clip(yhat);
                // For a 0/1 target one of the two logs is multiplied by 0: skipping it gives the
                // same double as numpy's full formula (0·ln p is −0, and x + −0 = x). One call of
                // log on this path, so that the JIT inlines one copy of it.
                if (target == 0.0 || target == 1.0) {
                    yield -Elementary.log(target == 0.0 ? 1.0 - p : p);
                }
                yield crossEntropy(p, target);
            }
        };
    }

    /**
     * ∂term/∂z_y: the row's term differentiated through the output sigmoid ŷ = σ(z_y), given ŷ
     * and {@code complement} = 1 − ŷ (computed without cancellation, see {@code Forward}).
     * It equals {@link #termDerivative}(ŷ, t) · ŷ(1 − ŷ), written so that it stays accurate when
     * ŷ is close to 0 or 1: ŷ − t is ŷ for t = 0 and −(1 − ŷ) for t = 1, and for cross-entropy
     * the σ′ cancels against ∂term/∂ŷ, leaving ŷ − t (0 where the clip holds ŷ still).
     */
    public double outputDelta(double yhat, double complement, double target) {
        final double err = target == 0.0 ? yhat : target == 1.0 ? -complement : yhat - target;
        return switch (this) {
            case MSE -> 2.0 * err * (yhat * complement);
            case BCE -> yhat < CLIP || yhat > 1.0 - CLIP ? 0.0 : err;
        };
    }

    /** ∂term/∂ŷ for one row. Zero where BCE's clip holds ŷ still (the clip is flat there). */
    public double termDerivative(double yhat, double target) {
        return switch (this) {
            case MSE -> 2.0 * (yhat - target);
            case BCE -> {
                if (yhat < CLIP || yhat > 1.0 - CLIP) {
                    yield 0.0;
                }
                yield -target / yhat + (1.0 - target) / (1.0 - yhat);
            }
        };
    }

    /**
     * ∂term/∂ŷ like {@link #termDerivative}, but reading 1 − ŷ from {@code complement} (kept
     * accurately by the forward pass), for explanations that show ∂L/∂ŷ and σ′(z_y) apart.
     */
    public double termDerivative(double yhat, double complement, double target) {
        return switch (this) {
            case MSE -> 2.0 * (target == 0.0 ? yhat : target == 1.0 ? -complement : yhat - target);
            case BCE -> {
                if (yhat < CLIP || yhat > 1.0 - CLIP) {
                    yield 0.0;
                }
                yield -target / yhat + (1.0 - target) / complement;
            }
        };
    }

    /** The cross-entropy term of a target strictly between 0 and 1, both logs, as numpy writes it. */
    private static double crossEntropy(double p, double target) {
        return -(target * Elementary.log(p) + (1.0 - target) * Elementary.log(1.0 - p));
    }

    static double clip(double p) {
        return p < CLIP ? CLIP : (p > 1.0 - CLIP ? 1.0 - CLIP : p);
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How it reads on screen. */
    public String title() {
        return switch (this) {
            case MSE -> "squared error";
            case BCE -> "cross-entropy";
        };
    }
}
