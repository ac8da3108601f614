package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.Locale;
import org.backproplab.nn.Dataset;
import org.backproplab.train.Snapshot;
import org.backproplab.train.Training;

/** The four rows of the gate: inputs, target, the network's output ŷ, and whether it is right. */
final class TruthTablePanel {
    private TruthTablePanel() {
    }

    static void draw(TextGraphics g, Area a, Snapshot s, Theme t) {
        Dataset data = s.config().dataset();
        Text.heading(g, a, "Truth table: " + data.id().toUpperCase(Locale.ROOT), t);
        t.apply(g, Theme.Role.DIM);
        Text.put(g, a, 0, 1, "x1 x2  target  output " + t.yhat() + "  right?");
        for (int r = 0; r < Dataset.ROWS; r++) {
            int row = 2 + r;
            double out = s.output(r);
            boolean right = Training.rowRight(out, data.target(r));
            t.apply(g, Theme.Role.NORMAL);
            Text.put(g, a, 0, row, String.format(Locale.ROOT, " %d  %d     %d   ",
                    (int) Dataset.input(r, 0), (int) Dataset.input(r, 1), (int) data.target(r)));
            Text.put(g, a, 15, row, Text.padLeft(Numbers.fixed(out, 4), 8));
            t.apply(g, right ? Theme.Role.GOOD : Theme.Role.BAD);
            Text.put(g, a, 25, row, right ? t.right() + " yes" : t.wrong() + " no");
        }
        t.apply(g, Theme.Role.DIM);
        if (a.height() > 6) {
            Text.put(g, a, 0, 6, "right = round(" + t.yhat() + ") is the target");
        }
        t.apply(g, Theme.Role.NORMAL);
    }
}
