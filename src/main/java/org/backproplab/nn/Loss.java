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
                yield -(target * Math.log(p) + (1.0 - target) * Math.log(1.0 - p));
            }
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
