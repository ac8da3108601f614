package org.backproplab.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.EnumSet;

/**
 * Writes text cell by cell from a memo of immutable {@link TextCharacter}s, one per (character,
 * colours, bold, reverse). Lanterna's {@code putString} makes a new cell object (with its own
 * modifier set) for every character of every frame, about 200 bytes each: at 30 frames a second
 * that was most of the program's garbage. The memo is a table (style, then the character's high
 * and low byte) so that a look-up allocates nothing, not even a boxed key; it holds only immutable
 * values, shared safely by every lab in the process. Shared cells also let {@link FrameScreen}
 * find an unchanged cell by reference.
 */
final class Cells {
    private static final int COLOURS = TextColor.ANSI.values().length;
    /** [style][high byte][low byte], each level made when first needed. */
    private static final TextCharacter[][][] MEMO = new TextCharacter[COLOURS * COLOURS * 4][][];

    private Cells() {
    }

    /** A blank in the terminal's default colours, without modifiers: what a cleared screen shows. */
    static final TextCharacter BLANK = plain(' ');

    /** {@code c} in the terminal's default colours, without modifiers, from the memo. */
    static TextCharacter plain(char c) {
        return cell(c, (TextColor.ANSI.DEFAULT.ordinal() * COLOURS + TextColor.ANSI.DEFAULT.ordinal()) * 4);
    }

    /** Writes {@code s} at (col, row) in the graphics' current colours and modifiers. */
    static void put(TextGraphics g, int col, int row, CharSequence s) {
        put(g, col, row, s, s.length());
    }

    /** Writes the first {@code length} characters of {@code s} at (col, row). */
    static void put(TextGraphics g, int col, int row, CharSequence s, int length) {
        int style = style(g);
        if (style < 0) {
            g.putString(col, row, s.subSequence(0, length).toString());
            return;
        }
        for (int i = 0; i < length; i++) {
            g.setCharacter(col + i, row, cell(s.charAt(i), style));
        }
    }

    /** Writes one character at (col, row) in the graphics' current colours and modifiers. */
    static void put(TextGraphics g, int col, int row, char c) {
        int style = style(g);
        if (style < 0) {
            g.setCharacter(col, row, c);
        } else {
            g.setCharacter(col, row, cell(c, style));
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

    private static TextCharacter cell(char c, int style) {
        // benign races: a thread that misses another's new level fills in an equal one
        TextCharacter[][] pages = MEMO[style];
        if (pages == null) {
            pages = new TextCharacter[256][];
            MEMO[style] = pages;
        }
        TextCharacter[] page = pages[c >>> 8];
        if (page == null) {
            page = new TextCharacter[256];
            pages[c >>> 8] = page;
        }
        TextCharacter cell = page[c & 0xFF];
        if (cell == null) {
            cell = make(c, style);
            page[c & 0xFF] = cell;
        }
        return cell;
    }

    /** The cell for a style index (the inverse of {@link #style}). */
    private static TextCharacter make(char c, int style) {
        boolean reverse = (style & 1) != 0;
        boolean bold = (style & 2) != 0;
        int colours = style >> 2;
        TextColor.ANSI[] ansi = TextColor.ANSI.values();
        EnumSet<SGR> mods = EnumSet.noneOf(SGR.class);
        if (bold) mods.add(SGR.BOLD);
        if (reverse) mods.add(SGR.REVERSE);
        return new TextCharacter(c, ansi[colours / COLOURS], ansi[colours % COLOURS], mods);
    }
}
