package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;

/** The main keys this lab offers, from the key table, as many as fit; a click on one does what its key does. */
final class FooterPanel {
    private FooterPanel() {
    }

    /** One entry of the footer as it is laid out: its binding and the column it starts at. */
    private interface Entry {
        void at(Keymap.Binding b, int col);
    }

    /** How wide an entry is: its key, a space, what it does. */
    private static int width(Keymap.Binding b) {
        return b.footerLabel().length() + 1 + b.footerText().length();
    }

    /**
     * The entries offered that fit in {@code width}, in rank order, two spaces apart: what is
     * drawn, and what a click hits. A watcher is not offered the run keys.
     */
    private static void shown(int width, LabOptions o, Entry entry) {
        int col = 0;
        for (Keymap.Binding b : Keymap.footer()) {
            if (!b.action().enabledIn(o)) continue;
            if (col + width(b) > width) break;
            entry.at(b, col);
            col += width(b) + 2;
        }
    }

    static void draw(TextGraphics g, Area a, LabOptions o, Theme t) {
        shown(a.width(), o, (b, col) -> {
            t.apply(g, Theme.Role.ACCENT);
            int c = Text.put(g, a, col, 0, b.footerLabel());
            t.apply(g, Theme.Role.NORMAL);
            Text.put(g, a, Text.put(g, a, c, 0, ' '), 0, b.footerText());
        });
    }

    /** The binding whose entry covers column {@code col} of a footer {@code width} wide, or null. */
    static Keymap.Binding at(int width, int col, LabOptions o) {
        Keymap.Binding[] hit = {null};
        shown(width, o, (b, c) -> {
            if (col >= c && col < c + width(b)) hit[0] = b;
        });
        return hit[0];
    }
}
