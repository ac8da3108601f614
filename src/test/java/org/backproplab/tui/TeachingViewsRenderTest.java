package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.backproplab.format.Numbers;
import org.backproplab.grad.Difference;
import org.backproplab.grad.Explanation;
import org.backproplab.grad.GradientCheck;
import org.backproplab.grad.LearningRateGradient;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Network;
import org.backproplab.train.Bench;
import org.backproplab.train.Config;
import org.backproplab.train.Method;
import org.backproplab.train.Outcome;
import org.backproplab.train.Preset;
import org.backproplab.train.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * The teaching views drawn on a virtual terminal and read back: the explanation overlay, the
 * cost and surface views, the learning-rate row and the notes, against the engine's numbers and
 * against numpy's.
 */
class TeachingViewsRenderTest {
    private static final Theme COLOUR = new Theme(true, false);
    private static final Theme PLAIN = new Theme(false, true);

    /** A snapshot straight from the engine after {@code epochs} epochs, with what the views ask for. */
    static Snapshot lesson(Config c, int epochs, int explain, int[] surface) {
        return GradientTeachingRenderTest.snapshot(c, epochs, explain, surface, -1, null);
    }

    private static UiState explaining(int k) {
        return UiState.initial().select(k, 100).withOverlay(UiState.Overlay.EXPLAIN);
    }

    @Test
    void theExplanationShowsTheGuidesStepsWithNumpysNumbers() throws Exception {
        // numpy, textbook preset (np.random.seed(1); rand for W1, b1, W2, b2; sigmoid units, mean squared error):
        //   L = 0.28014363590911784; W1[0,1] += 1e-4 -> L = 0.28014385501100825, slope 0.00219101890408524
        //   rows of ∂L/∂ŷ·σ'(z_y)·w(h2→y)·σ'(z_h2)·x1: 0, 0, -0.002558277535426025, 0.004749358369921076
        //   sum 0.002191080834495051
        Config c = Preset.TEXTBOOK.defaults();
        VirtualScreen v = new VirtualScreen(80, 24).draw(lesson(c, 0, 1, null), explaining(1), COLOUR);
        String text = v.text();
        assertThat(text).contains("Explain ∂L/∂θ for x1→h2", "1 nudge", "2 forward", "3 loss", "4 slope", "5 revert",
                "6 update", "w_x1_h2 + ε = " + (0.7203244934421581 + 1e-4));
        assertThat(text).contains("L before = 0.2801436359", "L after = 0.2801438550"); // 10 digits at 80 columns
        assertThat(text).contains("= 2.1910e-03 ← numeric column"); // numpy 0.00219101890408524, 5 digits
        assertThat(text).contains("-2.5583e-03", "4.7494e-03"); // the rows' products
        assertThat(text).contains("sum of the four rows = 2.1911e-03"); // numpy 0.002191080834495051
        assertThat(text).contains("∂L/∂ŷ · σ′(z_y) · w(h2→y) · σ′(z_h2) · x1");
        // the first rows of the numeric steps and of the table do not get cut at the right border
        for (String row : v.rows()) {
            assertThat(row.length()).isLessThanOrEqualTo(80);
        }
        assertThat(v.rows()).noneMatch(r -> r.contains("column") && !r.contains("column ") && !r.endsWith("│")
                && !r.contains("column│") && !r.contains("column  "));
    }

    /** A double's digits as Java reads them back, in the e-05 style: -1.6845483136558372e+297. */
    private static String eStyle(double x) {
        BigDecimal d = BigDecimal.valueOf(x).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exp = d.precision() - d.scale() - 1;
        return (x < 0 ? "-" : "") + digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "") + "e"
                + (exp < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exp));
    }

    /**
     * θ and θ + ε to the last bit, in the project's style, never Java's: b_h1 of the reference run
     * after 9,956 epochs is 2.46e-5 (Java wrote 2.460443523984862E-5), and a weight at lr 1e300
     * is -1.68e297 (-1.6845483136558372E297).
     */
    @Test
    void theExplanationWritesExactValuesInTheProjectsStyle() throws Exception {
        Snapshot small = lesson(Preset.REFERENCE.defaults(), 9956, 4, null);
        double b = small.parameter(4);
        assertThat(Math.abs(b)).as("b_h1 after 9,956 epochs").isBetween(1e-6, 1e-4);
        Snapshot huge = lesson(Preset.TEXTBOOK.defaults().withLearningRate(1e300), 1, 0, null);
        double w = huge.parameter(0);
        assertThat(Math.abs(w)).isGreaterThan(1e290);
        for (Theme t : new Theme[] {COLOUR, PLAIN}) {
            String theta = t.ascii() ? "theta" : "θ";
            String eps = t.ascii() ? "eps" : "ε";
            String text = new VirtualScreen(100, 30).draw(small, explaining(4), t).text();
            assertThat(text).contains(theta + " = b_h1 = " + BigDecimal.valueOf(b).toPlainString() + " ",
                    "b_h1 + " + eps + " = " + BigDecimal.valueOf(b + 1e-4).toPlainString(),
                    "b_h1 back to " + BigDecimal.valueOf(b).toPlainString());
            String blown = new VirtualScreen(100, 30).draw(huge, explaining(0), t).text();
            assertThat(blown).contains(theta + " = w_x1_h1 = " + eStyle(w) + " ", "w_x1_h1 back to " + eStyle(w));
            for (String screen : new String[] {text, blown}) assertThat(screen).doesNotContainPattern("[0-9]E[-+]?[0-9]");
        }
    }

    @Test
    void theExplainedNumbersAreTheGradientTablesColumns() throws Exception {
        Config c = Preset.REFERENCE.defaults();
        for (int k : new int[] {0, 4, 6, 8}) {
            Snapshot s = lesson(c, 5, k, null);
            VirtualScreen v = new VirtualScreen(120, 40).draw(s, explaining(k), COLOUR);
            GradientCheck.Entry e = s.check().entries().get(k);
            int nd = GradientsPanel.digits(120 - 34 - 1);
            assertThat(v.text()).contains("= " + Numbers.sci(e.numeric(), nd) + " ← numeric column")
                    .contains("sum of the four rows = " + Numbers.sci(e.chainRule(), nd));
            VirtualScreen table = new VirtualScreen(120, 40).draw(s, UiState.initial().select(k, 100), COLOUR);
            assertThat(table.text()).contains(Numbers.sci(e.numeric(), nd)).contains(Numbers.sci(e.chainRule(), nd));
        }
    }

    @Test
    void inAsciiAt80ColumnsNoNumberOfTheExplanationIsCut() throws Exception {
        // relu's factor names are short; sigmoid's ("sigmoid'(z_h2)") are the longest
        for (Config c : java.util.List.of(Preset.REFERENCE.defaults(), Preset.TEXTBOOK.defaults()))
        for (int k = 0; k < 9; k++) {
            Snapshot s = lesson(c, 0, k, null);
            VirtualScreen v = new VirtualScreen(80, 24).draw(s, explaining(k), PLAIN);
            Explanation e = s.lesson().explanation(c.architecture().name(k));
            for (Explanation.Row r : e.chainRule().rows()) {
                assertThat(v.text()).contains(Numbers.sci(r.product(), 5));
                for (Explanation.Factor f : r.factors()) {
                    // an input or a ReLU slope is exactly 0 or 1 and is shown so
                    if (f.value() != 0.0 && f.value() != 1.0) assertThat(v.text()).contains(Numbers.sci(f.value(), 4));
                }
            }
            assertThat(v.text()).contains("<- numeric column", "sum of the four rows = "
                    + Numbers.sci(e.chainRule().gradient(), 5), e.chainRule().asciiFormula());
            // every row of the box ends at its right border: nothing runs past it
            for (int row = 3; row < 3 + 17; row++) {
                String line = v.row(row);
                if (line.startsWith("|")) assertThat(line).endsWith("|");
            }
        }
    }

    @Test
    void aCentralDifferenceShowsBothNudges() throws Exception {
        Config c = Preset.TEXTBOOK.defaults().withDifference(Difference.CENTRAL);
        Snapshot s = lesson(c, 10, 8, null);
        Explanation.Numeric n = s.lesson().explanation("b_y").numeric();
        String text = new VirtualScreen(100, 30).draw(s, explaining(8), PLAIN).text();
        assertThat(text).contains("b_y + eps = " + n.nudgedValue(), "b_y - eps = " + n.nudgedDownValue())
                .contains("L(-eps) = " + Numbers.sig(n.lossAfterDown(), 12))
                .contains("/ 2eps");
        assertThat(text.chars().allMatch(ch -> ch < 128)).as("ASCII only").isTrue();
    }

    @Test
    void theCostViewCountsPassesAndShowsTheMeasuredRates() throws Exception {
        Config c = Preset.TEXTBOOK.defaults();
        Snapshot s = lesson(c, 0, -1, null);
        UiState cost = UiState.initial().toggleView(UiState.View.COST);
        String measuring = new VirtualScreen(80, 24).draw(s, cost.withCost(new CostFigures(c.architecture(), null)),
                COLOUR).text();
        assertThat(measuring).contains("P = 9", "1 forward + 1 backward pass", "1 + P = 10 forward passes",
                "2P + 1 = 19 forward passes", "measuring...");
        // made-up timings: 100 ns, 1,000 ns and 1,900 ns per epoch: 10,000,000, 1,000,000 and 526,316 epochs/s
        Bench.Results r = new Bench.Results(new Bench.Result(Method.CHAIN, Difference.FORWARD, new double[] {100}),
                new Bench.Result(Method.NUMERIC, Difference.FORWARD, new double[] {1000}),
                new Bench.Result(Method.NUMERIC, Difference.CENTRAL, new double[] {1900}));
        String done = new VirtualScreen(80, 24).draw(s, cost.withCost(new CostFigures(c.architecture(), r)), COLOUR).text();
        // each method's time against the chain rule's, said as such (a bare "10.0×" did not say slower)
        assertThat(done).contains("10,000,000", "1,000,000", "526,316", "10.0× the time", "19.0× the time")
                .doesNotContain("measuring");
        // it measures again after u, i or g, and says so (it said "when the view opened" only)
        assertThat(done.replaceAll("\\s+", " ")).contains("when the view opened and after each change of the network",
                "The passes are exact", "> marks the method driving training now");
        // H = 4: P = 17, and figures measured for H = 2 no longer count
        Snapshot wide = lesson(c.withHidden(4), 0, -1, null);
        String four = new VirtualScreen(80, 24).draw(wide, cost.withCost(new CostFigures(c.architecture(), r)), COLOUR)
                .text();
        assertThat(four).contains("P = 17", "1 + P = 18 forward passes", "2P + 1 = 35 forward passes")
                .doesNotContain("10,000,000");
    }

    @Test
    void theSurfaceShadesEachCellByTheOutputAndMarksTheTargets() throws Exception {
        Config c = Preset.TEXTBOOK.defaults();
        Area view = Layout.of(80, 24, 9).view();
        int[] grid = SurfaceView.gridSize(view);
        Snapshot s = lesson(c, 3000, -1, grid);
        VirtualScreen v = new VirtualScreen(80, 24).draw(s, UiState.initial().toggleView(UiState.View.SURFACE), PLAIN);
        Network net = new Network(c.architecture(), c.dataset());
        int top = view.row() + 1;
        int left = view.col() + 5;
        for (int i = 0; i < grid[1]; i++) {
            for (int j = 0; j < grid[0]; j++) {
                boolean corner = (i == 0 || i == grid[1] - 1) && (j == 0 || j == grid[0] - 1);
                char shown = v.row(top + i).charAt(left + j);
                if (corner) {
                    double x1 = j == 0 ? 0 : 1;
                    double x2 = i == 0 ? 1 : 0;
                    int row = (int) (2 * x1 + x2); // rows (0,0), (0,1), (1,0), (1,1)
                    assertThat(shown).isEqualTo((char) ('0' + (int) Dataset.XOR.target(row)));
                } else {
                    double y = net.output(s.parameters(), (double) j / (grid[0] - 1), 1.0 - (double) i / (grid[1] - 1));
                    assertThat(shown).as("cell %d,%d: y %s", i, j, y)
                            .isEqualTo(" .:-=+*#%@".charAt(Math.min(9, (int) Math.floor(y * 10))));
                }
            }
        }
        assertThat(v.text()).contains("0.9 to 1", "0.0 to 0.1", "x1=0", "x1=1", "x2=1", "x2=0");
    }

    @Test
    void theLearningRateRowSaysBothValuesAndWhatTheySay() throws Exception {
        Config c = Preset.REFERENCE.defaults();
        Snapshot s = lesson(c, 0, -1, null);
        LearningRateGradient lr = s.lesson().learningRate();
        String wide = new VirtualScreen(160, 50).draw(s, UiState.initial(), COLOUR).text();
        assertThat(wide).contains("= " + Numbers.sci(lr.chainRule(), 6) + " by the chain rule, "
                + Numbers.sci(lr.numeric(), 6) + " nudging η").contains("a larger η would lower the loss now");
        String narrow = new VirtualScreen(80, 24).draw(s, UiState.initial(), COLOUR).row(21);
        assertThat(narrow).contains(Numbers.sci(lr.chainRule(), 6)).contains("larger η");
    }

    @Test
    void aDeadReluUnitIsNamedOnTheNotesLine() throws Exception {
        // the reference preset at seed 1 (the guide's stuck start) ends with a ReLU unit at 0 on all four rows
        Config c = Preset.REFERENCE.defaults().withSeed(1).withMethod(Method.CHAIN);
        Snapshot s = lesson(c, 20_000, -1, null);
        assertThat(s.lesson().diagnosis().deadUnits()).isNotEmpty();
        String unit = s.lesson().diagnosis().deadUnits().get(0);
        // 20,000 epochs without a 0.1% better loss: stuck, said first, with its cause, at 80 columns
        assertThat(s.lesson().diagnosis().plateau()).isTrue();
        VirtualScreen small = new VirtualScreen(80, 24).draw(s, UiState.initial(), COLOUR);
        assertThat(small.row(22)).startsWith("stuck: ").contains("dead ReLU " + unit, "no gradient flows", "r: new seed");
        assertThat(small.row(0)).contains("paused, stuck");
        String wide = new VirtualScreen(160, 50).draw(s, UiState.initial(), COLOUR).row(48);
        assertThat(wide).contains("stuck: no 0.1% better loss in ", "dead ReLU " + unit, "r: new seed");
    }

    @Test
    void fourHiddenUnitsFitAt80x24AndTheSelectionScrollsTheTables() throws Exception {
        Config c = Preset.TEXTBOOK.defaults().withHidden(4);
        Snapshot s = lesson(c, 0, -1, null);
        VirtualScreen v = new VirtualScreen(80, 24).draw(s, UiState.initial().select(16, 17), COLOUR);
        GradientCheck.Entry last = s.check().entries().get(16);
        assertThat(v.text()).contains("b y").contains(Numbers.sci(last.chainRule(), 5)).contains("Truth table")
                .contains("space run/pause");
    }

    @Test
    void aScrolledTableSaysWhichRowsItShows() throws Exception {
        // H = 4: P = 17 parameters; at 80x24 each table has 9 rows (rows 5..13 of the screen).
        Snapshot s = lesson(Preset.TEXTBOOK.defaults().withHidden(4), 0, -1, null);
        String top = new VirtualScreen(80, 24).draw(s, UiState.initial(), COLOUR).row(3);
        assertThat(top).contains(" 1-9 of 17 ");
        String bottom = new VirtualScreen(80, 24).draw(s, UiState.initial().select(16, 17), COLOUR).row(3);
        assertThat(bottom).contains(" 9-17 of 17 ");
        assertThat(new VirtualScreen(160, 50).draw(s, UiState.initial(), COLOUR).text()).doesNotContain(" of 17 ");
        // every row fits: no note
        Snapshot nine = lesson(Preset.TEXTBOOK.defaults(), 0, -1, null);
        assertThat(new VirtualScreen(80, 24).draw(nine, UiState.initial(), COLOUR).row(3)).doesNotContain(" of 9");
    }

    /**
     * Each column of the loss chart shows the range of its epochs: after 20,000 epochs of the
     * reference preset at seed 1 (first loss 1.522847709301653 in the guide's numpy code), the
     * axis still reads the first loss, and the first column draws a line up to it above its bar.
     */
    @Test
    void theLossChartShowsTheFirstLossHoweverManyEpochsAColumnHolds() throws Exception {
        Snapshot s = lesson(Preset.REFERENCE.defaults().withSeed(1), 20_000, -1, null);
        VirtualScreen v = new VirtualScreen(80, 24).draw(s, UiState.initial(), COLOUR);
        int top = v.findRow("─ Loss", 33, 80, StatusPanel.ROWS) + 2; // the first row of the chart
        assertThat(v.row(top, 33, 42)).isEqualTo("    1.52 "); // 1.5228... to 3 digits, right-aligned on the axis
        assertThat(v.row(top, 42, 43)).isEqualTo("│");          // the range of the first column reaches the top
        assertThat(v.row(top + 4, 42, 43)).isEqualTo("█");       // above a solid bar up to its lowest loss (5 rows)
        // and on the log scale too
        VirtualScreen log = new VirtualScreen(80, 24).draw(s, UiState.initial().toggleLogScale(), COLOUR);
        assertThat(log.row(top, 33, 42)).isEqualTo("    1.52 ");
        assertThat(log.row(top, 42, 43)).isEqualTo("│");
    }
}
