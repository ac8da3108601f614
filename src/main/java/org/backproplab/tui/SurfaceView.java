package org.backproplab.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.Locale;
import org.backproplab.format.Numbers;
import org.backproplab.nn.Dataset;
import org.backproplab.train.Snapshot;

/**
 * Key {@code s}: what the network has learned, its output ŷ over the whole input square as a grid
 * of shaded cells (x1 to the right, x2 upwards), with the four training points in the corners
 * marked by their targets. Ten shades, one per tenth of ŷ: a character ramp that reads without
 * colour, and a colour ramp behind it when colour is on. The boundary ŷ = 0.5 lies between the
 * fifth and the sixth shade: for XOR it forms as two bands across the square.
 */
final class SurfaceView {
    static final String RAMP = " .:-=+*#%@";
    /** A viridis-like ramp in the xterm 256-colour palette, dark (ŷ near 0) to bright (near 1). */
    private static final TextColor[] PALETTE = new TextColor[10];

    static {
        int[] xterm = {53, 54, 61, 24, 30, 36, 35, 77, 148, 220};
        for (int i = 0; i < xterm.length; i++) PALETTE[i] = new TextColor.Indexed(xterm[i]); // immutable, shared
    }
    private static final int LEGEND = 26;
    private static final int AXIS = 5;

    private SurfaceView() {
    }

    /** The grid (columns, rows) that fits in the view: cells are about twice as tall as wide, so 2 columns per row. */
    static int[] gridSize(Area view) {
        int rows = Math.max(2, Math.min(view.height() - 3, 40));
        int columns = Math.max(2, Math.min(view.width() - LEGEND - AXIS - 1, 2 * rows + 1));
        return new int[] {columns, rows};
    }

    /** The shade of ŷ: 0 for [0, 0.1), ..., 9 for [0.9, 1]. */
    static int shade(double yhat) {
        if (!(yhat >= 0)) return 0;
        return Math.min(9, (int) Math.floor(yhat * 10));
    }

    static void draw(TextGraphics g, Area a, Snapshot s, Theme t) {
        String y = t.yhat();
        Text.heading(g, a, "What the network learned: its output " + y + " over the input square, live", t);
        if (s.diverged()) {
            t.apply(g, Theme.Role.DIM);
            Text.put(g, a, 0, 1, Pending.text(s, "computing"));
            t.apply(g, Theme.Role.NORMAL);
            return;
        }
        int[] size = gridSize(a);
        Snapshot.Surface surface = s.lesson().surface(size[0], size[1]);
        Area grid = new Area(a.col() + AXIS, a.row() + 1, size[0], size[1]);
        Dataset data = s.config().dataset();
        t.apply(g, Theme.Role.DIM);
        Text.put(g, a, 0, 1, "x2=1");
        Text.put(g, a, 0, size[1], "x2=0");
        Text.put(g, a, AXIS, size[1] + 1, "x1=0");
        Text.putRight(g, a, AXIS + size[0], size[1] + 1, "x1=1");
        if (surface == null) {
            Text.put(g, grid, 0, 0, "computing...");
        } else {
            for (int i = 0; i < size[1]; i++) {
                for (int j = 0; j < size[0]; j++) {
                    int shade = shade(surface.at(i, j));
                    cell(g, grid.col() + j, grid.row() + i, RAMP.charAt(shade), shade, t);
                }
            }
            // the four training points: the corners, each marked with its target
            for (int r = 0; r < Dataset.ROWS; r++) {
                int j = Dataset.input(r, 0) == 0 ? 0 : size[0] - 1;
                int i = Dataset.input(r, 1) == 0 ? size[1] - 1 : 0;
                t.apply(g, Theme.Role.NORMAL);
                g.enableModifiers(SGR.REVERSE, SGR.BOLD);
                Cells.put(g, grid.col() + j, grid.row() + i, (char) ('0' + (int) data.target(r)));
            }
        }
        Area legend = new Area(a.col() + AXIS + size[0] + 2, a.row() + 1, a.width() - AXIS - size[0] - 2, a.height() - 1);
        t.apply(g, Theme.Role.NORMAL);
        Text.put(g, legend, 0, 0, "shade  " + y);
        for (int k = 9; k >= 0; k--) {
            int row = 1 + (9 - k);
            cell(g, legend.col(), legend.row() + row, RAMP.charAt(k), k, t);
            cell(g, legend.col() + 1, legend.row() + row, RAMP.charAt(k), k, t);
            t.apply(g, Theme.Role.NORMAL);
            String range = Numbers.fixed(k / 10.0, 1) + " to " + (k == 9 ? "1" : Numbers.fixed((k + 1) / 10.0, 1));
            Text.put(g, legend, 3, row, range + (k == 5 ? "  (1 above 0.5)" : k == 4 ? "  (0 below)" : ""));
        }
        Text.put(g, legend, 0, 12, "0/1 in a corner: a row");
        Text.put(g, legend, 0, 13, "of the truth table and");
        Text.put(g, legend, 0, 14, "its target (" + data.id().toUpperCase(Locale.ROOT) + ")");
        t.apply(g, Theme.Role.DIM);
        Text.put(g, legend, 0, 16, "s or Esc goes back");
        t.apply(g, Theme.Role.NORMAL);
    }

    private static void cell(TextGraphics g, int col, int row, char c, int shade, Theme t) {
        if (t.colour()) {
            g.clearModifiers();
            g.setBackgroundColor(PALETTE[shade]);
            g.setForegroundColor(shade >= 6 ? TextColor.ANSI.BLACK : TextColor.ANSI.WHITE);
            g.setCharacter(col, row, c);
        } else {
            t.apply(g, Theme.Role.NORMAL);
            Cells.put(g, col, row, c);
        }
    }
}
