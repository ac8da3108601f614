package org.backproplab.grad;

import java.util.Locale;

/** Which finite difference the numeric gradient takes. */
public enum Difference {
    /** (L(θ+ε) − L(θ)) / ε, as the guide does: 1 + P forward passes, error O(ε). */
    FORWARD,
    /** (L(θ+ε) − L(θ−ε)) / 2ε, the best practice: 2P forward passes, error O(ε²). */
    CENTRAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Forward passes one numeric gradient costs for P parameters (central also needs L(θ) for the loss shown). */
    public long passesPerGradient(int parameters) {
        return this == FORWARD ? 1L + parameters : 2L * parameters;
    }
}
