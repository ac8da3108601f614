package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;

/** Every key this lab offers, from the key table, in a box over the panels; Esc or ? closes it. */
final class HelpOverlay {
    static final String[] LEGEND = {
        "rel.err = |a-n| / max(|a|,|n|): good <= 1e-7; acceptable <= 1e-4",
        "(a one-sided nudge, or a ReLU kink); bad above that"};

    private HelpOverlay() {
    }

    /** The line above the keys of a watcher's help: why the run keys are missing. */
    static final String WATCHING = "watching a shared lab: only the screen keys work here";

    static void draw(TextGraphics g, Area screen, LabOptions o, Theme t) {
        List<Keymap.Binding> keys = Keymap.enabled(o);
        boolean readOnly = o.readOnly();
        int keyWidth = 0;
        int textWidth = 0;
        for (Keymap.Binding b : keys) {
            keyWidth = Math.max(keyWidth, b.label(t.ascii()).length());
            textWidth = Math.max(textWidth, b.description().length());
        }
        int rowsNeeded = keys.size() + (readOnly ? 1 : 0) + 2;
        if (rowsNeeded > screen.height() || keyWidth + 3 + textWidth + 4 > screen.width()) {
            drawTwoColumns(g, screen, keys, readOnly, t); // the heads of the descriptions, whole
            return;
        }
        int width = Math.min(screen.width(), Math.max(keyWidth + 3 + textWidth,
                Math.max(LEGEND[0].length(), readOnly ? WATCHING.length() : 0)) + 4);
        int rows = keys.size() + (readOnly ? 1 : 0);
        boolean showLegend = rows + 2 + LEGEND.length + 1 <= screen.height();
        int height = Math.min(screen.height(), rows + 2 + (showLegend ? LEGEND.length + 1 : 0));
        Area box = Text.overlay(g, screen, width, height, "Keys (Esc or ? closes)", t);
        Area inner = new Area(box.col() + 2, box.row() + 1, box.width() - 4, box.height() - 2);
        int row = 0;
        if (readOnly) {
            t.apply(g, Theme.Role.FAIR);
            Text.put(g, inner, 0, row++, WATCHING);
        }
        for (Keymap.Binding b : keys) {
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

    /** Every key offered in two columns with the head of its description, when one column is too tall or too wide. */
    static void drawTwoColumns(TextGraphics g, Area screen, List<Keymap.Binding> all, boolean readOnly, Theme t) {
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
        int height = Math.min(screen.height(), half + 2 + (readOnly ? 1 : 0));
        Area box = Text.overlay(g, screen, width, height, "Keys (Esc or ? closes) in short: a larger window shows more", t);
        Area inner = new Area(box.col() + 2, box.row() + 1, box.width() - 4, box.height() - 2);
        int top = 0;
        if (readOnly) {
            t.apply(g, Theme.Role.FAIR);
            Text.put(g, inner, 0, top++, WATCHING);
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
        t.apply(g, Theme.Role.NORMAL);
    }
}
