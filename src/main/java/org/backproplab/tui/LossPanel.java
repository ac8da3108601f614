package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import org.backproplab.train.LossHistory;
import org.backproplab.train.Snapshot;

/**
 * The loss over every epoch so far, squeezed to the panel's width as a bar chart (eighths of a
 * cell), with the loss now and the lowest so far; linear from 0, or log scale ({@code l}).
 */
final class LossPanel {
    static final int AXIS = 9;

    private LossPanel() {
    }

    static void draw(TextGraphics g, Area a, Snapshot s, UiState ui, Theme t) {
        String scale = ui.logScale() ? "log scale" : "linear scale";
        String loss = s.config().loss().title();
        StringBuilder b = new StringBuilder(80); // the title, the caption and the axis: one builder for all
        b.append("Loss L: mean ").append(loss).append(" over the 4 rows, ").append(scale);
        if (b.length() + 4 > a.width()) Text.clear(b).append("Loss: mean ").append(loss).append(", ").append(scale);
        Text.heading(g, a, b, t);
        LossHistory.Points h = s.history();
        double lowest = Math.min(h.lowest(), s.loss());
        t.apply(g, Theme.Role.NORMAL);
        Numbers.sig(Text.clear(b).append("now "), s.loss(), 6).append("   lowest ");
        if (Double.isFinite(lowest)) Numbers.sig(b, lowest, 6); else b.append('-');
        int caption = b.length();
        Numbers.count(b.append("   epochs 0.."), s.epoch());
        if (b.length() > a.width()) b.setLength(caption); // the epochs only when they fit whole
        Text.put(g, a, 0, 1, b);
        int rows = a.height() - 2;
        int width = a.width() - AXIS;
        if (rows < 1 || width < 1) return;
        Area chart = new Area(a.col() + AXIS, a.row() + 2, width, rows);
        double[] cols = squeeze(h, width);
        if (cols.length == 0) {
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
            for (double v : cols) {
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            if (!(max > 0)) return;
            lo = Math.log10(min);
            hi = Math.log10(max);
        } else {
            lo = 0;
            hi = 0;
            for (double v : cols) hi = Math.max(hi, v);
        }
        if (!(hi > lo)) hi = lo + 1;
        Area axis = new Area(a.col(), a.row() + 2, AXIS - 1, rows);
        t.apply(g, Theme.Role.DIM);
        Text.putRight(g, axis, AXIS - 1, 0, Numbers.sig(Text.clear(b), ui.logScale() ? Math.pow(10, hi) : hi, 3));
        if (rows > 1) {
            Text.putRight(g, axis, AXIS - 1, rows - 1, ui.logScale() ? Numbers.sig(Text.clear(b), Math.pow(10, lo), 3) : "0");
        }
        t.apply(g, Theme.Role.ACCENT);
        for (int c = 0; c < cols.length; c++) {
            double v = cols[c];
            double x = ui.logScale() ? (v > 0 ? Math.log10(v) : lo) : v;
            int eighths = (int) Math.round((x - lo) / (hi - lo) * rows * 8);
            eighths = Math.max(1, Math.min(rows * 8, eighths));
            for (int r = 0; r < rows; r++) {
                int fill = eighths - r * 8;
                if (fill <= 0) break;
                Cells.put(g, chart.col() + c, chart.row() + rows - 1 - r, t.bar(Math.min(8, fill)));
            }
        }
        t.apply(g, Theme.Role.NORMAL);
    }

    /** At most {@code width} columns: one per point, or the mean of an equal share of points each. */
    static double[] squeeze(LossHistory.Points points, int width) {
        int n = points.size();
        double[] out = new double[Math.min(n, width)];
        if (n <= width) {
            for (int i = 0; i < n; i++) out[i] = points.value(i);
            return out;
        }
        for (int c = 0; c < width; c++) {
            int from = (int) ((long) c * n / width);
            int to = (int) ((long) (c + 1) * n / width);
            double sum = 0;
            for (int i = from; i < to; i++) sum += points.value(i);
            out[c] = sum / (to - from);
        }
        return out;
    }
}
