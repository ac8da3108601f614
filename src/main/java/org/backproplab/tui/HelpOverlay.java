package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;

/** Every key from the key table in a box over the panels; Esc or ? closes it. */
final class HelpOverlay {
    private HelpOverlay() {
    }

    static void draw(TextGraphics g, Area screen, boolean readOnly, Theme t) {
        int keyWidth = 0;
        int textWidth = 0;
        for (Keymap.Binding b : Keymap.BINDINGS) {
            keyWidth = Math.max(keyWidth, b.label(t.ascii()).length());
            textWidth = Math.max(textWidth, b.description().length());
        }
        String[] legend = {
            "verdict: rel.err = |a-n| / max(|a|,|n|); good <= 1e-7,",
            "acceptable <= 1e-4 (one-sided nudge, or a ReLU kink), bad above"};
        int width = Math.min(screen.width() - 2, Math.max(keyWidth + 3 + textWidth, legend[1].length()) + 4);
        int rows = Keymap.BINDINGS.size() + 2 + (readOnly ? 1 : 0);
        boolean showLegend = rows + 3 + 2 <= screen.height();
        int height = Math.min(screen.height(), rows + 2 + (showLegend ? 3 : 0));
        Area box = new Area(screen.col() + (screen.width() - width) / 2, screen.row() + (screen.height() - height) / 2,
                width, height);
        t.apply(g, Theme.Role.NORMAL);
        g.fillRectangle(new com.googlecode.lanterna.TerminalPosition(box.col(), box.row()),
                new com.googlecode.lanterna.TerminalSize(box.width(), box.height()), ' ');
        Text.heading(g, box, "Keys (Esc or ? closes)", t);
        Area inner = new Area(box.col() + 2, box.row() + 2, box.width() - 4, box.height() - 3);
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
            Text.put(g, inner, 0, row + 1, legend[0]);
            Text.put(g, inner, 0, row + 2, legend[1]);
        }
        t.apply(g, Theme.Role.DIM);
        String rule = String.valueOf(t.horizontal()).repeat(box.width());
        g.putString(box.col(), box.bottom() - 1, rule);
        t.apply(g, Theme.Role.NORMAL);
    }
}
