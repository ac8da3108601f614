package org.backproplab.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.graphics.TextGraphics;
import org.backproplab.nn.Architecture;
import org.backproplab.train.Snapshot;

/** Every weight and bias under its label, its value, and which way the last step moved it. */
final class WeightsPanel {
    static final int LABEL = 6;
    static final int VALUE = 9;

    private WeightsPanel() {
    }

    /** A parameter's value: 4 decimals, scientific once it is too large for that. */
    static String value(double x) {
        return Math.abs(x) < 1e4 ? Numbers.signedFixed(x, 4) : Numbers.signedSci(x, 3);
    }

    static void draw(TextGraphics g, Area a, Snapshot s, UiState ui, Theme t) {
        Architecture arch = s.config().architecture();
        boolean wide = a.width() >= 30;
        Text.heading(g, a, "Weights & biases", t);
        t.apply(g, Theme.Role.DIM);
        Text.put(g, a, 0, 1, Text.padRight("param", LABEL) + " " + Text.padLeft("value", VALUE)
                + (wide ? "  last step" : "  step"));
        int visible = a.height() - 2;
        int count = s.parameterCount();
        int first = Text.firstVisible(ui.selected(), visible, count);
        Text.rowsShown(g, a, "Weights & biases".length(), first, visible, count, t);
        for (int i = 0; i < visible && first + i < count; i++) {
            int k = first + i;
            int row = 2 + i;
            double step = s.lastStep(k);
            String dir = step > 0 ? t.up() : step < 0 ? t.down() : t.still();
            String line = Text.padRight(arch.label(k, t.ascii()), LABEL) + " " + Text.padLeft(value(s.parameter(k)), VALUE)
                    + "  " + dir + (wide ? " " + Numbers.signedSci(step, 2) : "");
            t.apply(g, Theme.Role.NORMAL);
            if (k == ui.selected()) g.enableModifiers(SGR.REVERSE);
            Text.put(g, a, 0, row, Text.padRight(line, a.width()));
        }
        t.apply(g, Theme.Role.NORMAL);
    }
}
