package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;

/** Below the minimum size: says so and what is needed; the lab comes back when the terminal grows. */
final class TooSmall {
    private TooSmall() {
    }

    static String[] lines(int width, int height, Theme t) {
        return new String[] {"terminal too small:",
            "need " + Layout.MIN_WIDTH + t.times() + Layout.MIN_HEIGHT + ", have " + width + t.times() + height};
    }

    static void draw(TextGraphics g, int width, int height, Theme t) {
        String[] lines = lines(width, height, t);
        String one = lines[0] + " " + lines[1];
        Area screen = new Area(0, 0, width, height);
        t.apply(g, Theme.Role.FAIR);
        if (one.length() <= width) {
            Text.put(g, screen, Math.max(0, (width - one.length()) / 2), height / 2, one);
        } else {
            int top = Math.max(0, height / 2 - 1);
            for (int i = 0; i < lines.length; i++) {
                Text.put(g, screen, Math.max(0, (width - lines[i].length()) / 2), top + i, lines[i]);
            }
        }
        t.apply(g, Theme.Role.NORMAL);
    }
}
