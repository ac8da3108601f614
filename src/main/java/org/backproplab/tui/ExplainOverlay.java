package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.format.Numbers;
import org.backproplab.grad.Difference;
import org.backproplab.grad.Explanation;
import org.backproplab.grad.GradientCheck;
import org.backproplab.train.Snapshot;

/**
 * Enter on a gradient row: how that gradient comes about, both ways, with the numbers of the
 * snapshot on screen. It is live: it follows the run (space pauses to read it). The numeric way
 * is the guide's six steps (both nudges for a central difference); the chain-rule way is the
 * product of local derivatives on each of the four rows, and their sum. The numeric slope and the
 * sum are shown with the digits of the gradients table, so they read the same as its columns.
 */
final class ExplainOverlay {
    /** A line of the box, in one colour role. */
    record Line(String text, Theme.Role role) {
    }

    private ExplainOverlay() {
    }

    /** The box's lines for {@code width} columns of text; {@code nd}: the gradients table's digits. */
    static List<Line> lines(Snapshot s, int k, int width, int nd, Theme t) {
        List<Line> out = new ArrayList<>();
        var arch = s.config().architecture();
        String name = arch.name(k);
        Explanation e = s.lesson().explanation(name);
        if (e == null) {
            out.add(new Line(Pending.text(s, "working out the explanation of " + name), Theme.Role.DIM));
            return out;
        }
        String eps = t.epsilon();
        String arrow = t.ascii() ? "<-" : "←";
        String minus = "-";
        boolean wide = width >= 96;
        int lossDigits = wide ? 12 : 10;
        Explanation.Numeric n = e.numeric();
        boolean central = n.difference() == Difference.CENTRAL;
        add(out, width, t.theta() + " = " + name + " = " + Numbers.exact(e.value()) + "   loss L(" + t.theta() + ") = "
                + Numbers.sig(n.lossBefore(), lossDigits), Theme.Role.NORMAL);
        add(out, width, "The numeric way (the guide's steps, " + (central ? "central" : "one-sided") + ", " + eps
                + " = " + Numbers.setting(n.epsilon()) + "):", Theme.Role.HEADING);
        String up = " 1 nudge   " + name + " + " + eps + " = " + Numbers.exact(n.nudgedValue());
        String down = name + " " + minus + " " + eps + " = " + Numbers.exact(n.nudgedDownValue());
        if (!central) {
            add(out, width, up, Theme.Role.NORMAL);
        } else if (up.length() + 3 + down.length() <= width) {
            out.add(new Line(up + ",  " + down, Theme.Role.NORMAL));
        } else {
            // the two nudges one under the other
            out.add(new Line(up + ",", Theme.Role.NORMAL));
            add(out, width, " ".repeat(" 1 nudge   ".length()) + down, Theme.Role.NORMAL);
        }
        add(out, width, " 2 forward run the four rows again with the nudged value" + (central ? "s" : ""),
                Theme.Role.NORMAL);
        String column = Numbers.sci(n.gradient(), nd) + " " + arrow + " numeric column";
        if (central) {
            add(out, width, " 3 loss    L(+" + eps + ") = " + Numbers.sig(n.lossAfter(), lossDigits) + "   L(" + minus + eps
                    + ") = " + Numbers.sig(n.lossAfterDown(), lossDigits), Theme.Role.NORMAL);
            String quotient = " 4 slope   (L(+" + eps + ") " + minus + " L(" + minus + eps + ")) / 2" + eps + " = ";
            longest(out, width, Theme.Role.ACCENT, quotient + Numbers.sci(n.lossAfter() - n.lossAfterDown(), 4) + " / "
                    + Numbers.setting(2 * n.epsilon()) + " = " + column, quotient + column);
        } else {
            add(out, width, " 3 loss    L before = " + Numbers.sig(n.lossBefore(), lossDigits) + "   L after = "
                    + Numbers.sig(n.lossAfter(), lossDigits), Theme.Role.NORMAL);
            String quotient = " 4 slope   (after" + minus + "before)/" + eps + " = ";
            longest(out, width, Theme.Role.ACCENT, quotient + Numbers.sci(n.lossAfter() - n.lossBefore(), 4) + "/"
                    + Numbers.setting(n.epsilon()) + " = " + column, quotient + column);
        }
        add(out, width, " 5 revert  " + name + " back to " + Numbers.exact(e.value()), Theme.Role.NORMAL);
        double lr = s.config().learningRate();
        add(out, width, " 6 update  when all " + arch.parameterCount() + " slopes are known: " + name + " += "
                + minus + "lr " + t.times() + " slope = " + Numbers.sci(-lr * n.gradient(), 4), Theme.Role.NORMAL);
        Explanation.ChainRuleSteps c = e.chainRule();
        String formula = t.ascii() ? c.asciiFormula() : c.formula();
        String chainHead = "The chain-rule way, on each row: ";
        if (chainHead.length() + formula.length() <= width) {
            out.add(new Line(chainHead + formula, Theme.Role.HEADING));
        } else {
            out.add(new Line(chainHead, Theme.Role.HEADING));
            add(out, width, "  " + formula, Theme.Role.HEADING);
        }
        List<Explanation.Factor> names = c.rows().get(0).factors();
        int fd = wide ? 6 : 4;
        // Each factor's column is as wide as its name or its widest value, plus a space. An input
        // x or a ReLU slope is exactly 0 or 1 and reads as such, which keeps 80 columns enough.
        String[][] cells = new String[c.rows().size()][names.size()];
        int[] widths = new int[names.size()];
        for (int j = 0; j < names.size(); j++) {
            widths[j] = name(names.get(j), t).length() + 1;
            for (int i = 0; i < c.rows().size(); i++) {
                double v = c.rows().get(i).factors().get(j).value();
                cells[i][j] = v == 0.0 || v == 1.0 ? String.valueOf((int) v) : Numbers.sci(v, fd);
                widths[j] = Math.max(widths[j], cells[i][j].length() + 1);
            }
        }
        StringBuilder head = new StringBuilder(" x1 x2 ");
        for (int j = 0; j < names.size(); j++) {
            head.append(Text.padLeft(name(names.get(j), t), widths[j]));
        }
        head.append(Text.padLeft("product", nd + 7));
        out.add(new Line(head.toString(), Theme.Role.DIM));
        for (int i = 0; i < c.rows().size(); i++) {
            Explanation.Row r = c.rows().get(i);
            StringBuilder line = new StringBuilder("  " + (int) r.x1() + "  " + (int) r.x2() + " ");
            for (int j = 0; j < names.size(); j++) {
                line.append(Text.padLeft(cells[i][j], widths[j]));
            }
            line.append(Text.padLeft(Numbers.sci(r.product(), nd), nd + 7));
            out.add(new Line(line.toString(), Theme.Role.NORMAL));
        }
        GradientCheck.Entry entry = s.check().entries().get(k);
        boolean planted = s.config().plantedBug() != null;
        String sum = (planted ? "" : "chain-rule column " + t.arrow() + " ") + "sum of the four rows = "
                + Numbers.sci(c.gradient(), nd);
        out.add(new Line(Text.padLeft(sum, Math.min(width, head.length())), Theme.Role.ACCENT));
        if (planted) {
            add(out, width, "a bug is planted: the chain-rule column shows " + Numbers.sci(entry.chainRule(), nd)
                    + ", not this sum", Theme.Role.BAD);
        }
        List<String> predicted = PredictionText.predicted(entry.predicted(), t);
        longest(out, width, Theme.Role.NORMAL, String.join(" ", predicted), predicted.get(0));
        if (String.join(" ", predicted).length() > width) add(out, width, "  " + predicted.get(1), Theme.Role.NORMAL);
        add(out, width, PredictionText.observed(entry.absoluteError(), entry.predicted(), entry.verdict(),
                entry.reason(), t), GradientsPanel.role(entry.verdict()));
        return out;
    }

    /**
     * {@code text} as lines of at most {@code width}: broken between words (never around an "=",
     * so a name stays with its value), continued two columns further in.
     */
    private static void add(List<Line> out, int width, String text, Theme.Role role) {
        if (text.length() <= width) {
            out.add(new Line(text, role));
            return;
        }
        int indent = 0;
        while (indent < text.length() && text.charAt(indent) == ' ') indent++;
        String pad = " ".repeat(Math.min(indent + 2, width / 2));
        List<String> wrapped = Text.wrap(text.substring(indent).replace(" = ", KEEP + "=" + KEEP), width - pad.length());
        for (int i = 0; i < wrapped.size(); i++) {
            out.add(new Line((i == 0 ? " ".repeat(indent) : pad) + wrapped.get(i).replace(KEEP, ' '), role));
        }
    }

    /** Stands for a space that a line must not be broken at. */
    private static final char KEEP = '\u0000';

    /** The first of {@code forms} that fits in {@code width}, else the last one broken into lines. */
    private static void longest(List<Line> out, int width, Theme.Role role, String... forms) {
        for (String f : forms) {
            if (f.length() <= width) {
                out.add(new Line(f, role));
                return;
            }
        }
        add(out, width, forms[forms.length - 1], role);
    }

    private static String name(Explanation.Factor f, Theme t) {
        return t.ascii() ? f.ascii() : f.name();
    }

    static void draw(TextGraphics g, Area screen, Snapshot s, int k, int nd, Theme t) {
        int width = Math.min(screen.width(), 110);
        List<Line> lines = lines(s, k, width - 4, nd, t);
        int height = Math.min(screen.height(), lines.size() + 2);
        String label = s.config().architecture().label(k, t.ascii());
        String title = "Explain " + t.partial() + "L/" + t.partial() + t.theta() + " for " + label
                + ": live (space pauses), Esc closes";
        Area box = Text.overlay(g, screen, width, height, t, title, "Explain " + label + ": live, Esc closes");
        Area inner = Text.inside(box);
        for (int i = 0; i < lines.size() && i < inner.height(); i++) {
            t.apply(g, lines.get(i).role());
            Text.put(g, inner, 0, i, lines.get(i).text());
        }
        t.apply(g, Theme.Role.NORMAL);
    }
}
