package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;

/** Every key from the key table in a box over the panels; Esc or ? closes it. */
final class HelpOverlay {
    /** What the gradients table's columns and verdicts mean (ASCII, so that it reads in every theme). */
    static final String[] LEGEND = {
        "differ = |n-a|, n numeric, a chain rule; predicted = the nudge's own error",
        "(eps*|L''|/2 one-sided or eps^2*|L'''|/6 central, + rounding, + any kink).",
        "good: within rounding. expected: within " + (int) org.backproplab.grad.GradientCheck.FACTOR
                + "x predicted. bad: beyond: a bug."};

    private HelpOverlay() {
    }

    static void draw(TextGraphics g, Area screen, boolean readOnly, Theme t) {
        int rowsNeeded = Keymap.BINDINGS.size() + (readOnly ? 1 : 0) + 2;
        if (rowsNeeded > screen.height()) {
            drawTwoColumns(g, screen, readOnly, t);
            return;
        }
        int keyWidth = 0;
        int textWidth = 0;
        for (Keymap.Binding b : Keymap.BINDINGS) {
            keyWidth = Math.max(keyWidth, b.label(t.ascii()).length());
            textWidth = Math.max(textWidth, b.description().length());
        }
        int width = Math.min(screen.width(), Math.max(keyWidth + 3 + textWidth, LEGEND[0].length()) + 4);
        int rows = Keymap.BINDINGS.size() + (readOnly ? 1 : 0);
        boolean showLegend = rows + 2 + LEGEND.length + 1 <= screen.height();
        int height = Math.min(screen.height(), rows + 2 + (showLegend ? LEGEND.length + 1 : 0));
        Area box = Text.overlay(g, screen, width, height, "Keys (Esc or ? closes)", t);
        Area inner = new Area(box.col() + 2, box.row() + 1, box.width() - 4, box.height() - 2);
        int row = 0;
        if (readOnly) {
            t.apply(g, Theme.Role.FAIR);
            Text.put(g, inner, 0, row++, "watching a shared lab: only the screen keys work here");
        }
        for (Keymap.Binding b : Keymap.BINDINGS) {
            t.apply(g, Theme.Role.ACCENT);
            Text.put(g, inner, 0, row, b.label(t.ascii()));
            t.apply(g, Theme.Role.NORMAL);
            Text.put(g, inner, keyWidth + 3, row, b.description());
            row++;
        }
        if (showLegend) {
            t.apply(g, Theme.Role.DIM);
            for (int i = 0; i < LEGEND.length; i++) {
                Text.put(g, inner, 0, row + 1 + i, LEGEND[i]);
            }
        }
        t.apply(g, Theme.Role.NORMAL);
    }

    /** Every key in two columns with the head of its description, when one column is too tall. */
    static void drawTwoColumns(TextGraphics g, Area screen, boolean readOnly, Theme t) {
        List<Keymap.Binding> all = Keymap.BINDINGS;
        int half = (all.size() + 1) / 2;
        int[] keyWidth = new int[2];
        int[] textWidth = new int[2];
        for (int i = 0; i < all.size(); i++) {
            int c = i < half ? 0 : 1;
            keyWidth[c] = Math.max(keyWidth[c], all.get(i).label(t.ascii()).length());
            textWidth[c] = Math.max(textWidth[c], all.get(i).brief().length());
        }
        int colWidth0 = keyWidth[0] + 2 + textWidth[0];
        int width = Math.min(screen.width(), colWidth0 + 3 + keyWidth[1] + 2 + textWidth[1] + 4);
        // the legend where it leaves the two status rows in view
        boolean showLegend = half + 2 + (readOnly ? 1 : 0) + 1 + LEGEND.length <= screen.height() - 2;
        int height = Math.min(screen.height(), half + 2 + (readOnly ? 1 : 0) + (showLegend ? 1 + LEGEND.length : 0));
        width = Math.max(width, Math.min(screen.width(), LEGEND[0].length() + 4));
        Area box = Text.overlay(g, screen, width, height, "Keys (Esc or ? closes) in short: a taller window shows more", t);
        Area inner = new Area(box.col() + 2, box.row() + 1, box.width() - 4, box.height() - 2);
        int top = 0;
        if (readOnly) {
            t.apply(g, Theme.Role.FAIR);
            Text.put(g, inner, 0, top++, "watching a shared lab: only the screen keys work here");
        }
        for (int i = 0; i < all.size(); i++) {
            int c = i < half ? 0 : 1;
            int col = c == 0 ? 0 : colWidth0 + 3;
            int row = top + (c == 0 ? i : i - half);
            Keymap.Binding b = all.get(i);
            t.apply(g, Theme.Role.ACCENT);
            Text.put(g, inner, col, row, b.label(t.ascii()));
            t.apply(g, Theme.Role.NORMAL);
            Text.put(g, inner, col + keyWidth[c] + 2, row, b.brief());
        }
        if (showLegend) {
            t.apply(g, Theme.Role.DIM);
            for (int i = 0; i < LEGEND.length; i++) {
                Text.put(g, inner, 0, top + half + 1 + i, LEGEND[i]);
            }
        }
        t.apply(g, Theme.Role.NORMAL);
    }
}
