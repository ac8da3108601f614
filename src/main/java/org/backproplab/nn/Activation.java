package org.backproplab.nn;

import java.util.Locale;

/** A hidden unit's activation, with its derivative beside it (as micrograd keeps them). */
public enum Activation {
    SIGMOID, TANH, RELU;

    public double apply(double z) {
        return switch (this) {
            case SIGMOID -> sigmoidOfExp(Elementary.exp(-z));
            case TANH -> Math.tanh(z);
            case RELU -> z > 0.0 ? z : 0.0;
        };
    }

    /**
     * act′(z), given z and a = act(z). ReLU′(0) is taken as 0, so a unit sitting exactly on its
     * kink passes no gradient (the numeric difference then sees half a slope: that is the "kink").
     */
    public double derivative(double z, double a) {
        return switch (this) {
            case SIGMOID -> a * (1.0 - a);
            case TANH -> 1.0 - a * a;
            case RELU -> z > 0.0 ? 1.0 : 0.0;
        };
    }

    /**
     * σ(z) from e = e^(−z). The output unit is always a sigmoid; it computes e once and reads both
     * ŷ = σ(z_y) and 1 − ŷ ({@link #sigmoidComplement}) from it.
     */
    public static double sigmoidOfExp(double e) {
        return 1.0 / (1.0 + e);
    }

    /**
     * 1 − σ(z), given e = e^(−z) and y = σ(z): e·y where y > ½, so that it keeps its relative
     * precision when y is close to 1 (the subtraction 1 − y would keep only ~ulp(1)/(1 − y) of it).
     */
    public static double sigmoidComplement(double e, double y) {
        return y > 0.5 ? e * y : 1.0 - y;
    }

    /** σ′(z) = σ(z)·(1 − σ(z)), given y = σ(z) and its {@link #sigmoidComplement}. */
    public static double sigmoidSlope(double y, double complement) {
        return y * complement;
    }

    /** Whether act′ jumps somewhere (ReLU at 0), which spoils a finite difference taken across it. */
    public boolean hasKink() {
        return this == RELU;
    }

    /** The name used on the command line, in files and on screen. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The symbol in formulas: σ, tanh, ReLU. */
    public String symbol() {
        return switch (this) {
            case SIGMOID -> "σ";
            case TANH -> "tanh";
            case RELU -> "ReLU";
        };
    }
}
