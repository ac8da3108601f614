package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import org.backproplab.grad.GradientCheck;
import org.backproplab.train.Snapshot;

/** One row that says what matters now: a warning from the trainer, a note of this screen, or a hint. */
final class NotesPanel {
    private NotesPanel() {
    }

    static String text(Snapshot s, UiState ui, Theme t) {
        if (!s.message().isEmpty()) return s.message();
        if (!ui.note().isEmpty()) return ui.note();
        if (oneSidedOff(s)) {
            return "one-sided nudges err by about " + t.epsilon() + (t.ascii() ? "*" : "·")
                    + "L''/2: d switches to central differences";
        }
        if (s.learned()) {
            return "learned: all four rows right (" + t.yhat() + " rounded to 0 or 1 equals the target)";
        }
        if (s.epoch() == 0 && !s.running()) {
            return "paused at epoch 0: space runs, n steps one epoch, ? shows every key";
        }
        return "";
    }

    /** Some gradient is not good because the forward difference is one-sided. */
    static boolean oneSidedOff(Snapshot s) {
        return s.check().entries().stream().anyMatch(e -> e.reason() == GradientCheck.Reason.ONE_SIDED
                && e.verdict() == GradientCheck.Verdict.BAD);
    }

    static void draw(TextGraphics g, Area a, Snapshot s, UiState ui, Theme t) {
        t.apply(g, s.diverged() ? Theme.Role.BAD : Theme.Role.NORMAL);
        Text.put(g, a, 0, 0, text(s, ui, t));
        t.apply(g, Theme.Role.NORMAL);
    }
}
