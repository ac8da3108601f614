package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import java.util.Locale;
import org.backproplab.nn.Activation;
import org.backproplab.train.Config;
import org.backproplab.train.Preset;
import org.backproplab.train.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * The network view (v) against numbers worked out here by hand from θ: every weight on its edge,
 * every bias on its node, z = x1·w1 + x2·w2 + b and a = act(z) of each hidden unit for the chosen
 * row, ŷ = σ(Σ a·v + c) and the target; at 80×24 and 120×40, H = 1..4 and 8, in colour, without
 * colour and in ASCII.
 */
class NetworkViewRenderTest {
    private static final Theme COLOUR = new Theme(true, false);
    private static final Theme MONO = new Theme(false, false);
    private static final Theme ASCII = new Theme(false, true);
    private static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    private static String f(String format, double x) {
        return String.format(Locale.ROOT, format, x);
    }

    private static double act(Activation act, double z) {
        return switch (act) {
            case SIGMOID -> 1 / (1 + Math.exp(-z));
            case TANH -> Math.tanh(z);
            case RELU -> Math.max(0, z);
        };
    }

    private static UiState network(int row, int selected) {
        return UiState.initial().toggleView(UiState.View.NETWORK).withRow(row).select(selected, 100);
    }

    /** Checks the whole diagram; returns the screen. */
    private static VirtualScreen check(Config c, int epochs, int row, int cols, int rows, Theme t) throws Exception {
        Snapshot s = TeachingViewsRenderTest.lesson(c, epochs, -1, null);
        VirtualScreen v = new VirtualScreen(cols, rows).draw(s, network(row, 0), t);
        String text = v.text();
        int h = c.hidden();
        double[] th = s.parameters(); // layout: w_x1_hj = [j], w_x2_hj = [h + j], b_hj = [2h + j], w_hj_y = [3h + j], b_y = [4h]
        double x1 = INPUTS[row][0];
        double x2 = INPUTS[row][1];
        double zy = 0;
        assertThat(text).contains("x1 = " + (int) x1, "x2 = " + (int) x2);
        for (int j = 0; j < h; j++) {
            int node = -1;
            for (int r = 0; r < rows; r++) {
                if (v.row(r).contains("h" + (j + 1) + " b " + f("%+.4f", th[2 * h + j]))) node = r;
            }
            assertThat(node).as("the node of h%d with its bias", j + 1).isPositive();
            double z = x1 * th[j] + x2 * th[h + j] + th[2 * h + j];
            double a = act(c.activation(), z);
            zy += a * th[3 * h + j];
            String nodeRow = v.row(node);
            assertThat(nodeRow).as("h%d's edge to y", j + 1).contains(f("%+.4f", th[3 * h + j]));
            boolean threeRows = NetworkView.rowsPerUnit(h, rows - 6) == 3;
            if (threeRows) {
                assertThat(v.row(node - 1)).contains(f("%+.4f", th[j]), "z " + f("%+.4f", z));
                assertThat(v.row(node + 1)).contains(f("%+.4f", th[h + j]), "a " + f("%+.4f", a));
            } else {
                assertThat(nodeRow).contains(f("%+.4f", th[j]));
                assertThat(v.row(node + 1)).contains(f("%+.4f", th[h + j]), "z " + f("%+.3f", z), "a " + f("%+.3f", a));
            }
        }
        zy += th[4 * h];
        double yhat = 1 / (1 + Math.exp(-zy));
        String y = t.ascii() ? "y^" : "ŷ";
        assertThat(text).contains(y + " " + f("%.4f", yhat) + "  target " + (int) c.dataset().target(row),
                "z " + f("%+.4f", zy), "b " + f("%+.4f", th[4 * h]));
        if (t.ascii()) {
            for (String line : v.rows()) assertThat(line.chars().allMatch(ch -> ch >= 32 && ch < 127)).as(line).isTrue();
        }
        return v;
    }

    @Test
    void everyHiddenUnitCountAtTheMinimumSizeAndLarger() throws Exception {
        for (int h = 1; h <= 4; h++) {
            Config c = Preset.TEXTBOOK.defaults().withHidden(h);
            for (Theme t : new Theme[] {COLOUR, MONO, ASCII}) {
                check(c, 300, 2, 80, 24, t);
                check(c, 300, 1, 120, 40, t);
            }
        }
        // the most --hidden allows, two rows a unit at 80x24
        check(Preset.TEXTBOOK.defaults().withHidden(8), 50, 3, 80, 24, COLOUR);
        check(Preset.TEXTBOOK.defaults().withHidden(8), 50, 0, 120, 40, ASCII);
        // ReLU and the reference preset's start (negative weights)
        check(Preset.REFERENCE.defaults(), 0, 3, 80, 24, COLOUR);
    }

    @Test
    void theSignShowsAsColourAndTheSizeAsLineWeight() throws Exception {
        Snapshot s = TeachingViewsRenderTest.lesson(Preset.REFERENCE.defaults(), 0, -1, null);
        // seed 0 of numpy: w_x1_h1 = 1.764 (heavy, positive), w_h2_y = -0.151 (light, negative)
        VirtualScreen v = new VirtualScreen(80, 24).draw(s, network(0, 8), COLOUR);
        int heavy = -1;
        int negative = -1;
        for (int r = 0; r < 24; r++) {
            if (v.row(r).contains("+1.7641")) heavy = r;
            if (v.row(r).contains("-0.1514")) negative = r;
        }
        assertThat(heavy).isPositive();
        assertThat(negative).isPositive();
        int at = v.row(heavy).indexOf("+1.7641");
        assertThat(v.row(heavy).charAt(at - 2)).isEqualTo('━');
        assertThat(v.cell(at, heavy).getForegroundColor()).isEqualTo(TextColor.ANSI.BLUE);
        int neg = v.row(negative).indexOf("-0.1514");
        assertThat(v.row(negative).charAt(neg - 2)).isEqualTo('─');
        assertThat(v.cell(neg, negative).getForegroundColor()).isEqualTo(TextColor.ANSI.YELLOW);
        // without colour: the sign is written, the line weight stays
        VirtualScreen mono = new VirtualScreen(80, 24).draw(s, network(0, 8), MONO);
        assertThat(mono.text()).contains("━ +1.7641", "─ -0.1514");
        assertThat(mono.cell(at, heavy).getForegroundColor()).isEqualTo(TextColor.ANSI.DEFAULT);
    }

    @Test
    void theSelectedParameterIsHighlightedWhereItSitsWithItsTwoGradients() throws Exception {
        Config c = Preset.TEXTBOOK.defaults();
        Snapshot s = TeachingViewsRenderTest.lesson(c, 100, -1, null);
        for (int k = 0; k < s.parameterCount(); k++) {
            VirtualScreen v = new VirtualScreen(80, 24).draw(s, network(0, k), COLOUR);
            String value = k == 2 * 2 || k == 2 * 2 + 1 || k == 8 ? "b " + f("%+.4f", s.parameter(k))
                    : f("%+.4f", s.parameter(k));
            int row = -1;
            int col = -1;
            for (int r = 3; r < 21 && row < 0; r++) {
                int i = v.row(r).indexOf(value);
                if (i >= 0 && v.cell(i, r).getModifiers().contains(SGR.REVERSE)) {
                    row = r;
                    col = i;
                }
            }
            assertThat(row).as("parameter %d highlighted", k).isPositive();
            assertThat(col).isNotNegative();
            String label = c.architecture().label(k, false);
            var e = s.check().entries().get(k);
            assertThat(v.text()).contains("selected " + label + " = " + f("%+.4f", s.parameter(k)),
                    "numeric " + String.format(Locale.ROOT, "%.4e", e.numeric()),
                    "chain rule " + String.format(Locale.ROOT, "%.4e", e.chainRule()));
        }
    }

    /** Where there is room (160 columns), the main screen draws the network beside the loss chart. */
    @Test
    void aWideMainScreenShowsTheNetworkToo() throws Exception {
        Snapshot s = TeachingViewsRenderTest.lesson(Preset.TEXTBOOK.defaults(), 10, -1, null);
        String wide = new VirtualScreen(160, 40).draw(s, UiState.initial().withRow(1), COLOUR).text();
        assertThat(wide).contains("Weights & biases", "Truth table", "Loss", "The network 2-2-1 on row 2 of 4");
        assertThat(wide).contains("h1 b " + f("%+.4f", s.parameter(4)), "h2 b " + f("%+.4f", s.parameter(5)));
        assertThat(new VirtualScreen(120, 40).draw(s, UiState.initial(), COLOUR).text()).doesNotContain("The network");
    }
}
