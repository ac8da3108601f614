package org.backproplab.tui;

/** A rectangle of cells: column and row of the top left corner, width and height. */
public record Area(int col, int row, int width, int height) {
    public Area {
        width = Math.max(0, width);
        height = Math.max(0, height);
    }

    public int right() {
        return col + width;
    }

    public int bottom() {
        return row + height;
    }

    /** The area without its first {@code n} rows. */
    public Area below(int n) {
        return new Area(col, row + n, width, height - n);
    }
}
