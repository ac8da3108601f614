package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import org.backproplab.format.Numbers;
import org.backproplab.nn.Dataset;
import org.backproplab.train.Outcome;
import org.backproplab.train.Snapshot;

/** The four rows of the gate: inputs, target, the network's output ŷ, and whether that row is learned. */
final class TruthTablePanel {
    /** Where the output column and the learned mark start. */
    private static final int OUTPUT = 13;
    private static final int MARK = 23;

    private TruthTablePanel() {
    }

    /** An input or target of a gate (0 or 1) as its digit. */
    private static char digit(double v) {
        return (char) ('0' + (int) v);
    }

    static void draw(TextGraphics g, Area a, Snapshot s, Theme t) {
        Dataset data = s.config().dataset();
        Text.heading(g, a, "Truth table: " + data.name(), t);
        t.apply(g, Theme.Role.DIM);
        // Each heading at a fixed column, so that ASCII's two-character y^ moves nothing else.
        Text.put(g, a, 0, 1, "x1 x2 target");
        Text.put(g, a, OUTPUT, 1, "output " + t.yhat());
        Text.put(g, a, MARK, 1, "learned?");
        StringBuilder n = new StringBuilder(16);
        for (int r = 0; r < Dataset.ROWS; r++) {
            int row = 2 + r;
            double out = s.output(r);
            boolean learned = Outcome.rowLearned(out, data.target(r));
            t.apply(g, Theme.Role.NORMAL);
            // the digits of x1, x2 and the target, under the headings' names
            Text.put(g, a, 1, row, digit(Dataset.input(r, 0)));
            Text.put(g, a, 4, row, digit(Dataset.input(r, 1)));
            Text.put(g, a, 9, row, digit(data.target(r)));
            Text.putRightIn(g, a, OUTPUT, row, 8, Numbers.fixed(Text.clear(n), out, 4));
            t.apply(g, learned ? Theme.Role.GOOD : Theme.Role.BAD);
            Text.put(g, a, Text.put(g, a, MARK, row, learned ? t.right() : t.wrong()), row, learned ? " yes" : " no");
        }
        t.apply(g, Theme.Role.DIM);
        if (a.height() > 6) {
            // whole, and a space before the rule beside: ASCII's y^ is a character wider than ŷ
            String tolerance = Numbers.setting(Outcome.TOLERANCE);
            String legend = "learned: " + t.yhat() + " within " + tolerance + " of target";
            Text.put(g, a, 0, 6, legend.length() < a.width() ? legend : "learned: within " + tolerance + " of target");
        }
        t.apply(g, Theme.Role.NORMAL);
    }
}
