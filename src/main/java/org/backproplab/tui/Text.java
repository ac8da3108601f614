package org.backproplab.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;

/** Small drawing helpers shared by the panels; everything is clipped to the panel's area. */
final class Text {
    private Text() {
    }

    /** Writes {@code s} at (col, row) inside {@code a}; returns the column after it. */
    static int put(TextGraphics g, Area a, int col, int row, CharSequence s) {
        if (row < 0 || row >= a.height() || col >= a.width() || col < 0) return col;
        int shown = Math.min(s.length(), a.width() - col);
        Cells.put(g, a.col() + col, a.row() + row, s, shown);
        return col + shown;
    }

    /** Writes {@code s} right-aligned so that it ends just before column {@code end}. */
    static void putRight(TextGraphics g, Area a, int end, int row, CharSequence s) {
        put(g, a, Math.max(0, end - s.length()), row, s);
    }

    /** The builder emptied, to append the next number into (a panel reuses one for all its numbers). */
    static StringBuilder clear(StringBuilder b) {
        b.setLength(0);
        return b;
    }

    /**
     * Spaces in the current style from column {@code col} up to {@code end} (a reversed row's
     * highlight); returns the later of the two: text that ran past {@code end} is not overwritten.
     */
    static int fill(TextGraphics g, Area a, int col, int row, int end) {
        for (int c = col; c < end; c++) {
            put(g, a, c, row, ' ');
        }
        return Math.max(col, end);
    }

    /** One character at (col, row) inside {@code a}; returns the column after it (as {@link #put(TextGraphics, Area, int, int, CharSequence)}). */
    static int put(TextGraphics g, Area a, int col, int row, char ch) {
        if (row < 0 || row >= a.height() || col >= a.width() || col < 0) return col;
        Cells.put(g, a.col() + col, a.row() + row, ch);
        return col + 1;
    }

    /**
     * {@code s} right-aligned in the field of {@code width} columns from {@code col}; returns the
     * column after it. Text wider than the field starts at the field and runs past its end (as a
     * padded string would), never over what is before the field.
     */
    static int putRightIn(TextGraphics g, Area a, int col, int row, int width, CharSequence s) {
        return put(g, a, fill(g, a, col, row, col + width - s.length()), row, s);
    }

    /** {@code s} then spaces to the end of the field of {@code width} columns from {@code col}; returns the column after it. */
    static int putLeftIn(TextGraphics g, Area a, int col, int row, int width, CharSequence s) {
        return fill(g, a, put(g, a, col, row, s), row, col + width);
    }

    static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /**
     * An overlay's frame, centred in {@code screen}: cleared, a rule on the left, right and bottom,
     * and the first of {@code titles} that fits on the top rule. Returns the box, to write {@link #inside} it.
     * A box that would leave a column or two of the screen beside it takes the whole width: single
     * letters of the panels below, cut from their words, read as stray marks.
     */
    static Area overlay(TextGraphics g, Area screen, int width, int height, Theme t, CharSequence... titles) {
        if (width >= screen.width() - 4) {
            width = screen.width();
        }
        Area box = new Area(screen.col() + (screen.width() - width) / 2,
                screen.row() + Math.max(0, (screen.height() - height) / 2), width, height);
        t.apply(g, Theme.Role.NORMAL);
        g.fillRectangle(new TerminalPosition(box.col(), box.row()), new TerminalSize(box.width(), box.height()), ' ');
        t.apply(g, Theme.Role.DIM);
        for (int r = 1; r < box.height() - 1; r++) {
            Cells.put(g, box.col(), box.row() + r, t.vertical());
            Cells.put(g, box.right() - 1, box.row() + r, t.vertical());
        }
        Cells.put(g, box.col(), box.bottom() - 1, String.valueOf(t.horizontal()).repeat(box.width()));
        heading(g, box, t, titles);
        return box;
    }

    /** Where an {@link #overlay}'s text goes: below its title, above its bottom rule, two columns in from each side. */
    static Area inside(Area box) {
        return new Area(box.col() + 2, box.row() + 1, box.width() - 4, box.height() - 2);
    }

    /** Whether a title of {@code length} characters fits whole on an area's title row, a rule cell on each side: "─ title ─". */
    static boolean titleFits(Area a, int length) {
        return length + 4 <= a.width();
    }

    /**
     * A panel's title row: "─ Title ──────" across the area's width, with the first of
     * {@code forms} (longest first) that fits whole. A title is never cut: when none fits, the
     * row is the rule alone. Returns the title drawn, or null.
     */
    static CharSequence heading(TextGraphics g, Area a, Theme t, CharSequence... forms) {
        CharSequence title = null;
        for (CharSequence f : forms) {
            if (titleFits(a, f.length())) {
                title = f;
                break;
            }
        }
        drawHeading(g, a, title, t);
        return title;
    }

    /** A panel's title row with one title, drawn only when it fits whole. */
    static void heading(TextGraphics g, Area a, CharSequence title, Theme t) {
        heading(g, a, t, title);
    }

    /**
     * The title row of a table that scrolls: the first of {@code forms} that leaves room for which
     * rows are shown ("rows 8-17 of 17", right-aligned), so a reader knows more are there; where
     * none does, the first that fits alone, without them. Nothing is said of the rows when every
     * row fits.
     */
    static void heading(TextGraphics g, Area a, Theme t, int first, int visible, int count, CharSequence... forms) {
        if (count <= visible || visible <= 0) {
            heading(g, a, t, forms);
            return;
        }
        String note = " rows " + (first + 1) + "-" + Math.min(count, first + visible) + " of " + count + " ";
        for (CharSequence f : forms) {
            if (titleFits(a, f.length() + note.length() + 1)) { // "─ title ─" + note + "─"
                drawHeading(g, a, f, t);
                t.apply(g, Theme.Role.DIM);
                put(g, a, a.width() - 1 - note.length(), 0, note);
                t.apply(g, Theme.Role.NORMAL);
                return;
            }
        }
        heading(g, a, t, forms);
    }

    private static void drawHeading(TextGraphics g, Area a, CharSequence title, Theme t) {
        t.apply(g, Theme.Role.DIM);
        char rule = t.horizontal();
        for (int c = 0; c < a.width() && a.height() > 0; c++) {
            Cells.put(g, a.col() + c, a.row(), rule);
        }
        if (title != null) {
            t.apply(g, Theme.Role.HEADING);
            put(g, a, put(g, a, put(g, a, 1, 0, " "), 0, title), 0, " ");
        }
        t.apply(g, Theme.Role.NORMAL);
    }

    /** First row shown of a list of {@code count} rows in {@code visible} rows, keeping {@code selected} in view. */
    static int firstVisible(int selected, int visible, int count) {
        if (count <= visible || visible <= 0) return 0;
        return Math.max(0, Math.min(selected - visible / 2, count - visible));
    }

    /** Words of {@code s} in lines of at most {@code width} (a longer word gets a line of its own). */
    static java.util.List<String> wrap(String s, int width) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }
}
