package org.backproplab.nn;

import java.util.Locale;

/** A hidden unit's activation, with its derivative beside it (as micrograd keeps them). */
public enum Activation {
    SIGMOID, TANH, RELU;

    public double apply(double z) {
        return switch (this) {
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-z));
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
