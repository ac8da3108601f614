package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import org.backproplab.grad.GradientCheck;
import org.backproplab.grad.LearningRateGradient;
import org.backproplab.train.Snapshot;

/**
 * One row for the guide's last section: how the loss after the next step, L(θ − η·g), changes
 * with the learning rate η, by the chain rule (−∇L(θ′)·g) beside its numeric value (nudging η),
 * their relative error, and what the sign says. While {@code a} adapts η, it says so.
 */
final class RatePanel {
    private RatePanel() {
    }

    /** The longest form that fits in {@code width}; numbers are never cut (a shorter form has fewer words). */
    static String text(Snapshot s, int width, Theme t) {
        LearningRateGradient lr = s.lesson().learningRate();
        String eta = t.ascii() ? "lr" : "η";
        String d = t.partial();
        String dot = t.ascii() ? "*" : "·";
        String adapting = s.lesson().adapting() ? "adapting " + eta + " by this (a stops): " : "";
        if (lr == null) {
            return s.lesson().adapting() ? "adapting " + eta + " by its gradient (a stops)" : "";
        }
        // Far apart, the numeric value is not the slope (with ReLU: the nudge of η crosses a kink).
        boolean disagree = lr.relativeError() > 1e-2;
        String kinkHint = s.config().activation().hasKink() ? " (ReLU: a kink within the nudge)" : "";
        String advice = disagree ? "the two disagree here" + kinkHint : switch (lr.advice()) {
            case LARGER -> "a larger " + eta + " would lower the loss now";
            case SMALLER -> "a smaller " + eta + " would lower the loss now";
            case NEITHER -> eta + " makes no difference now";
        };
        String shortAdvice = disagree ? "they disagree" : switch (lr.advice()) {
            case LARGER -> "larger " + eta + " better";
            case SMALLER -> "smaller " + eta + " better";
            case NEITHER -> eta + " no matter";
        };
        // Past a ReLU kink the nudged η crosses it: the numeric value then says nothing about the slope.
        boolean kink = lr.relativeError() > GradientCheck.ACCEPTABLE && s.lesson().diagnosis() != null
                && !s.lesson().diagnosis().kinks().isEmpty();
        String rel = Numbers.sci(lr.relativeError(), 2) + (kink ? ", a kink" : "");
        String[] forms = new String[6];
        int f = 0;
        for (int digits : new int[] {6, 4}) {
            String chain = Numbers.sci(lr.chainRule(), digits);
            String numeric = Numbers.sci(lr.numeric(), digits);
            forms[f++] = adapting + d + "L(" + t.theta() + "-" + eta + dot + "g)/" + d + eta + " = " + chain
                    + " by the chain rule, " + numeric + " nudging " + eta + " (rel.err " + rel + "): " + advice;
            forms[f++] = adapting + d + "L(" + t.theta() + "-" + eta + dot + "g)/" + d + eta + ": chain " + chain
                    + ", numeric " + numeric + ", rel.err " + rel + ": " + shortAdvice;
            forms[f++] = (s.lesson().adapting() ? "adapting: " : "") + d + "L/" + d + eta + " " + chain + " (numeric " + numeric + ", rel " + rel + ") "
                    + shortAdvice;
        }
        String best = forms[forms.length - 1];
        for (String form : forms) {
            if (form.length() <= width) return form;
            if (form.length() < best.length()) best = form;
        }
        return best;
    }

    static void draw(TextGraphics g, Area a, Snapshot s, Theme t) {
        t.apply(g, s.lesson().adapting() ? Theme.Role.ACCENT : Theme.Role.NORMAL);
        Text.put(g, a, 0, 0, text(s, a.width(), t));
        t.apply(g, Theme.Role.NORMAL);
    }
}
