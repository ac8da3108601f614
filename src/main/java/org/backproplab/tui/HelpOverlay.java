package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.format.Numbers;
import org.backproplab.grad.GradientCheck;
import org.backproplab.train.Guide;
import org.backproplab.train.Outcome;

/** Every key this lab offers, from the key table, in a box over the panels; Esc or ? closes it. */
final class HelpOverlay {
    /**
     * The legend's lines are wrapped to this width, continuation lines indented by 2: the inside
     * of a box at 80 columns, the narrowest screen the lab draws.
     */
    static final int LEGEND_WIDTH = 76;
    private static final String[] MOUSE = {
        "mouse: a click selects a row, a second explains it; the wheel",
        "moves the selection; Shift-drag selects text (or --no-mouse)"};
    private static final String[] NO_MOUSE = {
        "mouse: off (--no-mouse): the terminal's own selection of text works"};
    private static final String[] WORDS = {
        "learned = " + Outcome.LEARNED_RULE,
        "stuck = " + Outcome.STUCK_RULE,
        "the guide = \"" + Guide.TITLE + "\",",
        "  " + Guide.REPOSITORY};

    /**
     * The legend of a lab with these options, in the theme's characters: what the weights' step
     * column, the gradients' columns and verdict marks, the truth table's marks and the ∂L/∂η row
     * say, in the words those panels use (the verdicts by GradientCheck's own rules, as the
     * gradcheck command's legend says them); what the mouse does, or that it is off; the words.
     */
    static List<String> legend(LabOptions o, Theme t) {
        String d = t.partial();
        String eta = t.eta();
        List<String> paragraphs = List.of(
                "step = " + t.theta() + "'s change in the last epoch (last step: with its size): " + t.up() + " up, "
                        + t.down() + " down, " + t.still() + " none yet or unchanged. The next step is -lr*dL/dtheta"
                        + " with the gradient training uses: against its sign.",
                "differ = |n-a|, n numeric, a chain rule; predicted = the nudge's own error"
                        + " (eps*|L''|/2 one-sided or eps^2*|L'''|/6 central, + rounding, + any kink).",
                "verdict: " + GradientsPanel.verdict(GradientCheck.Verdict.GOOD, t, true) + ", "
                        + GradientsPanel.verdict(GradientCheck.Verdict.EXPECTED, t, true) + ", "
                        + GradientsPanel.verdict(GradientCheck.Verdict.BAD, t, true) + " (the word alone where narrow).",
                "good: " + rule(GradientCheck.Verdict.GOOD),
                "expected: " + rule(GradientCheck.Verdict.EXPECTED) + ". BAD: beyond it: look for a bug.",
                "learned? " + t.right() + " yes, " + t.wrong() + " no: the row's output " + t.yhat() + " within "
                        + Numbers.setting(Outcome.TOLERANCE) + " of its target, or not.",
                d + "L/" + d + eta + " (in full " + RatePanel.slope(new StringBuilder(), t) + ", g the gradient"
                        + " training follows): how the loss after the next step changes with the learning rate "
                        + eta + ", by the chain rule, then numeric (nudging " + eta + "); rel = their relative error"
                        + " |a-n|/max(|a|,|n|). larger " + eta + " better: it is negative (smaller: positive);"
                        + " they disagree: beyond the numeric value's own error. a lets " + eta + " follow it.");
        List<String> lines = new ArrayList<>();
        for (String p : paragraphs) {
            String first = Text.wrap(t.notation(p), LEGEND_WIDTH).get(0);
            lines.add(first);
            String rest = t.notation(p).substring(first.length()).strip();
            if (!rest.isEmpty()) for (String l : Text.wrap(rest, LEGEND_WIDTH - 2)) lines.add("  " + l);
        }
        lines.addAll(List.of(o.mouse() ? MOUSE : NO_MOUSE));
        lines.addAll(List.of(WORDS));
        return lines;
    }

    /**
     * The help's last page: what each reason of the verdict column says, as that column writes it
     * and as gradcheck's legend explains it, in the theme's characters.
     */
    static List<String> reasons(Theme t) {
        List<String> lines = new ArrayList<>(Text.wrap(t.notation("An expected verdict names the largest part of the"
                + " error the numeric difference should have; Enter shows the prediction with its numbers."),
                LEGEND_WIDTH));
        int label = 0;
        for (GradientCheck.Reason r : GradientCheck.Reason.values()) {
            if (r != GradientCheck.Reason.NONE) label = Math.max(label, GradientsPanel.reason(r, true, t).length());
        }
        for (GradientCheck.Reason r : GradientCheck.Reason.values()) {
            if (r == GradientCheck.Reason.NONE) continue;
            String head = Text.padRight(GradientsPanel.reason(r, true, t), label) + "  ";
            List<String> body = Text.wrap(t.notation(r.meaning()), LEGEND_WIDTH - head.length());
            for (int i = 0; i < body.size(); i++) lines.add((i == 0 ? head : " ".repeat(head.length())) + body.get(i));
        }
        return lines;
    }

    /** The help's last page: what the reasons mean. */
    static void drawReasons(TextGraphics g, Area screen, Theme t) {
        List<String> lines = reasons(t);
        Area box = Text.overlay(g, screen, Math.min(screen.width(), widest(lines) + 4),
                Math.min(screen.height(), lines.size() + 2), t, "What the reasons mean (Esc or ? closes)",
                "What the reasons mean");
        Area inner = Text.inside(box);
        t.apply(g, Theme.Role.NORMAL);
        for (int i = 0; i < lines.size(); i++) Text.put(g, inner, 0, i, lines.get(i));
    }

    /** A verdict's rule: its meaning up to the colon ("within 4x the predicted error"). */
    private static String rule(GradientCheck.Verdict v) {
        String m = v.meaning();
        return m.indexOf(':') < 0 ? m : m.substring(0, m.indexOf(':'));
    }

    /** The widest line of a legend. */
    private static int widest(List<String> legend) {
        int width = 0;
        for (String line : legend) width = Math.max(width, line.length());
        return width;
    }

    /** The line above the keys of a watcher's help: why the run keys are missing. */
    static final String WATCHING = "watching a shared lab: only the screen keys work here";

    private HelpOverlay() {
    }

    /** The keys' widest label and widest description, for one column. */
    private static int[] widths(List<Keymap.Binding> keys, boolean ascii) {
        int keyWidth = 0;
        int textWidth = 0;
        for (Keymap.Binding b : keys) {
            keyWidth = Math.max(keyWidth, b.label(ascii).length());
            textWidth = Math.max(textWidth, b.description().length());
        }
        return new int[] {keyWidth, textWidth};
    }

    /** Whether the keys fit one column, whole descriptions and all, in a screen this size. */
    private static boolean oneColumn(int width, int height, LabOptions o, boolean ascii) {
        List<Keymap.Binding> keys = Keymap.enabled(o);
        int[] w = widths(keys, ascii);
        return keys.size() + (o.readOnly() ? 1 : 0) + 2 <= height && w[0] + 3 + w[1] + 4 <= width;
    }

    /**
     * Whether the legend fits under the keys; when it does not, the help has a second page with
     * it alone ({@code ?} again, see {@link #drawLegend}).
     */
    static boolean legendFits(int width, int height, LabOptions o, Theme t) {
        int keys = Keymap.enabled(o).size();
        int watching = o.readOnly() ? 1 : 0;
        int legend = legend(o, t).size();
        if (oneColumn(width, height, o, t.ascii())) return keys + watching + 2 + legend + 1 <= height;
        int half = (keys + 1) / 2;
        // in two columns, the legend where it leaves the two status rows in view
        return half + 2 + watching + 1 + legend <= height - 2;
    }

    /** The help's second page, where the legend does not fit under the keys: what the words mean. */
    static void drawLegend(TextGraphics g, Area screen, LabOptions o, Theme t) {
        List<String> legend = legend(o, t);
        Area box = Text.overlay(g, screen, Math.min(screen.width(), widest(legend) + 4),
                Math.min(screen.height(), legend.size() + 2), t, "What the words mean (? again: the reasons; Esc closes)",
                "What the words mean (Esc closes)", "What the words mean");
        Area inner = Text.inside(box);
        t.apply(g, Theme.Role.NORMAL);
        for (int i = 0; i < legend.size(); i++) Text.put(g, inner, 0, i, legend.get(i));
    }

    static void draw(TextGraphics g, Area screen, LabOptions o, Theme t) {
        if (!oneColumn(screen.width(), screen.height(), o, t.ascii())) {
            drawTwoColumns(g, screen, o, t); // the heads of the descriptions, whole
            return;
        }
        List<Keymap.Binding> keys = Keymap.enabled(o);
        boolean readOnly = o.readOnly();
        int[] w = widths(keys, t.ascii());
        int keyWidth = w[0];
        boolean showLegend = legendFits(screen.width(), screen.height(), o, t);
        List<String> legend = showLegend ? legend(o, t) : List.of();
        int width = Math.min(screen.width(), Math.max(keyWidth + 3 + w[1],
                Math.max(widest(legend), readOnly ? WATCHING.length() : 0)) + 4);
        int rows = keys.size() + (readOnly ? 1 : 0);
        int height = Math.min(screen.height(), rows + 2 + (showLegend ? legend.size() + 1 : 0));
        Area inner = keysBox(g, screen, width, height, readOnly, t, showLegend
                ? "Keys (? again: what the reasons mean; Esc closes)"
                : "Keys (? again: what the words mean; Esc closes)", "Keys (Esc closes)");
        int row = 0;
        for (Keymap.Binding b : keys) {
            t.apply(g, Theme.Role.ACCENT);
            Text.put(g, inner, 0, row, b.label(t.ascii()));
            t.apply(g, Theme.Role.NORMAL);
            Text.put(g, inner, keyWidth + 3, row, b.description());
            row++;
        }
        putLegend(g, inner, row + 1, legend, t);
    }

    /** Every key offered in two columns with the head of its description, when one column is too tall or too wide. */
    static void drawTwoColumns(TextGraphics g, Area screen, LabOptions o, Theme t) {
        List<Keymap.Binding> all = Keymap.enabled(o);
        boolean readOnly = o.readOnly();
        int half = (all.size() + 1) / 2;
        int[] keyWidth = new int[2];
        int[] textWidth = new int[2];
        for (int i = 0; i < all.size(); i++) {
            int c = i < half ? 0 : 1;
            keyWidth[c] = Math.max(keyWidth[c], all.get(i).label(t.ascii()).length());
            textWidth[c] = Math.max(textWidth[c], all.get(i).brief().length());
        }
        int colWidth0 = keyWidth[0] + 2 + textWidth[0];
        int width = Math.min(screen.width(), colWidth0 + 3 + keyWidth[1] + 2 + textWidth[1] + 4);
        boolean showLegend = legendFits(screen.width(), screen.height(), o, t);
        List<String> legend = showLegend ? legend(o, t) : List.of();
        int height = Math.min(screen.height(), half + 2 + (readOnly ? 1 : 0) + (showLegend ? 1 + legend.size() : 0));
        width = Math.max(width, Math.min(screen.width(), widest(legend) + 4));
        Area inner = keysBox(g, screen, width, height, readOnly, t, showLegend
                ? "Keys in short, a larger window shows more (? again: the reasons; Esc closes)"
                : "Keys in short (? again: what the words mean; Esc closes)", "Keys in short (Esc closes)");
        for (int i = 0; i < all.size(); i++) {
            int c = i < half ? 0 : 1;
            int col = c == 0 ? 0 : colWidth0 + 3;
            int row = c == 0 ? i : i - half;
            Keymap.Binding b = all.get(i);
            t.apply(g, Theme.Role.ACCENT);
            Text.put(g, inner, col, row, b.label(t.ascii()));
            t.apply(g, Theme.Role.NORMAL);
            Text.put(g, inner, col + keyWidth[c] + 2, row, b.brief());
        }
        putLegend(g, inner, half + 1, legend, t);
    }

    /**
     * The keys' box with the first of {@code titles} that fits; returns where the keys go: inside
     * it, below the line that tells a watcher of a shared lab what they may do.
     */
    private static Area keysBox(TextGraphics g, Area screen, int width, int height, boolean readOnly, Theme t,
                                String... titles) {
        Area inner = Text.inside(Text.overlay(g, screen, width, height, t, titles));
        if (!readOnly) return inner;
        t.apply(g, Theme.Role.FAIR);
        Text.put(g, inner, 0, 0, WATCHING);
        return inner.below(1);
    }

    /** The legend under the keys, dim, from {@code row} on. */
    private static void putLegend(TextGraphics g, Area inner, int row, List<String> legend, Theme t) {
        t.apply(g, Theme.Role.DIM);
        for (int i = 0; i < legend.size(); i++) {
            Text.put(g, inner, 0, row + i, legend.get(i));
        }
        t.apply(g, Theme.Role.NORMAL);
    }
}
