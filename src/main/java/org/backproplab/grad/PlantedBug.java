package org.backproplab.grad;

import java.util.Locale;

/**
 * A classic mistake in backpropagation, planted on purpose for a bug hunt: with one planted, the
 * chain-rule gradient is computed wrongly in this one way ({@link BuggyChainRule}) while the
 * numeric gradient stays right, and the gradient check has to find it.
 */
public enum PlantedBug {
    NO_OUTPUT_SLOPE("the output sigmoid's slope left out: the output error taken as dL/dyhat, without sigmoid'(z_y)"),
    NO_HIDDEN_SLOPE("the hidden activation's slope left out: a hidden unit's error taken as delta_y * w(h->y)"),
    NO_MEAN("the loss's gradient summed over the four rows instead of averaged (4 times too large)"),
    WRONG_SIGN("the output error taken as t - yhat instead of yhat - t"),
    SWAPPED_INPUTS("w(x1->hj) gets x2's gradient and w(x2->hj) gets x1's"),
    ONE_ROW_BIAS("each hidden bias's gradient taken from the last row only");

    private final String mistake;

    PlantedBug(String mistake) {
        this.mistake = mistake;
    }

    /** The id on the command line and in JSON: no-output-slope, no-hidden-slope, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What the mistake is, in one plain ASCII sentence. */
    public String mistake() {
        return mistake;
    }

    /** The bug with this id, or null. */
    public static PlantedBug byId(String id) {
        for (PlantedBug b : values()) {
            if (b.id().equals(id)) return b;
        }
        return null;
    }
}
