package org.backproplab.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.graphics.TextGraphics;
import org.backproplab.format.Numbers;
import org.backproplab.grad.GradientCheck;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.train.Snapshot;

/**
 * Key {@code v}: the network itself, drawn live from the snapshot. The inputs x1, x2 on the left,
 * the hidden units in the middle, the output y on the right, with every edge between them: each
 * edge carries its weight (colour for its sign, and a heavier line for a larger |w|; without
 * colour the sign is written and the line weight still shows), each node its bias, and for the
 * truth-table row chosen with {@code 1}..{@code 4} its sum z and activation a (the output: ŷ and
 * the target). The selected parameter (↑/↓, as in the gradient table) is highlighted where it sits,
 * with both its gradients on the last line.
 *
 * <p>Layout, per hidden unit j: a row for the edge from x1, a row for the node, a row for the edge
 * from x2 (two rows, the node beside the x1 edge, when the units do not fit three rows each).
 * Each input runs down a bus of its own; x1's edges cross x2's bus, nothing else crosses.
 */
final class NetworkView {
    /** Columns of the parts: the inputs' labels, the two buses, the port where edges meet a node. */
    private static final int BUS1 = 8;
    private static final int BUS2 = 10;
    private static final int EDGE = 13;
    private static final int PORT = BUS2 + 1 + EDGE;
    /**
     * Characters a number on the diagram takes at most (a weight, a bias, z, a): 4 decimals, or
     * scientific once they do not fit (+1.7e+297), so that no number runs into its neighbour.
     */
    private static final int NUMBER = 9;
    /**
     * A hidden unit's name and bias on its node row (z and a on the rows of its edges, which may
     * run on under the outgoing edge), then its outgoing edge to the collector, the column that
     * joins the units into y.
     */
    private static final int NODE = 5 + NUMBER + 2;
    private static final int OUT_EDGE = 12;
    private static final int COLLECTOR = PORT + 1 + NODE + OUT_EDGE;
    /** Where y and its numbers start. */
    private static final int Y = COLLECTOR + 4;

    /**
     * Where each part of the diagram is, in the rows below its title: each unit's row for the edge
     * from x1, its node row and its row for the edge from x2 (the node on the x1 row when units
     * take two rows), and the row where the collector meets y. Drawing and a click read the same.
     */
    private record Geometry(int per, int[] rowA, int[] rowN, int[] rowB, int ym) {
        static Geometry of(int hidden, Area a, boolean footer) {
            int per = footer ? rowsPerUnit(hidden, a.height()) : 3 * hidden + 1 <= a.height() ? 3 : 2;
            int[] rowA = new int[hidden];
            int[] rowN = new int[hidden];
            int[] rowB = new int[hidden];
            for (int j = 0; j < hidden; j++) {
                rowA[j] = per * j;
                rowN[j] = per == 3 ? rowA[j] + 1 : rowA[j];
                rowB[j] = rowA[j] + per - 1;
            }
            return new Geometry(per, rowA, rowN, rowB, (rowN[0] + rowN[hidden - 1]) / 2);
        }

        /** y's bias sits above its row, or below its z when there is no row above. */
        int outputBiasRow() {
            return ym - 1 >= 0 ? ym - 1 : ym + 2;
        }
    }

    /**
     * The parameter drawn at (col, row) of the view's area {@code a} (the edge that carries a
     * weight, the bias of a node), or -1: what a click there selects.
     */
    static int parameterAt(Area a, Snapshot s, UiState ui, int col, int row) {
        Architecture arch = s.config().architecture();
        int h = arch.hidden();
        Geometry geo = Geometry.of(h, a, true);
        int r = row - a.row() - 1;
        int x = col - a.col();
        for (int j = 0; j < h; j++) {
            if (x > BUS2 && x < PORT) {
                if (r == geo.rowA[j]) return arch.inputWeight(0, j);
                if (r == geo.rowB[j]) return arch.inputWeight(1, j);
            }
            if (r == geo.rowN[j] && x >= PORT + 2 && x < PORT + 1 + NODE) return arch.hiddenBias(j);
            if (r == geo.rowN[j] && x >= PORT + 1 + NODE && x < COLLECTOR) return arch.outputWeight(j);
        }
        if (r == geo.outputBiasRow() && x >= Y + 3 && x < Y + 3 + 2 + NUMBER) return arch.outputBias();
        return -1;
    }

    private NetworkView() {
    }

    /** Rows a hidden unit takes: 3 (edge from x1, node, edge from x2) when they fit, else 2. */
    static int rowsPerUnit(int hidden, int height) {
        return 3 * hidden + 2 <= height - 1 ? 3 : 2;
    }

    /**
     * What the diagram shows and marks: the truth-table row whose values it shows, the parameter
     * highlighted on its edge or node (-1: none), a hidden unit (-1: none) or the output to mark as
     * being computed, and whether the legend and the selected parameter's gradients are written under it.
     */
    record Focus(int row, int parameter, int unit, boolean output, boolean footer) {
        static Focus of(UiState ui) {
            return new Focus(ui.row(), ui.selected(), -1, false, true);
        }
    }

    static void draw(TextGraphics g, Area a, Snapshot s, UiState ui, Theme t) {
        draw(g, a, s, Focus.of(ui), t);
    }

    /** Rows the diagram takes (its title included) without the legend and the selection line. */
    static int diagramRows(int hidden, int height) {
        return 1 + hidden * (3 * hidden + 1 <= height ? 3 : 2);
    }

    static void draw(TextGraphics g, Area a, Snapshot s, Focus focus, Theme t) {
        Architecture arch = s.config().architecture();
        Dataset data = s.config().dataset();
        int h = arch.hidden();
        int r = focus.row();
        Snapshot.Pass pass = s.pass();
        int x1 = (int) Dataset.input(r, 0);
        int x2 = (int) Dataset.input(r, 1);
        String title = "The network 2-" + h + "-1 on row " + (r + 1) + " of 4 (x1=" + x1 + ", x2=" + x2 + ", target "
                + (int) data.target(r) + "): 1-4 choose the row";
        Text.heading(g, a, t, title, "The network on row " + (r + 1) + " (x1=" + x1 + ", x2=" + x2 + ")");
        Geometry geo = Geometry.of(h, a, focus.footer());
        int per = geo.per;
        Canvas c = new Canvas(g, a.below(1), t);
        int[] rowA = geo.rowA;
        int[] rowB = geo.rowB;
        int[] rowN = geo.rowN;
        int last = h - 1;
        int collector = COLLECTOR;
        StringBuilder n = new StringBuilder(24);

        // the inputs and their buses: x1's down through every unit's first row, x2's through every last row
        t.apply(g, Theme.Role.HEADING);
        Text.put(g, c.area, 0, rowA[0], "x1 = " + x1);
        Text.put(g, c.area, 0, rowB[0], "x2 = " + x2);
        c.line(rowA[0], 7, BUS1, Canvas.LEFT | Canvas.RIGHT);
        c.line(rowB[0], 7, BUS1, Canvas.LEFT | Canvas.RIGHT);
        c.link(rowA[0], BUS1, Canvas.LEFT | Canvas.RIGHT);
        c.vertical(BUS1, rowA[0], rowA[last]);
        c.link(rowB[0], BUS1, Canvas.LEFT | Canvas.RIGHT);
        c.line(rowB[0], BUS1 + 1, BUS2, Canvas.LEFT | Canvas.RIGHT);
        c.link(rowB[0], BUS2, Canvas.LEFT);
        c.vertical(BUS2, rowB[0], rowB[last]);
        for (int j = 0; j < h; j++) {
            c.link(rowA[j], BUS1, Canvas.RIGHT);
            c.line(rowA[j], BUS1 + 1, BUS2 + 1, Canvas.LEFT | Canvas.RIGHT);
            c.link(rowB[j], BUS2, Canvas.RIGHT);
            // the ports: edges meet the node's block from the left
            if (per == 3) {
                c.link(rowA[j], PORT, Canvas.LEFT | Canvas.DOWN);
                c.link(rowN[j], PORT, Canvas.UP | Canvas.DOWN | Canvas.RIGHT);
                c.link(rowB[j], PORT, Canvas.LEFT | Canvas.UP);
            } else {
                c.link(rowA[j], PORT, Canvas.LEFT | Canvas.DOWN | Canvas.RIGHT);
                c.link(rowB[j], PORT, Canvas.LEFT | Canvas.UP);
            }
            c.link(rowN[j], PORT + 1, Canvas.LEFT | Canvas.RIGHT);
        }
        // the collector into y: every unit's outgoing edge ends on it
        int ym = geo.ym;
        c.vertical(collector, rowN[0], rowN[last]);
        for (int j = 0; j < h; j++) c.link(rowN[j], collector, Canvas.LEFT);
        c.link(ym, collector, Canvas.RIGHT);
        c.line(ym, collector + 1, collector + 2, Canvas.LEFT | Canvas.RIGHT);
        c.flush();

        // the edges with their weights, the nodes with their numbers
        int selected = Math.min(focus.parameter(), arch.parameterCount() - 1);
        for (int j = 0; j < h; j++) {
            edge(g, c.area, rowA[j], BUS2 + 1, EDGE, s.parameter(arch.inputWeight(0, j)),
                    selected == arch.inputWeight(0, j), true, t, n);
            edge(g, c.area, rowB[j], BUS2 + 1, EDGE, s.parameter(arch.inputWeight(1, j)),
                    selected == arch.inputWeight(1, j), true, t, n);
            int col = PORT + 2;
            t.apply(g, Theme.Role.HEADING);
            if (focus.unit() == j && selected < 0) g.enableModifiers(SGR.REVERSE);
            col = Text.put(g, c.area, col, rowN[j], "h" + (j + 1)) + 1;
            bias(g, c.area, rowN[j], col, s.parameter(arch.hiddenBias(j)), selected == arch.hiddenBias(j), t, n);
            t.apply(g, Theme.Role.NORMAL);
            if (per == 3) {
                Text.put(g, c.area, PORT + 2, rowA[j], number(Text.clear(n).append("z "), pass.z(r, j), 4));
                Text.put(g, c.area, PORT + 2, rowB[j], number(Text.clear(n).append("a "), pass.a(r, j), 4));
            } else {
                int at = Text.put(g, c.area, PORT + 2, rowB[j], number(Text.clear(n).append("z "), pass.z(r, j), 3)) + 1;
                Text.put(g, c.area, at, rowB[j], number(Text.clear(n).append("a "), pass.a(r, j), 3));
            }
            edge(g, c.area, rowN[j], PORT + 1 + NODE, OUT_EDGE, s.parameter(arch.outputWeight(j)),
                    selected == arch.outputWeight(j), false, t, n);
        }
        int yc = Y;
        t.apply(g, Theme.Role.DIM);
        Text.put(g, c.area, collector + 2, ym, t.ascii() ? '>' : '▶');
        t.apply(g, Theme.Role.HEADING);
        if (focus.output() && selected < 0) g.enableModifiers(SGR.REVERSE);
        int col = Text.put(g, c.area, yc, ym, "y") + 2;
        t.apply(g, Theme.Role.NORMAL);
        Numbers.fit(Text.clear(n).append(t.yhat()).append(' '), pass.output(r), 4, NUMBER); // in [0, 1]: 0.6632
        col = Text.put(g, c.area, col, ym, n) + 2;
        Text.put(g, c.area, col, ym, "target " + (int) data.target(r));
        Text.put(g, c.area, yc + 3, ym + 1, number(Text.clear(n).append("z "), pass.outputSum(r), 4));
        bias(g, c.area, geo.outputBiasRow(), yc + 3, s.parameter(arch.outputBias()),
                selected == arch.outputBias(), t, n);

        // the legend and the selected parameter with both its gradients
        if (!focus.footer() || selected < 0) return;
        int bottom = a.height() - 2;
        t.apply(g, Theme.Role.DIM);
        String heavy = t.ascii() ? "=" : "━";
        String light = t.ascii() ? "-" : "─";
        String faint = t.ascii() ? "." : "╌";
        String legend = (t.colour() ? "blue +, yellow -; " : "") + heavy + " |w| >= 1, " + light + " >= 0.1, "
                + faint + " smaller";
        int diagramBottom = Math.max(rowB[last], ym + 2);
        if (bottom - 1 > diagramBottom) Text.put(g, c.area, 0, bottom - 1, legend);
        GradientCheck.Entry e = s.check().entries().get(selected);
        t.apply(g, Theme.Role.NORMAL);
        Text.clear(n);
        // the line whole, never cut at the edge: the gradients lose their heading, then go, where it is narrow
        StringBuilder line = new StringBuilder(100).append("selected ").append(arch.label(selected, t.ascii()))
                .append(" = ");
        int named = WeightsPanel.value(line, s.parameter(selected)).length();
        for (boolean heading : new boolean[] {true, false}) {
            line.setLength(named);
            line.append("   ");
            if (heading) line.append(t.partial()).append("L/").append(t.partial()).append(t.theta()).append(": ");
            Numbers.sci(line.append("numeric "), e.numeric(), 5).append(", chain rule ");
            Numbers.sci(line, e.chainRule(), 5);
            if (line.length() <= a.width()) break;
        }
        if (line.length() > a.width()) line.setLength(named);
        String hint = "   (up/down select, Enter explains)";
        if (line.length() + hint.length() <= a.width()) line.append(hint);
        if (bottom > diagramBottom) Text.put(g, c.area, 0, bottom, line);
        t.apply(g, Theme.Role.NORMAL);
    }

    /** An edge: a line of {@code width} cells ending in an arrow (or not), its weight written on it. */
    private static void edge(TextGraphics g, Area a, int row, int col, int width, double w, boolean selected,
                             boolean arrow, Theme t, StringBuilder n) {
        double size = Math.abs(w);
        char line = t.ascii() ? (size >= 1 ? '=' : size >= 0.1 ? '-' : '.')
                : (size >= 1 ? '━' : size >= 0.1 ? '─' : '╌');
        t.apply(g, !t.colour() ? Theme.Role.NORMAL : w >= 0 ? Theme.Role.POSITIVE : Theme.Role.NEGATIVE);
        if (selected) g.enableModifiers(SGR.REVERSE);
        number(Text.clear(n), w, 4);
        int end = col + width - (arrow ? 1 : 0);
        int at = col + 1;
        for (int x = col; x < at; x++) Text.put(g, a, x, row, line);
        at = Text.put(g, a, Text.put(g, a, at, row, ' '), row, n);
        at = Text.put(g, a, at, row, ' ');
        for (int x = at; x < end; x++) Text.put(g, a, x, row, line);
        if (arrow) Text.put(g, a, end, row, t.ascii() ? '>' : '▶');
        t.apply(g, Theme.Role.NORMAL);
    }

    private static void bias(TextGraphics g, Area a, int row, int col, double b, boolean selected, Theme t,
                             StringBuilder n) {
        t.apply(g, Theme.Role.NORMAL);
        if (selected) g.enableModifiers(SGR.REVERSE);
        Text.put(g, a, col, row, number(Text.clear(n).append("b "), b, 4));
        t.apply(g, Theme.Role.NORMAL);
    }

    /** Appends a number of the diagram with its sign, in at most {@link #NUMBER} characters. */
    private static StringBuilder number(StringBuilder out, double x, int decimals) {
        return Numbers.signedFit(out, x, decimals, NUMBER);
    }

    /**
     * Box-drawing lines by their ends: each cell collects which sides a line leaves it by, and
     * {@link #flush} draws the junction that joins them (a crossing where x1's edges pass x2's bus).
     */
    private static final class Canvas {
        static final int UP = 1;
        static final int DOWN = 2;
        static final int LEFT = 4;
        static final int RIGHT = 8;
        private static final String UNICODE = " ╵╷│╴┘┐┤╶└┌├─┴┬┼";
        private static final String ASCII = " |||-+++-+++-+++";

        final Area area;
        private final TextGraphics g;
        private final Theme t;
        private final int[] sides;

        Canvas(TextGraphics g, Area area, Theme t) {
            this.g = g;
            this.area = area;
            this.t = t;
            this.sides = new int[Math.max(0, area.width() * area.height())];
        }

        void link(int row, int col, int s) {
            if (row >= 0 && row < area.height() && col >= 0 && col < area.width()) {
                sides[row * area.width() + col] |= s;
            }
        }

        /** A horizontal line over columns [from, to). */
        void line(int row, int from, int to, int s) {
            for (int col = from; col < to; col++) link(row, col, s);
        }

        /** A vertical line from row {@code top} down to {@code bottom}, joined at both ends. */
        void vertical(int col, int top, int bottom) {
            for (int row = top; row <= bottom; row++) {
                link(row, col, (row > top ? UP : 0) | (row < bottom ? DOWN : 0));
            }
        }

        void flush() {
            t.apply(g, Theme.Role.DIM);
            String glyphs = t.ascii() ? ASCII : UNICODE;
            for (int row = 0; row < area.height(); row++) {
                for (int col = 0; col < area.width(); col++) {
                    int s = sides[row * area.width() + col];
                    if (s != 0) Text.put(g, area, col, row, glyphs.charAt(s));
                }
            }
            t.apply(g, Theme.Role.NORMAL);
        }
    }
}
