package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import org.backproplab.format.Numbers;
import org.backproplab.train.LossHistory;
import org.backproplab.train.Snapshot;

/**
 * The loss over every epoch so far, squeezed to the panel's width: each column covers a share of
 * the epochs and shows their range, as htop and btop draw it: a solid bar up to the lowest loss of
 * those epochs (in eighths of a cell) and a thin line on up to the highest, so the first loss and
 * every spike stay visible however many epochs a column holds. The axis runs from 0 (or, on the
 * log scale, {@code l}, the lowest loss) to the highest loss of the run.
 */
final class LossPanel {
    static final int AXIS = 9;

    private LossPanel() {
    }

    /** What one column of the chart covers: the lowest and the highest loss of its epochs. */
    record Columns(double[] low, double[] high) {
        int size() {
            return low.length;
        }
    }

    static void draw(TextGraphics g, Area a, Snapshot s, UiState ui, Theme t) {
        String scale = ui.logScale() ? "log scale" : "linear scale";
        String loss = s.config().loss().title();
        StringBuilder b = new StringBuilder(80); // the title, the caption and the axis: one builder for all
        for (int form = 0; form < 4; form++) { // the longest title that fits whole
            Text.clear(b);
            switch (form) {
                case 0 -> b.append("Loss L: mean ").append(loss).append(" over the 4 rows, ").append(scale);
                case 1 -> b.append("Loss: mean ").append(loss).append(", ").append(scale);
                case 2 -> b.append("Loss: mean ").append(loss).append(", ").append(ui.logScale() ? "log" : "linear");
                default -> b.append("Loss, ").append(scale);
            }
            if (Text.titleFits(a, b.length())) break;
        }
        Text.heading(g, a, b, t);
        // the epochs stepped, and the one the parameters on screen are at: every epoch of "epochs 0..N"
        LossHistory.Points h = s.history().plus(s.loss());
        double lowest = h.lowest(); // of the finite losses: a divergence does not hide the run's best
        t.apply(g, Theme.Role.NORMAL);
        Numbers.sig(Text.clear(b).append("now "), s.loss(), 6).append("   lowest ");
        if (Double.isFinite(lowest)) Numbers.sig(b, lowest, 6); else b.append('-');
        int caption = b.length();
        Numbers.count(b.append("   epochs 0.."), s.epoch());
        if (b.length() > a.width()) b.setLength(caption); // the epochs only when they fit whole
        int legend = b.length();
        b.append("   ").append(t.bar(8)).append(" to the lowest, ").append(t.vertical())
                .append(" to the highest of a column's epochs");
        if (b.length() > a.width()) b.setLength(legend);
        Text.put(g, a, 0, 1, b);
        int rows = a.height() - 2;
        int width = a.width() - AXIS;
        if (rows < 1 || width < 1) return;
        Area chart = new Area(a.col() + AXIS, a.row() + 2, width, rows);
        Columns cols = squeeze(h, width);
        if (cols.size() == 0) {
            t.apply(g, Theme.Role.DIM);
            Text.put(g, chart, 0, rows - 1, "(no epochs yet)");
            t.apply(g, Theme.Role.NORMAL);
            return;
        }
        double lo;
        double hi;
        if (ui.logScale()) {
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            for (int c = 0; c < cols.size(); c++) {
                if (cols.low[c] > 0) min = Math.min(min, cols.low[c]);
                if (cols.high[c] > 0) max = Math.max(max, cols.high[c]);
            }
            if (!(max > 0)) return;
            lo = Math.log10(min);
            hi = Math.log10(max);
        } else {
            lo = 0;
            hi = 0;
            for (int c = 0; c < cols.size(); c++) hi = Math.max(hi, cols.high[c]);
        }
        if (!(hi > lo)) hi = lo + 1;
        Area axis = new Area(a.col(), a.row() + 2, AXIS - 1, rows);
        t.apply(g, Theme.Role.DIM);
        Text.putRight(g, axis, AXIS - 1, 0, Numbers.sig(Text.clear(b), ui.logScale() ? Math.pow(10, hi) : hi, 3));
        if (rows > 1) {
            Text.putRight(g, axis, AXIS - 1, rows - 1, ui.logScale() ? Numbers.sig(Text.clear(b), Math.pow(10, lo), 3) : "0");
        }
        t.apply(g, Theme.Role.ACCENT);
        for (int c = 0; c < cols.size(); c++) {
            int floor = eighths(cols.low[c], lo, hi, rows, ui.logScale());
            int top = Math.max(floor, eighths(cols.high[c], lo, hi, rows, ui.logScale()));
            for (int r = 0; r < rows; r++) {
                int bottom = r * 8;
                if (bottom >= top) break;
                int fill = floor - bottom;
                // below the lowest: solid (a partial block where the lowest ends); above it: the range line
                char cell = fill > 0 ? t.bar(Math.min(8, fill)) : t.vertical();
                Cells.put(g, chart.col() + c, chart.row() + rows - 1 - r, cell);
            }
        }
        t.apply(g, Theme.Role.NORMAL);
    }

    /** Height of a loss on the chart in eighths of a cell, at least 1 (so a column never vanishes). */
    private static int eighths(double v, double lo, double hi, int rows, boolean log) {
        double x = log ? (v > 0 ? Math.log10(v) : lo) : v;
        int e = (int) Math.round((x - lo) / (hi - lo) * rows * 8);
        return Math.max(1, Math.min(rows * 8, e));
    }

    /**
     * At most {@code width} columns: one per point, or an equal share of points each, with the
     * lowest and the highest loss of the epochs they cover.
     */
    static Columns squeeze(LossHistory.Points points, int width) {
        int n = points.size();
        int w = Math.min(n, width);
        double[] low = new double[w];
        double[] high = new double[w];
        for (int c = 0; c < w; c++) {
            int from = n <= width ? c : (int) ((long) c * n / width);
            int to = n <= width ? c + 1 : (int) ((long) (c + 1) * n / width);
            double l = Double.POSITIVE_INFINITY;
            double u = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                l = Math.min(l, points.low(i));
                u = Math.max(u, points.high(i));
            }
            low[c] = l;
            high[c] = u;
        }
        return new Columns(low, high);
    }
}
