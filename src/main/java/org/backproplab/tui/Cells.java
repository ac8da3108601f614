package org.backproplab.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.EnumSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes text cell by cell from a memo of immutable {@link TextCharacter}s, one per (character,
 * colours, bold, reverse). Lanterna's {@code putString} makes a new cell object (with its own
 * modifier set) for every character of every frame, about 200 bytes each: at 30 frames a second
 * that was most of the program's garbage. The memo holds only immutable values, shared safely by
 * every lab in the process.
 */
final class Cells {
    private static final int COLOURS = TextColor.ANSI.values().length;
    private static final TextCharacter[][] ASCII = new TextCharacter[COLOURS * COLOURS * 4][];
    private static final ConcurrentHashMap<Long, TextCharacter> OTHER = new ConcurrentHashMap<>();

    private Cells() {
    }

    /** Writes {@code s} at (col, row) in the graphics' current colours and modifiers. */
    static void put(TextGraphics g, int col, int row, String s) {
        int style = style(g);
        if (style < 0) {
            g.putString(col, row, s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            g.setCharacter(col + i, row, cell(s.charAt(i), style, g));
        }
    }

    /** Writes one character at (col, row) in the graphics' current colours and modifiers. */
    static void put(TextGraphics g, int col, int row, char c) {
        int style = style(g);
        if (style < 0) {
            g.setCharacter(col, row, c);
        } else {
            g.setCharacter(col, row, cell(c, style, g));
        }
    }

    /** The style's index, or -1 when it is not plain ANSI colours with at most bold and reverse. */
    private static int style(TextGraphics g) {
        if (!(g.getForegroundColor() instanceof TextColor.ANSI fg) || !(g.getBackgroundColor() instanceof TextColor.ANSI bg)) {
            return -1;
        }
        EnumSet<SGR> mods = g.getActiveModifiers();
        int bold = mods.contains(SGR.BOLD) ? 1 : 0;
        int reverse = mods.contains(SGR.REVERSE) ? 1 : 0;
        if (mods.size() != bold + reverse) return -1;
        return ((fg.ordinal() * COLOURS + bg.ordinal()) * 2 + bold) * 2 + reverse;
    }

    private static TextCharacter cell(char c, int style, TextGraphics g) {
        if (c < 128) {
            TextCharacter[] row = ASCII[style];
            if (row == null) {
                row = new TextCharacter[128];
                ASCII[style] = row; // a benign race: every thread fills in equal values
            }
            TextCharacter cell = row[c];
            if (cell == null) {
                cell = make(c, g);
                row[c] = cell;
            }
            return cell;
        }
        return OTHER.computeIfAbsent(((long) style << 16) | c, k -> make(c, g));
    }

    private static TextCharacter make(char c, TextGraphics g) {
        return TextCharacter.fromCharacter(c, g.getForegroundColor(), g.getBackgroundColor(),
                g.getActiveModifiers().toArray(new SGR[0]))[0];
    }
}
