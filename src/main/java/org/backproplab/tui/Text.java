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
     * and {@code title} on the top rule. Returns the box; its inside is two columns in from each side.
     */
    static Area overlay(TextGraphics g, Area screen, int width, int height, String title, Theme t) {
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
        heading(g, box, title, t);
        return box;
    }

    /** A panel's title row: "─ Title ──────" across the area's width. */
    static void heading(TextGraphics g, Area a, CharSequence title, Theme t) {
        t.apply(g, Theme.Role.DIM);
        char rule = t.horizontal();
        for (int c = 0; c < a.width() && a.height() > 0; c++) {
            Cells.put(g, a.col() + c, a.row(), rule);
        }
        t.apply(g, Theme.Role.HEADING);
        put(g, a, put(g, a, put(g, a, 1, 0, " "), 0, title), 0, " ");
        t.apply(g, Theme.Role.NORMAL);
    }

    /**
     * On a panel's title row, right-aligned: which rows of a scrolled table are shown ("rows 8-17
     * of 17"), so a reader knows more are there; shorter ("8-17 of 17", "8-17/17") or nothing when the title
     * leaves no room. Nothing when every row fits.
     */
    static void rowsShown(TextGraphics g, Area a, int titleLength, int first, int visible, int count, Theme t) {
        if (count <= visible || visible <= 0) return;
        String range = (first + 1) + "-" + Math.min(count, first + visible);
        int room = a.width() - (titleLength + 4) - 1; // after "─ title ─", before the last rule cell
        String note = null;
        for (String form : new String[] {" rows " + range + " of " + count + " ", " " + range + " of " + count + " ",
                " " + range + "/" + count + " "}) {
            if (form.length() <= room) {
                note = form;
                break;
            }
        }
        if (note == null) return;
        t.apply(g, Theme.Role.DIM);
        put(g, a, a.width() - 1 - note.length(), 0, note);
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
