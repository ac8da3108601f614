package org.backproplab.tui;

/**
 * Where each panel goes. At the minimum size (80×24) everything fits: three status rows, the
 * parameter tables (weights beside gradients; they scroll with the selection when P is large),
 * the truth table beside the loss chart, the learning-rate row, a notes row and the footer.
 * Wider terminals give the tables more digits; taller ones a larger chart. {@code view} is the
 * whole middle (tables and bottom panels), which the cost and surface views fill instead.
 */
public record Layout(Area status, Area weights, Area gradients, Area truth, Area loss, Area rate, Area notes,
                     Area footer, Area view) {
    public static final int MIN_WIDTH = 80;
    public static final int MIN_HEIGHT = 24;
    /** Rows the truth table and the loss chart need at least (title, header, four rows, one more). */
    private static final int BOTTOM_MIN = 7;
    static final int WIDE = 110;

    public static boolean fits(int width, int height) {
        return width >= MIN_WIDTH && height >= MIN_HEIGHT;
    }

    /** The layout for a terminal of this size (at least the minimum) and P parameters. */
    public static Layout of(int width, int height, int parameters) {
        int top = StatusPanel.ROWS;
        int middle = height - top - 3;
        int paramRows = Math.min(2 + parameters, middle - BOTTOM_MIN);
        int weightsWidth = width >= WIDE ? 34 : 23;
        Area weights = new Area(0, top, weightsWidth, paramRows);
        Area gradients = new Area(weightsWidth + 1, top, width - weightsWidth - 1, paramRows);
        int bottomRow = top + paramRows;
        int bottomRows = middle - paramRows;
        int truthWidth = 32;
        Area truth = new Area(0, bottomRow, truthWidth, bottomRows);
        Area loss = new Area(truthWidth + 1, bottomRow, width - truthWidth - 1, bottomRows);
        return new Layout(new Area(0, 0, width, top), weights, gradients, truth, loss,
                new Area(0, height - 3, width, 1), new Area(0, height - 2, width, 1), new Area(0, height - 1, width, 1),
                new Area(0, top, width, middle));
    }
}
