package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import org.backproplab.format.Numbers;
import org.backproplab.grad.GradientCheck;
import org.backproplab.grad.LearningRateGradient;
import org.backproplab.train.Snapshot;

/**
 * One row for the guide's last section: how the loss after the next step, L(θ − η·g), changes
 * with the learning rate η, by the chain rule (−∇L(θ′)·g) beside its numeric value (nudging η),
 * their relative error, and what the sign says. While {@code a} adapts η, it says so.
 */
final class RatePanel {
    /** Three wordings, each with 6 and then 4 significant digits: longest first, the last the shortest. */
    private static final int FORMS = 6;

    private RatePanel() {
    }

    /**
     * Appends the longest form that fits in {@code width}; numbers are never cut (a shorter form
     * has fewer words). Each form is written into the builder until one fits: the row is redrawn
     * every frame, and this builds no strings to measure.
     */
    static StringBuilder line(StringBuilder b, Snapshot s, int width, Theme t) {
        LearningRateGradient lr = s.lesson().learningRate();
        if (lr == null) {
            return s.lesson().adapting() ? b.append("adapting ").append(t.eta()).append(" by its gradient (a stops)") : b;
        }
        int start = b.length();
        for (int form = 0; form < FORMS; form++) {
            b.setLength(start);
            form(b, form, s, lr, t);
            if (b.length() - start <= width) return b;
        }
        return b; // the shortest, cut at the edge
    }

    private static StringBuilder form(StringBuilder b, int form, Snapshot s, LearningRateGradient lr, Theme t) {
        int digits = form < 3 ? 6 : 4;
        String eta = t.eta();
        String d = t.partial();
        boolean adapting = s.lesson().adapting();
        if (adapting && form % 3 < 2) b.append("adapting ").append(eta).append(" by this (a stops): ");
        switch (form % 3) {
            case 0 -> {
                slope(b, t).append(" = ");
                Numbers.sci(b, lr.chainRule(), digits).append(" by the chain rule, ");
                Numbers.sci(b, lr.numeric(), digits).append(" nudging ").append(eta).append(" (rel.err ");
                relativeError(b, s, lr).append("): ");
                IN_FULL.append(b, lr, eta);
            }
            case 1 -> {
                Numbers.sci(slope(b, t).append(": chain "), lr.chainRule(), digits).append(", numeric ");
                Numbers.sci(b, lr.numeric(), digits).append(", rel.err ");
                relativeError(b, s, lr).append(": ");
                IN_SHORT.append(b, lr, eta);
            }
            default -> {
                if (adapting) b.append("adapting: ");
                b.append(d).append("L/").append(d).append(eta).append(' ');
                Numbers.sci(b, lr.chainRule(), digits).append(" (numeric ");
                Numbers.sci(b, lr.numeric(), digits).append(", rel ");
                relativeError(b, s, lr).append(") ");
                IN_SHORT.append(b, lr, eta);
            }
        }
        return b;
    }

    /** ∂L(θ−η·g)/∂η in the theme's characters. */
    static StringBuilder slope(StringBuilder b, Theme t) {
        String d = t.partial();
        String eta = t.eta();
        return b.append(d).append("L(").append(t.theta()).append('-').append(eta).append(t.ascii() ? "*" : "·")
                .append("g)/").append(d).append(eta);
    }

    /** The relative error of the two values (the verdict on them is in the words after it). */
    private static StringBuilder relativeError(StringBuilder b, Snapshot s, LearningRateGradient lr) {
        return Numbers.sci(b, lr.relativeError(), 2);
    }

    /**
     * What the sign says, after the verdict on the two values, judged as a parameter's gradient is
     * (against the error predicted for the nudge of η): a bug when they are far apart, the numeric
     * value lost in rounding or crossing a kink when that is what the prediction says. Each form
     * says it in its own words ({@link #IN_FULL}, {@link #IN_SHORT}); η stands for the theme's symbol.
     */
    private record Wording(String bad, String lost, String larger, String smaller, String neither, String kink) {
        StringBuilder append(StringBuilder b, LearningRateGradient lr, String eta) {
            if (lr.verdict() == GradientCheck.Verdict.BAD) return withEta(b, bad, eta);
            if (lr.reason() == GradientCheck.Reason.LOST) withEta(b, lost, eta);
            String sign = switch (lr.advice()) {
                case LARGER -> larger;
                case SMALLER -> smaller;
                case NEITHER -> neither;
            };
            withEta(b, sign, eta);
            return crossesAKink(lr) ? withEta(b, kink, eta) : b;
        }

        /** {@code words} with the theme's symbol for η. */
        private static StringBuilder withEta(StringBuilder b, String words, String eta) {
            int at = words.indexOf('η');
            return at < 0 ? b.append(words) : b.append(words, 0, at).append(eta).append(words, at + 1, words.length());
        }
    }

    private static final Wording IN_FULL = new Wording("they disagree beyond the numeric value's own error: look for a bug",
            "the numeric value is lost in rounding; ", "a larger η would lower the loss now",
            "a smaller η would lower the loss now", "η makes no difference now", " (the numeric value crosses a kink)");
    private static final Wording IN_SHORT = new Wording("they disagree: a bug?", "numeric lost in rounding, ",
            "larger η better", "smaller η better", "η changes nothing", ", a kink");

    private static boolean crossesAKink(LearningRateGradient lr) {
        return lr.reason() == GradientCheck.Reason.KINK || lr.reason() == GradientCheck.Reason.CLIP;
    }

    static void draw(TextGraphics g, Area a, Snapshot s, Theme t) {
        t.apply(g, s.lesson().adapting() ? Theme.Role.ACCENT : Theme.Role.NORMAL);
        Text.put(g, a, 0, 0, line(new StringBuilder(200), s, a.width(), t));
        t.apply(g, Theme.Role.NORMAL);
    }
}
