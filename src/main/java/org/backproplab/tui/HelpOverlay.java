package org.backproplab.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;

/** Every key from the key table in a box over the panels; Esc or ? closes it. */
final class HelpOverlay {
    static final String[] LEGEND = {
        "rel.err = |a-n| / max(|a|,|n|): good <= 1e-7; acceptable <= 1e-4",
        "(a one-sided nudge, or a ReLU kink); bad above that"};

    private HelpOverlay() {
    }

    static void draw(TextGraphics g, Area screen, boolean readOnly, Theme t) {
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
        Area box = new Area(screen.col() + (screen.width() - width) / 2, screen.row() + (screen.height() - height) / 2,
                width, height);
        t.apply(g, Theme.Role.NORMAL);
        g.fillRectangle(new TerminalPosition(box.col(), box.row()), new TerminalSize(box.width(), box.height()), ' ');
        t.apply(g, Theme.Role.DIM);
        for (int r = 1; r < box.height() - 1; r++) {
            Cells.put(g, box.col(), box.row() + r, t.vertical());
            Cells.put(g, box.right() - 1, box.row() + r, t.vertical());
        }
        Cells.put(g, box.col(), box.bottom() - 1, String.valueOf(t.horizontal()).repeat(box.width()));
        Text.heading(g, box, "Keys (Esc or ? closes)", t);
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
}
