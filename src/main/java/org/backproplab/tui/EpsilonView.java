package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.grad.EpsilonStudy;
import org.backproplab.train.Snapshot;

/**
 * Key {@code E}: the ε study of the selected parameter ({@link EpsilonStudy}), live: the chart of
 * |numeric − chain rule| against ε for both differences beside their predicted curves, then the
 * best ε of each, measured and predicted, and where the guide's ε = 1e-4 sits. ↑/↓ choose another
 * parameter.
 */
final class EpsilonView {
    private EpsilonView() {
    }

    static void draw(TextGraphics g, Area a, Snapshot s, int k, Theme t) {
        var arch = s.config().architecture();
        String eps = t.epsilon();
        String label = arch.label(k, t.ascii());
        String title = eps + " study of " + label + ": |numeric - chain rule| against " + eps + ", live (E or Esc closes)";
        Text.heading(g, a, t, title, eps + " study of " + label + ", live");
        EpsilonStudy study = s.lesson().epsilonStudy(arch.name(k));
        if (study == null) {
            t.apply(g, Theme.Role.DIM);
            Text.put(g, a, 0, 1, Pending.text(s, "working out the " + eps + " study of " + arch.name(k)));
            t.apply(g, Theme.Role.NORMAL);
            return;
        }
        List<String> words = new ArrayList<>(fit(EpsilonChart.legend(t, a.width()), a.width()));
        int legend = words.size();
        for (String f : EpsilonChart.findings(study, t, a.width())) {
            words.addAll(fit(f, a.width()));
        }
        int height = Math.max(6, a.height() - 1 - words.size());
        EpsilonChart chart = EpsilonChart.of(study, a.width(), height, t.ascii());
        for (int r = 0; r < chart.height() && 1 + r < a.height(); r++) {
            for (int c = 0; c < a.width(); c++) {
                t.apply(g, role(chart.mark(r, c)));
                Text.put(g, a, c, 1 + r, chart.cell(r, c));
            }
        }
        for (int i = 0; i < words.size(); i++) {
            t.apply(g, i < legend ? Theme.Role.DIM : Theme.Role.NORMAL);
            Text.put(g, a, 0, 1 + chart.height() + i, words.get(i));
        }
        t.apply(g, Theme.Role.NORMAL);
    }

    /** The line as it is when it fits, else broken between words (only narrower than any short form). */
    private static List<String> fit(String line, int width) {
        return line.length() <= width ? List.of(line) : Text.wrap(line, width);
    }

    private static Theme.Role role(EpsilonChart.Mark m) {
        return switch (m) {
            case NONE -> Theme.Role.NORMAL;
            case AXIS, LABEL -> Theme.Role.DIM;
            case FORWARD, PREDICTED_FORWARD -> Theme.Role.FAIR;
            case CENTRAL, PREDICTED_CENTRAL -> Theme.Role.GOOD;
            case BEST -> Theme.Role.ACCENT;
            case GUIDE -> Theme.Role.BAD;
        };
    }
}
