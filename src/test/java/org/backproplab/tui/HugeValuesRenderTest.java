package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backproplab.nn.Dataset;
import org.backproplab.train.Config;
import org.backproplab.train.Preset;
import org.backproplab.train.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * Values far from 1 (a learning rate of 1e6 or 1e300 blows the weights up to 1e4 or 1e298, and
 * a saved run may hold ±1.7e308) stay in their fields: the weights column and the network view
 * switch to scientific form where fixed decimals would be wide, every value of a column ends in
 * the same place, and no number runs into its neighbour. The expected values are worked out here
 * from θ and formatted with BigDecimal and String.format, not with the panels' code.
 */
class HugeValuesRenderTest {
    private static final Theme COLOUR = new Theme(true, false);
    private static final Theme MONO = new Theme(false, false);
    /** What separates the diagram's numbers: lines, junctions and arrows. */
    private static final String GLYPHS = "─━╌│┬┴┼├┤┌┐└┘▶";

    /** Scientific with a sign and {@code digits} significant digits: +1.7e+297, -4.50e+04. */
    static String signedSci(double x, int digits) {
        BigDecimal r = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        String mantissa = r.movePointLeft(exp).setScale(digits - 1, RoundingMode.HALF_EVEN).abs().toPlainString();
        return (x < 0 ? "-" : "+") + mantissa + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }

    /** A diagram number: four decimals while they take at most 9 characters with the sign, else 2 digits. */
    private static String diagram(double x) {
        String fixed = String.format(Locale.ROOT, "%+.4f", x);
        return fixed.length() <= 9 ? fixed : signedSci(x, 2);
    }

    /** The weights column's number: four decimals while at most 10 characters with the sign, else 3 digits. */
    private static String column(double x) {
        String fixed = String.format(Locale.ROOT, "%+.4f", x);
        return fixed.length() <= 10 ? fixed : signedSci(x, 3);
    }

    private static Snapshot after(Config c, int epochs) {
        return TeachingViewsRenderTest.lesson(c, epochs, -1, null);
    }

    /** The words and numbers of a row of the diagram, split at its lines, junctions and arrows. */
    private static List<String> tokens(String row) {
        List<String> out = new ArrayList<>();
        for (String t : row.split("[\\s" + GLYPHS + "]+")) if (!t.isEmpty()) out.add(t);
        return out;
    }

    /** The network view at lr 1e300: every weight, bias, z and a at most 9 characters, each where it belongs. */
    @Test
    void theNetworkViewKeepsEveryNumberInItsField() throws Exception {
        for (int h = 1; h <= 4; h++) {
            Config c = Preset.TEXTBOOK.defaults().withHidden(h).withLearningRate(1e300);
            Snapshot s = after(c, 2);
            double[] th = s.parameters(); // w_x1_hj = [j], w_x2_hj = [h + j], b_hj = [2h + j], w_hj_y = [3h + j], b_y = [4h]
            assertThat(Math.abs(th[3 * h])).as("blown up").isGreaterThan(1e290);
            int row = 3; // x1 = x2 = 1: z = w1 + w2 + b
            for (int[] size : new int[][] {{80, 24}, {120, 30}, {150, 40}, {250, 60}}) {
                for (Theme t : new Theme[] {COLOUR, MONO}) {
                    UiState ui = size[0] >= Layout.NETWORK_PANEL ? UiState.initial().withRow(row)
                            : UiState.initial().toggleView(UiState.View.NETWORK).withRow(row);
                    VirtualScreen v = new VirtualScreen(size[0], size[1]).draw(s, ui, t);
                    Layout l = Layout.of(size[0], size[1], s.parameterCount());
                    Area area = size[0] >= Layout.NETWORK_PANEL ? l.network() : l.view();
                    String where = h + " units at " + size[0] + "x" + size[1];
                    String diagram = "";
                    for (int r = area.row() + 1; r < area.bottom(); r++) {
                        String line = v.row(r, area.col(), area.right());
                        if (line.startsWith("selected ") || line.contains("|w| >= 1")) continue; // the lines under it
                        diagram += line + "\n";
                        for (String token : tokens(line)) assertThat(token.length()).as("%s: %s", where, line).isLessThanOrEqualTo(9);
                    }
                    double zy = th[4 * h];
                    for (int j = 0; j < h; j++) {
                        double z = Dataset.input(row, 0) * th[j] + Dataset.input(row, 1) * th[h + j] + th[2 * h + j];
                        double a = 1 / (1 + Math.exp(-z));
                        zy += a * th[3 * h + j];
                        assertThat(diagram).as(where).contains("h" + (j + 1) + " b " + diagram(th[2 * h + j]) + " ",
                                " " + diagram(th[j]) + " ", " " + diagram(th[h + j]) + " ", " " + diagram(th[3 * h + j]) + " ");
                        boolean threeRows = NetworkView.rowsPerUnit(h, size[0] >= Layout.NETWORK_PANEL
                                ? Layout.of(size[0], size[1], s.parameterCount()).network().height() : size[1] - 6) == 3;
                        assertThat(diagram).as(where).contains("z " + (threeRows ? diagram(z)
                                : (diagram(z).length() < 9 ? String.format(Locale.ROOT, "%+.3f", z) : signedSci(z, 2))));
                    }
                    assertThat(diagram).as(where).contains("z " + diagram(zy), "b " + diagram(th[4 * h]));
                    if (size[0] < Layout.NETWORK_PANEL) {
                        // the selected parameter as the weights column shows it
                        assertThat(v.text()).as(where).contains("selected x1→h1 = " + column(th[0]) + "   ");
                    }
                }
            }
        }
    }

    /**
     * The line under the diagram that says the selected parameter and its two gradients is whole
     * at every width, in ASCII too (its longer names cut "chain rule 0.0000e" at 80 columns): the
     * gradients lose their heading, and then the line its hint, before anything would be cut.
     */
    @Test
    void theSelectedParametersLineIsNeverCut() throws Exception {
        for (double lr : new double[] {2, 1e6, 1e300}) {
            Snapshot s = after(Preset.TEXTBOOK.defaults().withHidden(3).withLearningRate(lr), 1);
            for (Theme t : new Theme[] {COLOUR, new Theme(false, true)}) {
                for (int width : new int[] {80, 90, 100, 120}) {
                    VirtualScreen v = new VirtualScreen(width, 24).draw(s, UiState.initial().toggleView(UiState.View.NETWORK), t);
                    int row = v.findRow("selected ", 0, width);
                    String line = v.row(row).stripTrailing();
                    String label = t.ascii() ? "x1->h1" : "x1→h1";
                    assertThat(line).as("lr %s at %d, ascii %s", lr, width, t.ascii())
                            .startsWith("selected " + label + " = " + column(s.parameter(0)))
                            .matches(".*(e[-+][0-9]{2,3}|Enter explains\\)|" + java.util.regex.Pattern.quote(column(s.parameter(0))) + ")");
                }
            }
        }
    }

    /**
     * The weights column at lr 1e6 after one step (|w| from 1,484 to 76,531) and for a saved run
     * at ±1.7e308: every value ends under the end of "value", and the arrow after it is in one
     * column for every row.
     */
    @Test
    void theWeightsColumnHasOneWidthForEveryValue() throws Exception {
        Config blown = Preset.TEXTBOOK.defaults().withLearningRate(1e6);
        double[] huge = new double[9];
        for (int k = 0; k < 9; k++) huge[k] = (k % 2 == 0 ? 1.7e308 : -1.7e308) / (k + 1);
        for (Snapshot s : new Snapshot[] {after(blown, 1), after(Preset.TEXTBOOK.defaults().withInit(huge), 0)}) {
            for (int[] size : new int[][] {{80, 24}, {120, 40}}) {
                VirtualScreen v = new VirtualScreen(size[0], size[1]).draw(s, UiState.initial(), COLOUR);
                int weights = size[0] >= Layout.WIDE ? 34 : 23;
                int header = v.findRow("param", 0, weights);
                int end = v.row(header, 0, weights).indexOf("value") + "value".length();
                int arrow = -1;
                for (int k = 0; k < 9; k++) {
                    String line = v.row(header + 1 + k, 0, weights);
                    String value = column(s.parameter(k));
                    assertThat(line.indexOf(value) + value.length()).as("%s", line).isEqualTo(end);
                    int a = line.indexOf(s.lastStep(k) > 0 ? '▲' : s.lastStep(k) < 0 ? '▼' : '·', end);
                    if (arrow < 0) arrow = a;
                    assertThat(a).as("%s", line).isEqualTo(arrow).isGreaterThan(end);
                }
            }
        }
    }
}
