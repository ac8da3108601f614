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
        // an error of exactly 0 has no place on a log scale: it gets the plot's bottom row, labelled
        // "exact", below the decades (never the floor of the scale, where it would read as 1e-15)
        boolean exactRow = study.anyExact();
        int logRows = exactRow ? plotRows - 1 : plotRows;
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
        while (step < span && (double) step * (logRows - 1) / ceilTo(span, step) < 2) step++;
        int low = high - ceilTo(span, step);
        Scale y = new Scale(high, low, logRows);
        char vertical = ascii ? '|' : '│';
        for (int r = 0; r < logRows; r++) {
            put(r, LEFT - 1, vertical, Mark.AXIS);
        }
        for (int e = high; e >= low; e -= step) {
            text(y.row(e), 0, label(e), Mark.LABEL);
        }
        int exact = plotRows - 1;
        if (exactRow) {
            text(exact, 0, "exact", Mark.LABEL);
            put(exact, LEFT - 1, ascii ? ':' : '┊', Mark.AXIS); // a break in the axis: 0 is no decade
        }
        // the x axis: a tick and a label every two decades
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
        // the predicted curves, point to point across every column between them, then the measured points
        List<EpsilonStudy.Row> rows = study.rows();
        for (Difference d : Difference.values()) {
            // a difference exact at every ε has no error to predict: no truncation, no rounding
            if (study.exactEverywhere(d)) continue;
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
                    plot(y, y0 + f * (y1 - y0), c, glyph, m);
                }
            }
        }
        for (Difference d : Difference.values()) {
            Mark m = d == Difference.FORWARD ? Mark.FORWARD : Mark.CENTRAL;
            for (EpsilonStudy.Row r : rows) {
                point(y, exact, r.error(d), column(Math.log10(r.epsilon()), width), d == Difference.FORWARD ? 'o' : 'x', m);
            }
        }
        // the best points last, so that no other point hides them (none where several ε are exact)
        for (Difference d : Difference.values()) {
            EpsilonStudy.Best best = study.best(d);
            if (best.single()) {
                point(y, exact, best.error(), column(Math.log10(best.epsilon()), width),
                        d == Difference.FORWARD ? 'O' : 'X', Mark.BEST);
            }
        }
        axisMarkers(study, width, axis);
    }

    /**
     * The guide's ε (g) and the predicted best ε (F, C) on the axis line (over a tick too: its label
     * stays below), never on a row of the plot, where they would read as points. They keep their
     * order along the axis: g stays on its column, and a marker that falls on a column already
     * taken moves to the next free one on its own side (a larger ε to the right, a smaller to the left).
     */
    private void axisMarkers(EpsilonStudy study, int width, int axis) {
        double guide = Math.log10(EpsilonStudy.GUIDE_EPSILON);
        int g = column(guide, width);
        put(axis, g, 'g', Mark.GUIDE);
        List<double[]> left = new ArrayList<>(); // {log10 ε*, glyph}
        List<double[]> right = new ArrayList<>();
        for (Difference d : Difference.values()) {
            double star = study.predictedBest(d);
            if (!(star > 0 && Double.isFinite(star)) || study.exactEverywhere(d)) continue;
            double[] m = {Math.log10(star), d == Difference.FORWARD ? 'F' : 'C'};
            (m[0] < guide ? left : right).add(m);
        }
        left.sort((a, b) -> Double.compare(b[0], a[0])); // nearest g first
        right.sort((a, b) -> Double.compare(a[0], b[0]));
        int at = g;
        for (double[] m : left) {
            at = Math.max(LEFT, Math.min(column(m[0], width), at - 1));
            put(axis, at, (char) m[1], Mark.BEST);
        }
        at = g;
        for (double[] m : right) {
            at = Math.min(width - 1, Math.max(column(m[0], width), at + 1));
            put(axis, at, (char) m[1], Mark.BEST);
        }
    }

    /** The rows of the error's decades: 10^high on the top row, 10^low on row {@code rows} − 1. */
    private record Scale(int high, int low, int rows) {
        int row(double log10) {
            return (int) Math.round((high - log10) / (high - low) * (rows - 1));
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

    private void plot(Scale y, double log10, int c, char glyph, Mark m) {
        if (!Double.isFinite(log10)) return;
        int r = y.row(Math.max(y.low(), Math.min(y.high(), log10)));
        if (r >= 0 && r < y.rows() && c >= LEFT && c < cells[0].length) put(r, c, glyph, m);
    }

    /** A measured error: on its decade, or on the row {@code exact} when it is exactly 0. */
    private void point(Scale y, int exact, double error, int c, char glyph, Mark m) {
        if (error == 0.0) {
            if (c >= LEFT && c < cells[0].length) put(exact, c, glyph, m);
        } else {
            plot(y, Math.log10(error), c, glyph, m);
        }
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

    /**
     * What the glyphs mean, in one line: the longest form that fits {@code width} (the shortest
     * otherwise). An exact error's row is labelled on the chart itself.
     */
    public static String legend(Theme t, int width) {
        return fitting(width, "o/x one-sided/central, ./- predicted, O/X best, F/C predicted best, g guide's "
                + t.epsilon(), "o/x one-sided/central, ./- predicted, O/X best, F/C predicted best, g guide",
                "o/x one-sided/central ./- predicted O/X best F/C best predicted g guide");
    }

    /**
     * The findings in words, a line each, each the longest of its forms that fits {@code width}:
     * each difference's best ε measured and predicted, where the guide's ε = 1e-4 sits on its curve,
     * why an error is exactly 0 where one is, and the numbers the prediction comes from.
     */
    public static List<String> findings(EpsilonStudy s, Theme t, int width) {
        String eps = t.epsilon();
        String delta = t.ascii() ? "deltaL" : "δL";
        String dot = t.ascii() ? "*" : "·";
        String second = t.ascii() ? "L''" : "L″";
        String third = t.ascii() ? "L'''" : "L‴";
        List<String> out = new ArrayList<>();
        List<String[]> measured = new ArrayList<>(); // each difference's line: with the formula, without, measured only
        for (Difference d : Difference.values()) {
            boolean forward = d == Difference.FORWARD;
            String head = forward ? "one-sided: " : "central:   ";
            EpsilonStudy.Best best = s.best(d);
            String seen;
            if (s.exactEverywhere(d)) {
                seen = head + "exact (error 0) at every " + eps + ", so no " + eps + " is best";
            } else if (!best.single()) {
                List<Double> exact = best.exact();
                seen = head + "exact (error 0) at " + exact.size() + " of " + s.rows().size() + " " + eps + ", "
                        + Numbers.sci(exact.get(exact.size() - 1), 2) + " to " + Numbers.sci(exact.get(0), 2);
            } else {
                seen = head + "best " + eps + " " + Numbers.sci(best.epsilon(), 2) + " ("
                        + (best.error() == 0.0 ? "error exactly 0" : Numbers.sci(best.error(), 2)) + ")";
            }
            double star = s.predictedBest(d);
            String formula = forward ? "2" + dot + "sqrt(" + delta + "/|" + second + "|)"
                    : t.ascii() ? "cbrt(3*" + delta + "/|" + third + "|)" : "(3·" + delta + "/|" + third + "|)^(1/3)";
            String value = star > 0 && Double.isFinite(star) ? Numbers.sci(star, 2)
                    : "none (" + (forward ? second : third) + " = 0)";
            boolean none = !(star > 0 && Double.isFinite(star));
            measured.add(new String[] {seen + "; predicted " + (none ? "" : formula + " = ") + value,
                    seen + "; predicted " + value, seen});
        }
        // both lines in the same form, the longest that fits
        int form = 0;
        while (form < 2 && (measured.get(0)[form].length() > width || measured.get(1)[form].length() > width)) form++;
        for (String[] forms : measured) out.add(forms[form]);
        EpsilonStudy.Row guide = s.guideRow();
        String head = "guide's " + eps + " 1e-4: ";
        for (Difference d : Difference.values()) {
            boolean forward = d == Difference.FORWARD;
            StringBuilder b = new StringBuilder(forward ? head + "one-sided " : " ".repeat(head.length()) + "central ");
            double error = guide.error(d);
            double best = s.best(d).error();
            EpsilonStudy.Side side = s.guideSide(d);
            if (side == EpsilonStudy.Side.EXACT) { // why, on the lines after
                out.add(b.append("0: ").append(side.words()).toString());
                continue;
            }
            Numbers.sci(b, error, 2);
            if (best > 0) {
                double r = error / best;
                b.append(", ");
                if (r < 100) Numbers.sig(b, r, 2);
                else Numbers.count(b, Math.round(r));
                b.append(t.times()).append(" best");
            } else {
                b.append(", best exact");
            }
            b.append(": ");
            out.add(fitting(width, b + side.words().replace("ε", eps), b + side.shortWords()));
        }
        out.addAll(whyExact(s, t, width));
        String numbers = Numbers.sci(s.lossRounding(), 2) + ", " + second + " = " + Numbers.sci(s.curvature(), 3) + ", "
                + third + " = " + Numbers.sci(s.thirdDerivative(), 3);
        out.add(fitting(width, delta + " (rounding of L) = " + numbers + " (chain rule)", delta + " = " + numbers));
        return out;
    }

    /**
     * Why an error is exactly 0, where one is: the parameter reaches the loss only through a dead
     * ReLU unit, so a nudge changes no output until it lifts the unit's z above 0 on some row.
     */
    private static List<String> whyExact(EpsilonStudy s, Theme t, int width) {
        if (!s.anyExact()) return List.of();
        String eps = t.epsilon();
        String th = theta(t);
        boolean everywhere = s.exactEverywhere(Difference.FORWARD) && s.exactEverywhere(Difference.CENTRAL);
        EpsilonStudy.DeadPath dead = s.deadPath();
        if (dead == null) {
            return List.of(fitting(width, "exact: where L(" + th + "+" + eps + ") = L(" + th + ") bit for bit, the nudge"
                    + " changes no output", "exact: the nudge changes no output"));
        }
        String z = "z_" + dead.unit();
        String atMost = t.ascii() ? "<=" : "≤";
        String why = dead.input() == null
                ? fitting(width, "why: " + dead.unit() + " is 0 on every row (a dead ReLU): a small nudge changes no"
                        + " output, so", "why: " + dead.unit() + " is 0 on every row (dead ReLU): a nudge changes nothing")
                : fitting(width, "why: on each row " + dead.input() + " = 0 or " + dead.unit() + " is off (" + z + " "
                        + atMost + " 0): a small nudge changes no output, so", "why: on each row " + dead.input()
                        + " = 0 or " + z + " " + atMost + " 0: a small nudge changes no output, so");
        return List.of(why, everywhere
                ? fitting(width, "L(" + th + "+" + eps + ") = L(" + th + ") bit for bit: no truncation, no rounding, at"
                        + " every " + eps, "exact at every " + eps + ": no truncation, no rounding")
                : fitting(width, "exact while " + z + " stays " + atMost + " 0 there; elsewhere the nudge lifts it above"
                        + " 0 (a kink)", "not exact where the nudge lifts " + z + " above 0 (a kink)"));
    }

    private static String theta(Theme t) {
        return t.ascii() ? "theta" : "θ";
    }

    /** The first of {@code forms} that fits {@code width} columns, else the last. */
    private static String fitting(int width, String... forms) {
        for (String f : forms) {
            if (f.length() <= width) return f;
        }
        return forms[forms.length - 1];
    }
}
