package org.backproplab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.backproplab.grad.Difference;
import org.backproplab.train.Config;
import org.backproplab.train.Method;
import org.backproplab.train.Preset;

/** The run's settings in words (for tables) and as a JSON object (for scripts). */
final class Describe {
    private Describe() {
    }

    /** "2-2-1 network, sigmoid hidden units, sigmoid output, squared error loss, learning xor". */
    static String network(Config c) {
        return "2-" + c.hidden() + "-1 network, " + c.activation().id() + " hidden units, sigmoid output, "
                + c.loss().title() + " loss (mean over the 4 rows), gate " + c.dataset().id();
    }

    /**
     * A table's "network" line ({@code more} appended to it), and under it, when a bug is planted,
     * a line that says so: every table that describes the run says it, so nobody takes a planted
     * bug for the real program.
     */
    static String networkLines(Config c, String more) {
        String line = "network   " + network(c) + more;
        return c.plantedBug() == null ? line : line + System.lineSeparator() + "bug       a bug is planted in the chain"
                + " rule (--planted-bug " + c.plantedBug().id() + "): " + c.plantedBug().mistake();
    }

    /** Where θ starts: "uniform01 draw, seed 1" or "parameters from FILE". */
    static String start(Config c, ConfigOptions o) {
        return c.init() != null ? "parameters from " + o.initFile : c.initScheme().id() + " draw with seed " + c.seed();
    }

    /** "one-sided difference (L(w+eps) - L(w)) / eps, eps = 0.0001". */
    static String numeric(Difference d, double epsilon) {
        return (d == Difference.FORWARD ? "one-sided difference (L(w+eps) - L(w)) / eps"
                : "central difference (L(w+eps) - L(w-eps)) / 2eps") + ", eps = " + Fmt.plain(epsilon);
    }

    /** The gradient that drives training, in words. */
    static String method(Config c) {
        return c.method() == Method.CHAIN ? "chain rule (backpropagation)"
                : "numeric gradient, " + numeric(c.difference(), c.epsilon());
    }

    static Map<String, Object> json(Config c, Preset preset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", preset.id());
        m.put("hidden", c.hidden());
        m.put("activation", c.activation().id());
        m.put("loss", c.loss().id());
        m.put("dataset", c.dataset().id());
        m.put("init", c.init() != null ? "file" : c.initScheme().id());
        m.put("seed", c.seed());
        m.put("lr", c.learningRate());
        m.put("epsilon", c.epsilon());
        m.put("method", c.method().id());
        m.put("difference", c.difference().id());
        m.put("plantedBug", c.plantedBug() == null ? null : c.plantedBug().id());
        return m;
    }
}
