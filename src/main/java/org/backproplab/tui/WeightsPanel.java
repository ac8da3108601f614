package org.backproplab.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.graphics.TextGraphics;
import org.backproplab.format.Numbers;
import org.backproplab.nn.Architecture;
import org.backproplab.train.Snapshot;

/** Every weight and bias under its label, its value, and which way the last step moved it. */
final class WeightsPanel {
    static final int LABEL = 6;
    /** The value column: every value fits it (+1684.1313, -4.50e+04, +1.70e+308), right-aligned. */
    static final int VALUE = 10;
    private static final String HEADER = Text.padRight("param", LABEL) + " " + Text.padLeft("value", VALUE) + "  step";
    private static final String HEADER_WIDE = Text.padRight("param", LABEL) + " " + Text.padLeft("value", VALUE) + "  last step";

    private WeightsPanel() {
    }

    /** Appends a parameter's value in at most {@link #VALUE} characters: 4 decimals, scientific once they do not fit. */
    static StringBuilder value(StringBuilder out, double x) {
        return Numbers.signedFit(out, x, 4, VALUE);
    }

    static void draw(TextGraphics g, Area a, Snapshot s, UiState ui, Theme t) {
        Architecture arch = s.config().architecture();
        boolean wide = a.width() >= 30;
        int visible = a.height() - 2;
        int count = s.parameterCount();
        int first = Text.firstVisible(ui.selected(), visible, count);
        // the rows shown where they fit beside the title (else the gradients beside say them: the same rows)
        Text.heading(g, a, t, first, visible, count, "Weights & biases");
        t.apply(g, Theme.Role.DIM);
        Text.put(g, a, 0, 1, wide ? HEADER_WIDE : HEADER);
        StringBuilder n = new StringBuilder(24);
        for (int i = 0; i < visible && first + i < count; i++) {
            int k = first + i;
            int row = 2 + i;
            double step = s.lastStep(k);
            t.apply(g, Theme.Role.NORMAL);
            if (k == ui.selected()) g.enableModifiers(SGR.REVERSE);
            int col = Text.putLeftIn(g, a, 0, row, LABEL + 1, arch.label(k, t.ascii()));
            col = Text.putRightIn(g, a, col, row, VALUE, value(Text.clear(n), s.parameter(k)));
            col = Text.put(g, a, Text.fill(g, a, col, row, col + 2), row, step > 0 ? t.up() : step < 0 ? t.down() : t.still());
            if (wide) col = Text.put(g, a, Text.put(g, a, col, row, ' '), row, Numbers.signedSci(Text.clear(n), step, 2));
            Text.fill(g, a, col, row, a.width());
        }
        t.apply(g, Theme.Role.NORMAL);
    }
}
