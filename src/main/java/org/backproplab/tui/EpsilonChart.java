package org.backproplab.tui;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.format.Numbers;
import org.backproplab.grad.Difference;
import org.backproplab.grad.EpsilonStudy;

/**
 * The ε study as a log-log chart of characters: |numeric − chain rule| against ε, ε from 1e-13 on
 * the left to 1e-1 on the right, one decade of error per step up. The measured points of both
 * differences over the predicted curves: truncation falls to the left, rounding rises, a V for
 * each. The lab's ε view (key E) and the {@code epsilon} command draw the same chart.
 */
public final class EpsilonChart {
    /** What a cell of the chart shows; a drawing picks a colour for each. */
    public enum Mark { NONE, AXIS, LABEL, FORWARD, CENTRAL, PREDICTED_FORWARD, PREDICTED_CENTRAL, BEST, GUIDE }

    /** Columns before the plot: an error's label ("1e-08") and the axis. */
    private static final int LEFT = 6;

    private final char[][] cells;
    private final Mark[][] marks;

    private EpsilonChart(int width, int height) {
        cells = new char[height][width];
        marks = new Mark[height][width];
        for (int r = 0; r < height; r++) {
            java.util.Arrays.fill(cells[r], ' ');
            java.util.Arrays.fill(marks[r], Mark.NONE);
        }
    }

    public int height() {
        return cells.length;
    }

    public String row(int r) {
        return new String(cells[r]);
    }

    public Mark mark(int r, int c) {
        return marks[r][c];
    }

    public char cell(int r, int c) {
        return cells[r][c];
    }

    /** The chart in {@code width} × {@code height} characters (at least 40 × 6). */
    public static EpsilonChart of(EpsilonStudy study, int width, int height, boolean ascii) {
        EpsilonChart chart = new EpsilonChart(width, height);
        chart.draw(study, ascii);
        return chart;
    }

    private void draw(EpsilonStudy study, boolean ascii) {
        int width = cells[0].length;
        int plotRows = cells.length - 2;
        double top = Double.NEGATIVE_INFINITY;
        double bottom = Double.POSITIVE_INFINITY;
        for (EpsilonStudy.Row r : study.rows()) {
            for (double v : new double[] {r.forwardError(), r.centralError(), r.predictedForwardError(),
                    r.predictedCentralError()}) {
                if (v > 0 && Double.isFinite(v)) {
                    top = Math.max(top, Math.log10(v));
                    bottom = Math.min(bottom, Math.log10(v));
                }
            }
        }
        if (top == Double.NEGATIVE_INFINITY) {
            top = 0;
            bottom = -16;
        }
        int high = (int) Math.ceil(top);
        int span = Math.max(2, high - (int) Math.floor(bottom));
        // the y axis and its labels: every step-th decade from the top, the step the smallest that
        // leaves a row between two labels; the bottom goes down to the next labelled decade
        int step = 1;
        while (step < span && (double) step * (plotRows - 1) / ceilTo(span, step) < 2) step++;
        int low = high - ceilTo(span, step);
        char vertical = ascii ? '|' : '│';
        for (int r = 0; r < plotRows; r++) {
            put(r, LEFT - 1, vertical, Mark.AXIS);
        }
        for (int e = high; e >= low; e -= step) {
            text(row(e, high, low, plotRows), 0, label(e), Mark.LABEL);
        }
        // the x axis: a tick and a label every two decades, the guide's ε marked
        int axis = plotRows;
        char tick = ascii ? '+' : '┴';
        char rule = ascii ? '-' : '─';
        for (int c = LEFT - 1; c < width; c++) {
            put(axis, c, rule, Mark.AXIS);
        }
        put(axis, LEFT - 1, ascii ? '+' : '└', Mark.AXIS);
        for (int e = -13; e <= -1; e += 2) {
            int c = column(e, width);
            put(axis, c, tick, Mark.AXIS);
            String l = label(e);
            text(axis + 1, Math.min(width - l.length(), Math.max(LEFT - 1, c - l.length() / 2)), l, Mark.LABEL);
        }
        put(axis, column(Math.log10(EpsilonStudy.GUIDE_EPSILON), width), 'g', Mark.GUIDE);
        // the predicted curves, point to point across every column between them, then the measured points
        List<EpsilonStudy.Row> rows = study.rows();
        for (Difference d : Difference.values()) {
            Mark m = d == Difference.FORWARD ? Mark.PREDICTED_FORWARD : Mark.PREDICTED_CENTRAL;
            char glyph = d == Difference.FORWARD ? '.' : '-';
            for (int i = 0; i + 1 < rows.size(); i++) {
                double x0 = Math.log10(rows.get(i).epsilon());
                double x1 = Math.log10(rows.get(i + 1).epsilon());
                double y0 = Math.log10(rows.get(i).predicted(d));
                double y1 = Math.log10(rows.get(i + 1).predicted(d));
                int c0 = column(x0, width);
                int c1 = column(x1, width);
                for (int c = Math.min(c0, c1); c <= Math.max(c0, c1); c++) {
                    double f = c0 == c1 ? 0 : (double) (c - c0) / (c1 - c0);
                    plot(y0 + f * (y1 - y0), c, high, low, plotRows, glyph, m);
                }
            }
        }
        for (Difference d : Difference.values()) {
            Mark m = d == Difference.FORWARD ? Mark.FORWARD : Mark.CENTRAL;
            for (EpsilonStudy.Row r : rows) {
                double err = r.error(d);
                double y = err > 0 ? Math.log10(err) : low; // exactly 0: drawn on the floor
                plot(y, column(Math.log10(r.epsilon()), width), high, low, plotRows,
                        d == Difference.FORWARD ? 'o' : 'x', m);
            }
        }
        // the best points last, so that no other point hides them
        for (Difference d : Difference.values()) {
            EpsilonStudy.Best best = study.best(d);
            plot(best.error() > 0 ? Math.log10(best.error()) : low, column(Math.log10(best.epsilon()), width), high, low,
                    plotRows, d == Difference.FORWARD ? 'O' : 'X', Mark.BEST);
            // the predicted best ε on the axis line (over a tick too: its label stays below), never on
            // a row of the plot, where it would read as a point; beside the guide's g or the other
            // marker when it falls on them
            double star = study.predictedBest(d);
            if (star > 0 && Double.isFinite(star)) {
                int c = column(Math.log10(star), width);
                for (int off = 0; off < width; off++) {
                    int at = c + (off % 2 == 0 ? off / 2 : -(off + 1) / 2); // c, c-1, c+1, c-2, ...
                    if (at >= LEFT && at < width && (cells[axis][at] == rule || cells[axis][at] == tick)) {
                        put(axis, at, d == Difference.FORWARD ? 'F' : 'C', Mark.BEST);
                        break;
                    }
                }
            }
        }
    }

    /** The smallest multiple of {@code step} that is at least {@code n}. */
    private static int ceilTo(int n, int step) {
        return (n + step - 1) / step * step;
    }

    /** "1e-08", "1e+00". */
    private static String label(int exponent) {
        return "1e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    /** The column of log10 ε = x: 1e-13 at the left edge of the plot, 1e-1 at the right. */
    private static int column(double x, int width) {
        double f = (x + 13) / 12.0;
        return LEFT + (int) Math.round(f * (width - 1 - LEFT));
    }

    private static int row(double y, int high, int low, int plotRows) {
        return (int) Math.round((high - y) / (high - low) * (plotRows - 1));
    }

    private void plot(double y, int c, int high, int low, int plotRows, char glyph, Mark m) {
        if (!Double.isFinite(y)) return;
        int r = row(Math.max(low, Math.min(high, y)), high, low, plotRows);
        if (r >= 0 && r < plotRows && c >= LEFT && c < cells[0].length) put(r, c, glyph, m);
    }

    private void put(int r, int c, char ch, Mark m) {
        if (r >= 0 && r < cells.length && c >= 0 && c < cells[r].length) {
            cells[r][c] = ch;
            marks[r][c] = m;
        }
    }

    private void text(int r, int c, String s, Mark m) {
        for (int i = 0; i < s.length(); i++) put(r, c + i, s.charAt(i), m);
    }

    /** What the glyphs mean, in one line (78 characters). */
    public static String legend(Theme t) {
        return "o/x one-sided/central, ./- predicted, O/X best, F/C predicted best, g guide's " + t.epsilon();
    }

    /**
     * The findings in words, a line each (each fits 80 columns): each difference's best ε measured
     * and predicted, where the guide's ε = 1e-4 sits on its curve, and the numbers the prediction
     * comes from.
     */
    public static List<String> findings(EpsilonStudy s, Theme t) {
        String eps = t.epsilon();
        String delta = t.ascii() ? "deltaL" : "δL";
        String dot = t.ascii() ? "*" : "·";
        String second = t.ascii() ? "L''" : "L″";
        String third = t.ascii() ? "L'''" : "L‴";
        List<String> out = new ArrayList<>();
        for (Difference d : Difference.values()) {
            boolean forward = d == Difference.FORWARD;
            EpsilonStudy.Best best = s.best(d);
            StringBuilder b = new StringBuilder(forward ? "one-sided: " : "central:   ");
            b.append("best ").append(eps).append(' ').append(Numbers.sci(best.epsilon(), 1)).append(" (")
                    .append(Numbers.sci(best.error(), 2)).append("); predicted ")
                    .append(forward ? "2" + dot + "sqrt(" + delta + "/|" + second + "|)" : "(3" + dot + delta + "/|" + third
                            + "|)^(1/3)").append(" = ");
            double star = s.predictedBest(d);
            out.add(b.append(star > 0 && Double.isFinite(star) ? Numbers.sci(star, 2) : "none (no curvature)").toString());
        }
        EpsilonStudy.Row guide = s.guideRow();
        String head = "guide's " + eps + " 1e-4: ";
        for (Difference d : Difference.values()) {
            boolean forward = d == Difference.FORWARD;
            StringBuilder b = new StringBuilder(forward ? head + "one-sided " : " ".repeat(head.length()) + "central ");
            Numbers.sci(b, guide.error(d), 2);
            double best = s.best(d).error();
            if (best > 0 && guide.error(d) > 0) {
                double r = guide.error(d) / best;
                b.append(", ");
                if (r < 100) Numbers.sig(b, r, 2);
                else Numbers.count(b, Math.round(r));
                b.append(t.times()).append(" best");
            }
            out.add(b.append(": ").append(s.guideSide(d).words().replace("ε", eps)).toString());
        }
        out.add(delta + " (rounding of L) = " + Numbers.sci(s.lossRounding(), 2) + ", " + second + " = "
                + Numbers.sci(s.curvature(), 3) + ", " + third + " = " + Numbers.sci(s.thirdDerivative(), 3)
                + " (chain rule)");
        return out;
    }
}
