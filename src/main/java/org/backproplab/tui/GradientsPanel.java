package org.backproplab.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.graphics.TextGraphics;
import org.backproplab.grad.GradientCheck;
import org.backproplab.nn.Architecture;
import org.backproplab.train.Snapshot;

/**
 * For each parameter ∂L/∂θ both ways, taken at the θ the weights panel shows: numeric (nudge by ε
 * and re-run) and chain rule (backpropagation), their relative error |a−n|/max(|a|,|n|) and the
 * verdict (good ≤ 1e-7, acceptable ≤ 1e-4, bad above) with the reason where one is known.
 */
final class GradientsPanel {
    private GradientsPanel() {
    }

    /** Significant digits of the two gradients: more when there is room. */
    static int digits(int width) {
        return width >= 70 ? 6 : 5;
    }

    static String verdict(GradientCheck.Verdict v, Theme t) {
        return switch (v) {
            case GOOD -> t.right() + " good";
            case ACCEPTABLE -> t.near() + " acceptable";
            case BAD -> t.wrong() + " BAD";
        };
    }

    static String reason(GradientCheck.Reason r, boolean full, Theme t) {
        if (full) return r.text().replace("ε", t.epsilon());
        return switch (r) {
            case NONE -> "";
            case KINK -> "kink";
            case ONE_SIDED -> "O(" + t.epsilon() + ")";
            case ROUNDING -> "tiny";
        };
    }

    /** The verdict with its reason, as long as fits in {@code room}: in full, short, or left out. */
    static String verdictText(String verdict, GradientCheck.Reason r, int room, Theme t) {
        for (boolean full : new boolean[] {true, false}) {
            String why = reason(r, full, t);
            if (why.isEmpty()) return verdict;
            if (verdict.length() + 1 + why.length() <= room) return verdict + " " + why;
        }
        return verdict;
    }

    static Theme.Role role(GradientCheck.Verdict v) {
        return switch (v) {
            case GOOD -> Theme.Role.GOOD;
            case ACCEPTABLE -> Theme.Role.FAIR;
            case BAD -> Theme.Role.BAD;
        };
    }

    static void draw(TextGraphics g, Area a, Snapshot s, UiState ui, Theme t) {
        Architecture arch = s.config().architecture();
        GradientCheck check = s.check();
        String d = t.partial();
        String title = a.width() >= 66
                ? "Gradients " + d + "L/" + d + t.theta() + ": numeric (nudge by " + t.epsilon() + ") vs chain rule (backprop)"
                : "Gradients " + d + "L/" + d + t.theta() + ": numeric vs chain rule";
        Text.heading(g, a, title, t);
        int nd = digits(a.width());
        int num = nd + 6; // sign, point, e±XX
        int cNum = WeightsPanel.LABEL + 1;
        int cChain = cNum + num + 1;
        int cRel = cChain + num + 1;
        int cVerdict = cRel + 8;
        t.apply(g, Theme.Role.DIM);
        Text.put(g, a, 0, 1, "param");
        Text.put(g, a, cNum, 1, "numeric");
        Text.put(g, a, cChain, 1, "chain rule");
        Text.put(g, a, cRel, 1, "rel.err");
        Text.put(g, a, cVerdict, 1, "verdict");
        int visible = a.height() - 2;
        int count = check.entries().size();
        int first = Text.firstVisible(ui.selected(), visible, count);
        Text.rowsShown(g, a, title.length(), first, visible, count, t);
        for (int i = 0; i < visible && first + i < count; i++) {
            int k = first + i;
            int row = 2 + i;
            GradientCheck.Entry e = check.entries().get(k);
            boolean selected = k == ui.selected();
            t.apply(g, Theme.Role.NORMAL);
            if (selected) g.enableModifiers(SGR.REVERSE);
            Text.put(g, a, 0, row, Text.padRight(arch.label(k, t.ascii()), a.width()));
            Text.put(g, a, cNum, row, Text.padLeft(Numbers.sci(e.numeric(), nd), num));
            Text.put(g, a, cChain, row, Text.padLeft(Numbers.sci(e.chainRule(), nd), num));
            Text.put(g, a, cRel, row, Numbers.sci(e.relativeError(), 2));
            t.apply(g, role(e.verdict()));
            if (selected) g.enableModifiers(SGR.REVERSE);
            String v = verdict(e.verdict(), t);
            int room = a.width() - cVerdict;
            Text.put(g, a, cVerdict, row, verdictText(v, e.reason(), room, t));
        }
        t.apply(g, Theme.Role.NORMAL);
    }
}
