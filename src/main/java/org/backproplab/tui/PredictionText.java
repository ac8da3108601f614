package org.backproplab.tui;

import java.util.List;
import org.backproplab.format.Numbers;
import org.backproplab.grad.Difference;
import org.backproplab.grad.GradientCheck;
import org.backproplab.grad.PredictedError;

/**
 * The predicted error of a numeric gradient and the verdict on it, in words with their numbers:
 * the lab's explanation (Enter) and the command line's {@code explain} say them the same way.
 */
public final class PredictionText {
    private PredictionText() {
    }

    /**
     * The prediction in two parts: "one-sided error predicted ε·|L″|/2 = 6.2e-08 (L″ = -1.2e-03)",
     * the leading truncation term with its curvature, and "+ rounding 2·δL/ε = 6.2e-12; total 6.2e-08",
     * the rounding and whatever else the prediction holds (higher orders, a kink within the nudge)
     * where it counts, and the total (after a semicolon: each "=" holds as written).
     */
    public static List<String> predicted(PredictedError p, Theme t) {
        boolean forward = p.difference() == Difference.FORWARD;
        String eps = t.epsilon();
        String dot = t.ascii() ? "*" : "·";
        String delta = t.ascii() ? "deltaL" : "δL";
        String curvature = forward ? (t.ascii() ? "L''" : "L″") : (t.ascii() ? "L'''" : "L‴");
        StringBuilder b = new StringBuilder(forward ? "one-sided" : "central").append(" error predicted ");
        b.append(eps).append(forward ? "" : t.ascii() ? "^2" : "²").append(dot).append('|').append(curvature)
                .append(forward ? "|/2 = " : "|/6 = ");
        Numbers.sci(b, p.leading(), 2).append(" (").append(curvature).append(" = ");
        Numbers.sci(b, forward ? p.curvature() : p.thirdDerivative(), 2).append(')');
        StringBuilder rest = new StringBuilder("+ rounding ").append(forward ? "2" + dot : "").append(delta).append('/')
                .append(eps).append(" = ");
        Numbers.sci(rest, p.rounding(), 2);
        double higher = p.truncation() - p.leading();
        if (higher > 0.01 * p.total()) {
            Numbers.sci(rest.append(" + higher orders "), higher, 2);
        }
        if (p.kink() > 0) {
            Numbers.sci(rest.append(p.clip() ? " + the loss's clip within the nudge " : " + a ReLU kink within the nudge "),
                    p.kink(), 2);
        }
        return List.of(b.toString(), Numbers.sci(rest.append("; total "), p.total(), 2).toString());
    }

    /**
     * "observed 6.2e-08, 1.0× the predicted: expected (one-sided O(ε))", or "observed 2.2e-03,
     * 35,000× the predicted: bad, look for a bug", or "observed 3.1e-13: within rounding, good".
     */
    public static String observed(double difference, PredictedError p, GradientCheck.Verdict v,
                                  GradientCheck.Reason r, Theme t) {
        StringBuilder b = Numbers.sci(new StringBuilder("observed "), difference, 2);
        if (v == GradientCheck.Verdict.GOOD) {
            return b.append(": within rounding, good").toString();
        }
        double total = p.total();
        ratio(b.append(", "), total > 0 ? difference / total : Double.POSITIVE_INFINITY, t).append(" the predicted: ");
        if (v == GradientCheck.Verdict.EXPECTED) {
            return b.append("expected (").append(GradientsPanel.words(r.text(), t)).append(')').toString();
        }
        return b.append("bad, look for a bug").toString();
    }

    /** 0.97×, 12×, 35,000×: two significant digits, or a whole number with separators from 100 up. */
    private static StringBuilder ratio(StringBuilder b, double r, Theme t) {
        if (!Double.isFinite(r)) return b.append("far above");
        if (r < 100) Numbers.sig(b, r, 2);
        else Numbers.count(b, Math.round(r));
        return b.append(t.times());
    }
}
