package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.grad.GradientCheck;
import org.backproplab.train.Diagnosis;
import org.backproplab.train.Outcome;
import org.backproplab.train.Snapshot;

/**
 * One row that says what matters now: a warning from the trainer, a note of this screen, why the
 * run is stuck (a plateau, a dead ReLU unit, a kink: {@link Diagnosis}), or a hint.
 */
final class NotesPanel {
    private NotesPanel() {
    }

    static String text(Snapshot s, UiState ui, Theme t) {
        return text(s, ui, t, Integer.MAX_VALUE);
    }

    /** What the row says in {@code width} columns (a diagnosis in its shorter words when its own do not fit). */
    static String text(Snapshot s, UiState ui, Theme t, int width) {
        return text(s, ui, t, width, false);
    }

    /** The same; a {@code watcher} of a shared lab is not pointed to keys that drive the run. */
    static String text(Snapshot s, UiState ui, Theme t, int width, boolean watcher) {
        if (!s.message().isEmpty()) return s.message();
        if (!ui.note().isEmpty()) return ui.note();
        String stuck = diagnosis(s.lesson().diagnosis(), width, t);
        if (!stuck.isEmpty()) return stuck;
        if (oneSidedOff(s)) {
            return "one-sided nudges err by about " + t.epsilon() + (t.ascii() ? "*" : "·")
                    + (watcher ? "L''/2: central differences (d, for the driver) do better"
                    : "L''/2: d switches to central differences");
        }
        if (s.learned()) {
            return "learned: " + Outcome.LEARNED_RULE + " (" + t.yhat() + " on all four rows)";
        }
        if (s.epoch() == 0 && !s.running()) {
            return watcher ? "paused at epoch 0: the driver runs it; Enter explains a gradient, ? your keys"
                    : "paused at epoch 0: space runs, n steps, Enter explains a gradient, ? all keys";
        }
        return "";
    }

    /**
     * The diagnosis in as many of its notes as fit: the engine's own sentences when they fit, else
     * short forms of the same findings (most important first: dead units, plateau, kinks).
     */
    static String diagnosis(Diagnosis d, int width, Theme t) {
        if (d == null || d.notes().isEmpty()) return "";
        String joined = String.join("; ", d.notes()).replace("ε", t.epsilon());
        if (joined.length() <= width) return joined;
        List<String> parts = new ArrayList<>();
        if (!d.deadUnits().isEmpty()) {
            parts.add("dead ReLU " + String.join(", ", d.deadUnits()) + ": 0 on all four rows, no gradient flows through");
        }
        if (d.plateau()) {
            parts.add("plateau: no better loss in " + Numbers.count(d.epochsSinceImprovement())
                    + " epochs, likely a local minimum (r: new seed)");
        }
        if (!d.kinks().isEmpty()) {
            parts.add("kink: a ReLU input at 0 on a row, numeric " + (t.ascii() ? "!=" : "≠") + " chain rule for "
                    + String.join(", ", d.kinks()));
        }
        String line = "";
        for (String part : parts) {
            String next = line.isEmpty() ? part : line + "; " + part;
            if (next.length() > width) break;
            line = next;
        }
        if (line.isEmpty()) line = parts.get(0);
        if (!d.plateau() && d.deadUnits().isEmpty() && !d.kinks().isEmpty() && line.length() > width) {
            line = "kink: numeric " + (t.ascii() ? "!=" : "≠") + " chain rule for " + String.join(", ", d.kinks());
        }
        return line;
    }

    /** Some gradient is not good because the forward difference is one-sided. */
    static boolean oneSidedOff(Snapshot s) {
        for (GradientCheck.Entry e : s.check().entries()) {
            if (e.reason() == GradientCheck.Reason.ONE_SIDED && e.verdict() == GradientCheck.Verdict.BAD) return true;
        }
        return false;
    }

    static void draw(TextGraphics g, Area a, Snapshot s, UiState ui, Theme t, LabOptions o) {
        t.apply(g, s.diverged() ? Theme.Role.BAD : Theme.Role.NORMAL);
        Text.put(g, a, 0, 0, text(s, ui, t, a.width(), o.readOnly()));
        t.apply(g, Theme.Role.NORMAL);
    }
}
