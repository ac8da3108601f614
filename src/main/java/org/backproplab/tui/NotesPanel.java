package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.format.Numbers;
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
        // this screen's answer to the key just pressed first: it lasts until the next key
        if (!ui.note().isEmpty()) return ui.note();
        if (!s.message().isEmpty()) return s.message();
        if (s.config().plantedBug() != null && watcher) {
            return fit(width, "bug hunt: a bug is planted in the chain rule. Which rows read bad? Enter and E to look;"
                    + " the driver names the bug", "bug hunt: which rows read bad? Enter, E to look",
                    "bug hunt: which rows read bad?");
        }
        if (s.config().plantedBug() != null) {
            return fit(width, "bug hunt: a bug is planted in the chain rule. Which rows read bad? Enter and E to look,"
                    + " b to name the bug, B to give up", "bug hunt: which rows read bad? Enter, E to look; b names the bug,"
                    + " B gives up", "bug hunt: b names the bug, B gives up");
        }
        String stuck = diagnosis(s.lesson().diagnosis(), s, width, t);
        if (!stuck.isEmpty()) return stuck;
        if (oneSidedOff(s)) {
            String error = t.ascii() ? "eps*L''/2" : "ε·L″/2";
            return watcher
                    ? fit(width, "one-sided nudges err by about " + error + ", as predicted, not a bug:"
                            + " central differences (d, for the driver) do better", "one-sided error " + error
                            + " as predicted, not a bug")
                    : fit(width, "one-sided nudges err by about " + error + ", as predicted, not a bug:"
                            + " d switches to central differences", "one-sided error " + error
                            + " as predicted: d for central differences");
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
     * The diagnosis in the longest form that fits: the engine's own sentences, else short forms of
     * the same findings. A stuck run is said first, with its cause when a dead ReLU unit is it
     * (the most important finding, which fits at 80 columns); a kink is added when there is room.
     */
    static String diagnosis(Diagnosis d, Snapshot s, int width, Theme t) {
        if (d == null || d.notes().isEmpty()) return "";
        // the parameters as the tables label them (b h1, x1→h1), not by their names (b_h1)
        String params = String.join(", ", d.kinks().stream().map(n -> label(s, n, t)).toList());
        String ne = t.ascii() ? "!=" : "≠";
        String kink = d.kinks().isEmpty() ? null
                : "kink: the nudge of " + params + " crosses a ReLU's 0 on a row, so numeric " + ne + " chain rule, as predicted";
        String shortKink = d.kinks().isEmpty() ? null : "kink: numeric " + ne + " chain rule for " + params + ", as predicted";
        List<String> said = new ArrayList<>(d.notes().stream().filter(n -> !n.startsWith("kink:")).toList());
        if (kink != null) said.add(kink);
        String joined = String.join("; ", said).replace("ε", t.epsilon()).replace("ŷ", t.yhat());
        if (joined.length() <= width) return joined;
        String units = String.join(", ", d.deadUnits());
        String epochs = Numbers.count(d.epochsSinceImprovement());
        List<String> forms = new ArrayList<>();
        String y = t.yhat();
        if (d.saturated()) { // every gradient is 0 whatever else is true: the cause, and a smaller step as the way out
            String stuck = d.plateau() ? "stuck: " : "";
            forms.add(stuck + y + " is saturated on every row, so every gradient is 0 and nothing moves;"
                    + " [ then R: a smaller learning rate");
            forms.add(stuck + y + " saturated on every row, no gradient at all; [ then R: smaller steps");
            forms.add(stuck + y + " saturated, no gradient; [ then R");
        } else if (d.plateau() && !d.deadUnits().isEmpty()) {
            forms.add("stuck: no 0.1% better loss in " + epochs + " epochs; dead ReLU " + units
                    + " is 0 on all four rows, no gradient flows through it; r: new seed");
            forms.add("stuck: dead ReLU " + units + " is 0 on all rows, no gradient flows through; r: new seed");
            forms.add("stuck: dead ReLU " + units + ", no gradient flows; r: new seed");
        } else if (d.plateau()) {
            forms.add("stuck: no 0.1% better loss in " + epochs + " epochs, likely a local minimum (r: new seed)");
            forms.add("stuck: no 0.1% better loss in " + epochs + " epochs; r: new seed");
        } else if (!d.deadUnits().isEmpty()) {
            forms.add("dead ReLU " + units + ": 0 on all four rows, no gradient flows through");
            forms.add("dead ReLU " + units + ": no gradient flows through");
        }
        for (String f : forms) {
            if (f.length() > width) continue;
            for (String k : new String[] {kink, shortKink}) {
                if (k != null && f.length() + 2 + k.length() <= width) return f + "; " + k;
            }
            return f;
        }
        if (!forms.isEmpty()) return forms.get(forms.size() - 1); // the shortest, cut at the edge
        return kink.length() <= width ? kink : shortKink;
    }

    /**
     * Some gradient differs by more than CS231n's fixed bound for acceptable (1e-4 relative) and
     * is expected all the same: the forward difference's own one-sided error, as predicted. That
     * is where a fixed rule would call correct backpropagation bad, and central differences help.
     */
    static boolean oneSidedOff(Snapshot s) {
        for (GradientCheck.Entry e : s.check().entries()) {
            if (e.verdict() == GradientCheck.Verdict.EXPECTED && e.reason() == GradientCheck.Reason.ONE_SIDED
                    && e.relativeError() > GradientCheck.RULE_OF_THUMB) return true;
        }
        return false;
    }

    /** A parameter's label in the tables, from its name. */
    private static String label(Snapshot s, String name, Theme t) {
        var arch = s.config().architecture();
        return arch.label(arch.indexOf(name), t.ascii());
    }

    /** The first of {@code forms} that fits in {@code width}, else the last. */
    private static String fit(int width, String... forms) {
        for (String f : forms) {
            if (f.length() <= width) return f;
        }
        return forms[forms.length - 1];
    }

    static void draw(TextGraphics g, Area a, Snapshot s, UiState ui, Theme t, LabOptions o) {
        t.apply(g, s.diverged() ? Theme.Role.BAD : Theme.Role.NORMAL);
        Text.put(g, a, 0, 0, text(s, ui, t, a.width(), o.readOnly()));
        t.apply(g, Theme.Role.NORMAL);
    }
}
