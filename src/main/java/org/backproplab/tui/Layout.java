package org.backproplab.tui;

/**
 * Where each panel goes. At the minimum size (80×24) everything fits: three status rows, the
 * parameter tables (weights beside gradients; they scroll with the selection when P is large),
 * the truth table beside the loss chart, the learning-rate row, a notes row and the footer.
 * Wider terminals give the tables more digits; taller ones a larger chart. {@code view} is the
 * whole middle (tables and bottom panels), which the cost and surface views fill instead.
 */
public record Layout(Area status, Area weights, Area gradients, Area truth, Area loss, Area network, Area rate,
                     Area notes, Area footer, Area view) {
    public static final int MIN_WIDTH = 80;
    public static final int MIN_HEIGHT = 24;
    /** Rows the truth table and the loss chart need at least (title, header, four rows, one more). */
    private static final int BOTTOM_MIN = 7;
    static final int WIDE = 110;
    /** From this width the network is drawn on the main screen too, beside the loss chart. */
    static final int NETWORK_PANEL = 150;
    static final int NETWORK_WIDTH = 78;

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
        int hidden = (parameters - 1) / 4;
        boolean roomForNetwork = width >= NETWORK_PANEL && bottomRows >= 2 * hidden + 3;
        int lossWidth = width - truthWidth - 1 - (roomForNetwork ? NETWORK_WIDTH + 1 : 0);
        Area loss = new Area(truthWidth + 1, bottomRow, lossWidth, bottomRows);
        Area network = roomForNetwork ? new Area(width - NETWORK_WIDTH, bottomRow, NETWORK_WIDTH, bottomRows)
                : new Area(0, bottomRow, 0, 0);
        return new Layout(new Area(0, 0, width, top), weights, gradients, truth, loss, network,
                new Area(0, height - 3, width, 1), new Area(0, height - 2, width, 1), new Area(0, height - 1, width, 1),
                new Area(0, top, width, middle));
    }
}
