package org.backproplab.train;

import java.util.Locale;
import org.backproplab.grad.GradientCheck;

/** Which gradient drives the update. */
public enum Method {
    CHAIN, NUMERIC;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Method other() {
        return this == CHAIN ? NUMERIC : CHAIN;
    }

    /**
     * The gradient this method steps along, read from a check at θ (its chain-rule column, with a
     * planted bug if any, or its numeric one): the direction of the next step, which the learning
     * rate's own gradient is taken along.
     */
    public double[] gradientIn(GradientCheck check) {
        double[] g = new double[check.entries().size()];
        for (int k = 0; k < g.length; k++) {
            GradientCheck.Entry e = check.entries().get(k);
            g[k] = this == CHAIN ? e.chainRule() : e.numeric();
        }
        return g;
    }
}
