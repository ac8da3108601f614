package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;

/** The main keys this lab offers, from the key table, as many as fit. */
final class FooterPanel {
    private FooterPanel() {
    }

    static void draw(TextGraphics g, Area a, LabOptions o, Theme t) {
        int col = 0;
        for (Keymap.Binding b : Keymap.footer()) {
            if (!b.action().enabledIn(o)) continue; // a watcher is not offered the run keys
            int need = b.footerLabel().length() + 1 + b.footerText().length();
            if (col + need > a.width()) break;
            t.apply(g, Theme.Role.ACCENT);
            col = Text.put(g, a, col, 0, b.footerLabel());
            t.apply(g, Theme.Role.NORMAL);
            col = Text.put(g, a, Text.put(g, a, col, 0, ' '), 0, b.footerText());
            col += 2;
        }
    }
}
