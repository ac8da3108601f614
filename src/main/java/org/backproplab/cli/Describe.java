package org.backproplab.cli;

import java.util.Map;
import org.backproplab.format.Numbers;
import org.backproplab.grad.Difference;
import org.backproplab.io.RunSettings;
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

    /** Where θ starts: "uniform01 draw with seed 1" or "parameters from FILE, saved after 1,000 epochs". */
    static String start(Config c, ConfigOptions o) {
        if (c.init() == null) {
            return c.initScheme().id() + " draw with seed " + c.seed();
        }
        return "parameters from " + o.origin().forms().get(0);
    }

    /** "one-sided difference (L(w+eps) - L(w)) / eps, eps = 0.0001". */
    static String numeric(Difference d, double epsilon) {
        return (d == Difference.FORWARD ? "one-sided difference (L(w+eps) - L(w)) / eps"
                : "central difference (L(w+eps) - L(w-eps)) / 2eps") + ", eps = " + Numbers.setting(epsilon);
    }

    /** The gradient that drives training, in words. */
    static String method(Config c) {
        return c.method() == Method.CHAIN ? "chain rule (backpropagation)"
                : "numeric gradient, " + numeric(c.difference(), c.epsilon());
    }

    /** The settings as JSON (see {@link RunSettings#toJson}). */
    static Map<String, Object> json(Config c, Preset preset) {
        return RunSettings.toJson(c, preset.id());
    }

    /** The settings as JSON, and the --init file the run started from, with the epochs it had done when it says. */
    static Map<String, Object> json(Config c, ConfigOptions o) {
        Map<String, Object> m = json(c, o.preset());
        return c.init() != null && o.origin() != null ? o.origin().addTo(m) : m;
    }
}
