package org.backproplab.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.EnumMap;
import java.util.Map;
import org.backproplab.format.Numbers;
import org.backproplab.grad.GradientCheck;
import org.backproplab.nn.Architecture;
import org.backproplab.train.Snapshot;

/**
 * For each parameter ∂L/∂θ both ways, taken at the θ the weights panel shows: numeric (nudge by ε
 * and re-run) and chain rule (backpropagation), how far apart they are, the error the numeric
 * difference itself should have (predicted from the loss's curvature and rounding), and the
 * verdict judged against it (good, expected, bad: {@link GradientCheck#verdict}) with its reason
 * where there is room.
 */
final class GradientsPanel {
    private GradientsPanel() {
    }

    /** Significant digits of the two gradients: more when there is room. */
    static int digits(int width) {
        return width >= 70 ? 6 : 5;
    }

    /** The verdict as a symbol and a word, so that it reads without colour (the word alone when {@code !symbol}). */
    static String verdict(GradientCheck.Verdict v, Theme t, boolean symbol) {
        String w = Words.of(t).verdicts.get(v);
        return symbol ? w : w.substring(2);
    }

    /** The reason in full or in a word, in the theme's characters. */
    static String reason(GradientCheck.Reason r, boolean full, Theme t) {
        return (full ? Words.of(t).reasons : Words.of(t).shortReasons).get(r);
    }

    /** The words of the verdict column, made once per character set: every row of every frame shows them. */
    private record Words(Map<GradientCheck.Verdict, String> verdicts, Map<GradientCheck.Reason, String> reasons,
                         Map<GradientCheck.Reason, String> shortReasons, int widest) {
        private static final Words UNICODE = make(new Theme(false, false));
        private static final Words ASCII = make(new Theme(false, true));

        static Words of(Theme t) {
            return t.ascii() ? ASCII : UNICODE;
        }

        private static Words make(Theme t) {
            Map<GradientCheck.Verdict, String> verdicts = new EnumMap<>(GradientCheck.Verdict.class);
            for (GradientCheck.Verdict v : GradientCheck.Verdict.values()) {
                verdicts.put(v, switch (v) {
                    case GOOD -> t.right() + " good";
                    case EXPECTED -> t.near() + " expected";
                    case BAD -> t.wrong() + " BAD";
                });
            }
            Map<GradientCheck.Reason, String> reasons = new EnumMap<>(GradientCheck.Reason.class);
            Map<GradientCheck.Reason, String> shortReasons = new EnumMap<>(GradientCheck.Reason.class);
            for (GradientCheck.Reason r : GradientCheck.Reason.values()) {
                reasons.put(r, words(r.text(), t));
                shortReasons.put(r, switch (r) {
                    case NONE -> "";
                    case KINK -> "kink";
                    case ONE_SIDED -> "O(" + t.epsilon() + ")";
                    case CENTRAL -> words("O(ε²)", t);
                    case CLIP -> "clip";
                    case ROUNDING -> "round";
                    case LOST -> "lost";
                });
            }
            int widest = 0; // a verdict with its reason in full, the widest there is
            for (String v : verdicts.values()) {
                for (String r : reasons.values()) widest = Math.max(widest, v.length() + 1 + r.length());
            }
            return new Words(verdicts, reasons, shortReasons, widest);
        }
    }

    /** A text of the engine's in the theme's characters: ε as eps, ε² as eps^2 in ASCII. */
    static String words(String text, Theme t) {
        return t.ascii() ? text.replace("ε²", "eps^2").replace("ε", "eps") : text;
    }

    static Theme.Role role(GradientCheck.Verdict v) {
        return switch (v) {
            case GOOD -> Theme.Role.GOOD;
            case EXPECTED -> Theme.Role.FAIR;
            case BAD -> Theme.Role.BAD;
        };
    }

    /** Columns of |numeric − chain| and of the predicted error: 2 significant digits (6.2e-08). */
    static final int ERROR = 7;

    static void draw(TextGraphics g, Area a, Snapshot s, UiState ui, Theme t) {
        Architecture arch = s.config().architecture();
        GradientCheck check = s.check();
        String d = t.partial();
        int visible = a.height() - 2;
        int count = check.entries().size();
        int first = Text.firstVisible(ui.selected(), visible, count);
        Text.heading(g, a, t, first, visible, count,
                "Gradients " + d + "L/" + d + t.theta() + ": numeric (nudge by " + t.epsilon() + ") vs chain rule (backprop)",
                "Gradients " + d + "L/" + d + t.theta() + ": numeric vs chain rule", "Gradients: numeric vs chain rule");
        int nd = digits(a.width());
        int num = nd + 6; // sign, point, e±XX
        int cNum = WeightsPanel.LABEL + 1;
        int cChain = cNum + num + 1;
        int cDiffer = cChain + num + 1;
        int cPredicted = cDiffer + ERROR + 1;
        // "predicted" is wider than its numbers: spelt out only where its column can widen for it and
        // leave the widest verdict its whole reason ("~ expected lost in rounding")
        boolean spelt = cPredicted + "predicted".length() + 1 + Words.of(t).widest <= a.width();
        int cVerdict = cPredicted + (spelt ? "predicted".length() : ERROR) + 1;
        // the verdict's symbol where "~ expected" fits, the word alone where only "expected" does
        boolean symbol = cVerdict + "~ expected".length() <= a.width();
        t.apply(g, Theme.Role.DIM);
        Text.put(g, a, 0, 1, "param");
        Text.put(g, a, cNum, 1, "numeric");
        Text.put(g, a, cChain, 1, "chain rule");
        Text.put(g, a, cDiffer, 1, "differ");
        Text.put(g, a, cPredicted, 1, spelt ? "predicted" : "pred.");
        Text.put(g, a, cVerdict, 1, "verdict");
        StringBuilder n = new StringBuilder(24);
        for (int i = 0; i < visible && first + i < count; i++) {
            int k = first + i;
            int row = 2 + i;
            GradientCheck.Entry e = check.entries().get(k);
            boolean selected = k == ui.selected();
            t.apply(g, Theme.Role.NORMAL);
            if (selected) g.enableModifiers(SGR.REVERSE);
            // each field where its heading is, or just after the one before if that ran long
            int col = Text.putLeftIn(g, a, 0, row, cNum, arch.label(k, t.ascii()));
            col = Text.putRightIn(g, a, col, row, num, Numbers.sci(Text.clear(n), e.numeric(), nd));
            col = Text.putRightIn(g, a, Text.fill(g, a, col, row, cChain), row, num, Numbers.sci(Text.clear(n), e.chainRule(), nd));
            col = Text.put(g, a, Text.fill(g, a, col, row, cDiffer), row, Numbers.sci(Text.clear(n), e.absoluteError(), 2));
            col = Text.put(g, a, Text.fill(g, a, Text.put(g, a, col, row, ' '), row, cPredicted), row,
                    Numbers.sci(Text.clear(n), e.predicted().total(), 2));
            col = Text.fill(g, a, Text.put(g, a, col, row, ' '), row, cVerdict);
            t.apply(g, role(e.verdict()));
            if (selected) g.enableModifiers(SGR.REVERSE);
            col = Text.put(g, a, col, row, verdict(e.verdict(), t, symbol));
            String why = reason(e.reason(), col + 1 + reason(e.reason(), true, t).length() <= a.width(), t);
            if (!why.isEmpty() && col + 1 + why.length() <= a.width()) {
                col = Text.put(g, a, Text.put(g, a, col, row, ' '), row, why);
            }
            t.apply(g, Theme.Role.NORMAL); // the rest of the row plain (reversed when selected), not in the verdict's colour
            if (selected) g.enableModifiers(SGR.REVERSE);
            Text.fill(g, a, col, row, a.width());
        }
        t.apply(g, Theme.Role.NORMAL);
    }
}
