package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.backproplab.format.Numbers;
import org.backproplab.grad.Difference;
import org.backproplab.grad.EpsilonStudy;
import org.backproplab.grad.Explanation;
import org.backproplab.grad.GradientCheck;
import org.backproplab.grad.LearningRateGradient;
import org.backproplab.grad.PlantedBug;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Loss;
import org.backproplab.nn.Network;
import org.backproplab.train.BugHunt;
import org.backproplab.train.Config;
import org.backproplab.train.Diagnosis;
import org.backproplab.train.LossHistory;
import org.backproplab.train.Method;
import org.backproplab.train.Preset;
import org.backproplab.train.Snapshot;
import org.backproplab.train.Speed;
import org.backproplab.train.Training;
import org.junit.jupiter.api.Test;

/**
 * The gradient check as the lab teaches it, drawn on a virtual terminal: verdicts against the
 * predicted error in the table, the prediction in the explanation, the legend, the learning-rate
 * row and the notes judged the same way, the ε study (E) and the bug hunt (b).
 */
class GradientTeachingRenderTest {
    private static final Theme COLOUR = new Theme(true, false);
    private static final Theme PLAIN = new Theme(false, true);

    /** A snapshot straight from the engine after {@code epochs} epochs, with the planted bug of {@code c} if any. */
    static Snapshot snapshot(Config c, int epochs, int explain, int study, BugHunt hunt) {
        return snapshot(c, epochs, explain, null, study, hunt);
    }

    /** The same, with the output surface of size {@code surface} (columns, rows) when not null. */
    static Snapshot snapshot(Config c, int epochs, int explain, int[] surface, int study, BugHunt hunt) {
        Training t = new Training(c);
        LossHistory h = new LossHistory();
        for (int i = 0; i < epochs; i++) h.add(t.step());
        Network net = new Network(c.architecture(), c.dataset());
        double[] theta = t.parameters();
        GradientCheck check = GradientCheck.at(net, theta, c.epsilon(), c.difference(), c.plantedBug());
        List<Explanation> explanations = explain < 0 ? List.of()
                : List.of(Explanation.of(net, theta, explain, c.epsilon(), c.difference()));
        List<EpsilonStudy> studies = study < 0 ? List.of()
                : List.of(EpsilonStudy.of(net, theta, study, check.entries().get(study).chainRule()));
        List<Snapshot.Surface> surfaces = surface == null ? List.of()
                : List.of(new Snapshot.Surface(surface[0], surface[1], net.surface(theta, surface[0], surface[1])));
        Snapshot.Lesson lesson = new Snapshot.Lesson(false,
                LearningRateGradient.at(net, theta, c.learningRate(), c.plantedBug()), Diagnosis.of(t), explanations,
                surfaces, studies, hunt, null);
        return new Snapshot(3, t.epoch(), c, "textbook", theta, t.lastStep(), check.loss(), Snapshot.Pass.of(t.forward()), check,
                h.points(), false, t.outcome(), Speed.DEFAULT, 0, "", lesson);
    }

    private static UiState explaining(int k) {
        return UiState.initial().select(k, 100).withOverlay(UiState.Overlay.EXPLAIN);
    }

    /**
     * After 4,000 textbook epochs the old fixed bands called seven rows BAD. Now every row is
     * expected (the one-sided error, as predicted), and the notes say so and what to do.
     */
    @Test
    void aTrainedRunIsNeverCalledBad() throws Exception {
        Snapshot s = snapshot(Preset.TEXTBOOK.defaults(), 4000, -1, -1, null);
        for (int[] size : new int[][] {{80, 24}, {120, 40}}) {
            VirtualScreen v = new VirtualScreen(size[0], size[1]).draw(s, UiState.initial(), COLOUR);
            assertThat(v.text()).doesNotContain("BAD").contains("expected", "differ", "pred");
            assertThat(v.row(size[1] - 2)).contains("as predicted");
        }
        assertThat(new VirtualScreen(120, 40).draw(s, UiState.initial(), COLOUR).text())
                .contains("~ expected one-sided O(ε)", "predicted");
    }

    /**
     * Enter shows the prediction with its numbers: for w_x1_h2 at the textbook start,
     * scripts/curvature.py gives L″ = −1.2386e-3, so ε·|L″|/2 = 6.19e-8; the difference seen is that.
     */
    @Test
    void theExplanationShowsThePredictedError() throws Exception {
        Snapshot s = snapshot(Preset.TEXTBOOK.defaults(), 0, 1, -1, null);
        String text = new VirtualScreen(80, 24).draw(s, explaining(1), COLOUR).text();
        assertThat(text).contains("one-sided error predicted ε·|L″|/2 = 6.2e-08 (L″ = -1.2e-03)",
                "+ rounding 2·δL/ε = ", "; total 6.2e-08", "observed 6.2e-08, 1.0× the predicted: expected (one-sided O(ε))");
        String ascii = new VirtualScreen(80, 24).draw(s, explaining(1), PLAIN).text();
        assertThat(ascii).contains("one-sided error predicted eps*|L''|/2 = 6.2e-08 (L'' = -1.2e-03)");
    }

    /**
     * Issue 9: with central differences at 80 columns the explanation cut numbers
     * ("w_x1_h2 - ε = 0.72022449344215 │", "← numeric "). Now every line fits or wraps between
     * words: both nudged values whole, the slope's "← numeric column" whole, every row inside the box.
     */
    @Test
    void theCentralExplanationAt80ColumnsCutsNothing() throws Exception {
        Config c = Preset.TEXTBOOK.defaults().withDifference(Difference.CENTRAL);
        for (int k = 0; k < 9; k++) {
            Snapshot s = snapshot(c, 0, k, -1, null);
            Explanation.Numeric n = s.lesson().explanation(c.architecture().name(k)).numeric();
            VirtualScreen v = new VirtualScreen(80, 24).draw(s, explaining(k), COLOUR);
            String name = c.architecture().name(k);
            // each nudged value to the last bit, written plainly (0.00021437481734488664, not 2.14...E-4)
            assertThat(v.text()).contains(name + " + ε = " + BigDecimal.valueOf(n.nudgedValue()).toPlainString(),
                    name + " - ε = " + BigDecimal.valueOf(n.nudgedDownValue()).toPlainString(),
                    "← numeric column", "central error predicted ε²·|L‴|/6 = ", "observed ");
            for (String row : v.rows()) {
                if (row.startsWith("│")) assertThat(row).as("k %d", k).endsWith("│");
            }
        }
    }

    /**
     * Issue 9: the help's legend never said what a and n were; it says it, and how the verdict is
     * judged: good by GradientCheck's whole rule, the rounding error itself under 1e-7 of the
     * gradient (a difference well within rounding of a gradient of 7e-10 is expected, not good), in
     * the words of gradcheck's legend and of docs/gradient-checks.md, in the theme's notation.
     */
    @Test
    void theHelpLegendSaysWhatEachTermMeans() throws Exception {
        Snapshot s = snapshot(Preset.TEXTBOOK.defaults(), 0, -1, -1, null);
        for (int[] size : new int[][] {{80, 24}, {100, 45}}) {
            for (Theme t : new Theme[] {COLOUR, PLAIN}) {
                String x = t.ascii() ? "4x" : "4×";
                VirtualScreen v = new VirtualScreen(size[0], size[1]).draw(s, legend(size, LabOptions.defaults(), t), t);
                assertThat(v.text()).contains("differ = |n-a|, n numeric, a chain rule; predicted = the nudge's own error",
                        "good: within " + x + " the rounding error alone (itself under 1e-7 of the gradient)",
                        "expected: within " + x + " the predicted error. BAD: beyond it: look for a bug.",
                        "mouse: a click selects a row, a second explains it")
                        .doesNotContain("acceptable", "within rounding.");
                for (String row : v.rows()) {
                    if (row.contains("good: ")) { // whole, inside the box
                        assertThat(row.substring(row.indexOf("of the gradient)") + 16).strip()).startsWith("" + t.vertical());
                    }
                }
            }
        }
    }

    /**
     * Issue 9 (review): the legend explained neither the weights' step column (▼ beside a negative
     * gradient reads as a contradiction unless it says the column is the last epoch's change), nor
     * the ∂L/∂η row with its rel and its advice, nor the ✓ ~ ✗ marks. It says each in the words and
     * the characters the screen uses, UTF-8 and ASCII, and every line of it shows whole, at 80×24
     * (its own page) and larger (under the keys), with the mouse and without.
     */
    @Test
    void theLegendSaysWhatTheStepColumnTheRateRowAndTheMarksMean() throws Exception {
        Snapshot s = snapshot(Preset.TEXTBOOK.defaults(), 3, -1, -1, null);
        LabOptions noMouse = new LabOptions(true, false, false, null, null, false);
        for (LabOptions o : new LabOptions[] {LabOptions.defaults(), noMouse}) {
            for (int[] size : new int[][] {{80, 24}, {100, 45}, {160, 60}}) {
                for (Theme t : new Theme[] {COLOUR, PLAIN}) {
                    VirtualScreen v = new VirtualScreen(size[0], size[1]).draw(s, legend(size, o, t), t, o);
                    String words = inside(v, t, legendTitle(size, o, t));
                    if (t.ascii()) {
                        assertThat(words).contains("step = theta's change in the last epoch",
                                "^ up, v down, = none yet or unchanged", "The next step is -lr*dL/dtheta",
                                "verdict: + good, ~ expected, x BAD", "learned? + yes, x no",
                                "dL/dlr (in full dL(theta-lr*g)/dlr", "rel = their relative error |a-n|/max(|a|,|n|)",
                                "larger lr better: it is negative (smaller: positive)",
                                "(eps*|L''|/2 one-sided or eps^2*|L'''|/6 central");
                        // the legend (after the keys, where it shows under them) in ASCII alone
                        assertThat(words.substring(words.indexOf("step = ")).chars()).allMatch(c -> c < 128);
                    } else {
                        assertThat(words).contains("step = θ's change in the last epoch",
                                "▲ up, ▼ down, · none yet or unchanged", "The next step is -lr·∂L/∂θ",
                                "verdict: ✓ good, ~ expected, ✗ BAD", "learned? ✓ yes, ✗ no",
                                "∂L/∂η (in full ∂L(θ-η·g)/∂η", "rel = their relative error |a-n|/max(|a|,|n|)",
                                "larger η better: it is negative (smaller: positive)",
                                "(ε·|L″|/2 one-sided or ε²·|L‴|/6 central");
                        // the legend (after the keys, where it shows under them) in no ASCII notation
                        assertThat(words.substring(words.indexOf("step = ")))
                                .doesNotContain("eps", "L''", "4x", "dL/d", "lr*", "theta", "yhat");
                    }
                    // nothing cut: the last line of the legend, and the box's bottom edge, are on screen
                    assertThat(words).as("%dx%d", size[0], size[1])
                            .contains("the guide = \"A Beginner's Guide to Backpropagation\"",
                                    "github.com/623637719/The-Democratization-of-AI");
                }
            }
        }
    }

    /** The title of the help page where the legend shows at this size. */
    private static String legendTitle(int[] size, LabOptions o, Theme t) {
        return HelpOverlay.legendFits(size[0], size[1] - 1, o, t) ? "Keys" : "What the words mean";
    }

    /** The help page where the legend shows at this size: the help itself, or its second page. */
    private static UiState legend(int[] size, LabOptions o, Theme t) {
        return UiState.initial().withOverlay(HelpOverlay.legendFits(size[0], size[1] - 1, o, t) ? UiState.Overlay.HELP
                : UiState.Overlay.LEGEND);
    }

    /** With --no-mouse the legend says the mouse is off and the terminal selects text, not what a click would do. */
    @Test
    void withoutTheMouseTheLegendSaysItIsOff() throws Exception {
        Snapshot s = snapshot(Preset.TEXTBOOK.defaults(), 0, -1, -1, null);
        LabOptions noMouse = new LabOptions(true, false, false, null, null, false);
        for (int[] size : new int[][] {{80, 24}, {100, 45}, {160, 50}}) {
            String text = new VirtualScreen(size[0], size[1]).draw(s, legend(size, noMouse, COLOUR), COLOUR, noMouse).text();
            assertThat(text).contains("mouse: off (--no-mouse): the terminal's own selection of text works")
                    .doesNotContain("click", "wheel");
        }
    }

    /**
     * The error budget reads as true equations: "+ rounding 2·δL/ε = 6.2e-12; total 6.2e-08" (it
     * read "= 6.2e-12 = 6.2e-08", as if the rounding were the total). The numbers are the
     * engine's prediction, rounded here.
     */
    @Test
    void theErrorBudgetGivesItsTotalApart() throws Exception {
        for (Config c : new Config[] {Preset.TEXTBOOK.defaults(), Preset.TEXTBOOK.defaults().withDifference(Difference.CENTRAL),
                Preset.REFERENCE.defaults()}) {
            for (int k : new int[] {1, 8}) {
                Snapshot s = snapshot(c, 0, k, -1, null);
                var p = s.check().entries().get(k).predicted();
                String text = new VirtualScreen(100, 30).draw(s, explaining(k), COLOUR).text().replace("\n│", " ");
                String rounding = (c.difference() == Difference.FORWARD ? "2·" : "") + "δL/ε = " + sci(p.rounding(), 2);
                assertThat(text).contains("+ rounding " + rounding).contains("; total " + sci(p.total(), 2));
                assertThat(text).doesNotContainPattern("rounding [^;\n]*= [-0-9.e+]+ = ");
            }
        }
    }

    /** Scientific as C's printf writes it, from BigDecimal: 6.2e-08. */
    private static String sci(double x, int digits) {
        BigDecimal r = new BigDecimal(x).round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        return (x < 0 ? "-" : "") + r.abs().movePointLeft(exp).setScale(digits - 1, java.math.RoundingMode.HALF_EVEN)
                .toPlainString() + "e" + (exp < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exp));
    }

    /** At 100 columns in ASCII the verdict keeps its whole reason, as in Unicode: the heading reads "pred." for it. */
    @Test
    void inAsciiTheVerdictKeepsItsWholeReasonWhereThereIsRoom() throws Exception {
        Snapshot s = snapshot(Preset.TEXTBOOK.defaults(), 0, -1, -1, null);
        for (int width : new int[] {100, 120}) {
            for (Theme t : new Theme[] {COLOUR, PLAIN}) {
                String text = new VirtualScreen(width, 30).draw(s, UiState.initial(), t).text();
                assertThat(text).as("%d, ascii %s", width, t.ascii())
                        .contains(t.ascii() ? "~ expected one-sided O(eps)" : "~ expected one-sided O(ε)");
            }
        }
    }

    /**
     * The ε study's chart: F and C (the predicted best ε) on the axis line, never on a row of the
     * plot (where they read as points near its top decade) nor beside a tick label; the error axis
     * labelled every k-th decade for one k, with a row at least between two labels. For every
     * parameter of both presets, at the start and trained, at the lab's sizes and the command's.
     */
    @Test
    void theEpsilonChartKeepsItsMarkersOnTheAxisAndItsDecadesEven() throws Exception {
        for (Study s : epsilonStudies()) {
            for (int[] size : new int[][] {{80, 11}, {100, 17}, {120, 27}, {80, 18}, {250, 40}}) {
                String where = s.config().activation() + " epoch " + s.epochs() + " k " + s.k() + " " + size[0] + "x" + size[1];
                for (boolean ascii : new boolean[] {false, true}) {
                    assertEpsilonChart(EpsilonChart.of(s.study(), size[0], size[1], ascii), size[0], where);
                }
            }
        }
    }

    /** One parameter's ε study, at the start or trained. */
    private record Study(Config config, int epochs, int k, EpsilonStudy study) {
    }

    private static List<Study> studies;

    /**
     * The ε study of every parameter of both presets, at the start and after 3,000 epochs: what
     * the chart tests draw at every size (worked out once, for all of them).
     */
    private static synchronized List<Study> epsilonStudies() throws Exception {
        if (studies == null) {
            List<Study> all = new java.util.ArrayList<>();
            for (Config c : new Config[] {Preset.TEXTBOOK.defaults(), Preset.REFERENCE.defaults()}) {
                for (int epochs : new int[] {0, 3000}) {
                    for (int k = 0; k < 9; k++) {
                        all.add(new Study(c, epochs, k,
                                snapshot(c, epochs, -1, k, null).lesson().epsilonStudy(c.architecture().name(k))));
                    }
                }
            }
            studies = List.copyOf(all);
        }
        return studies;
    }

    private static void assertEpsilonChart(EpsilonChart chart, int width, String where) {
        int axis = chart.height() - 2;
        int markers = 0;
        for (int r = 0; r < chart.height(); r++) {
            for (int col = 0; col < width; col++) {
                char ch = chart.cell(r, col);
                if (chart.mark(r, col) != EpsilonChart.Mark.BEST || (ch != 'F' && ch != 'C')) continue;
                markers++;
                assertThat(r).as("%s: %s on the axis line", where, ch).isEqualTo(axis);
                for (int d : new int[] {-1, 1}) {
                    if (col + d >= 0 && col + d < width) {
                        assertThat(chart.mark(r, col + d)).as("%s: %s beside a label", where, ch).isNotEqualTo(EpsilonChart.Mark.LABEL);
                    }
                }
            }
        }
        assertThat(markers).as(where).isBetween(1, 2);
        // the error axis: "1e-02" ... at the left of the plot's rows
        List<int[]> labels = new java.util.ArrayList<>(); // row, exponent
        for (int r = 0; r < axis; r++) {
            String left = chart.row(r).substring(0, 5);
            if (left.startsWith("1e")) labels.add(new int[] {r, Integer.parseInt(left.substring(2))});
        }
        assertThat(labels.size()).as(where).isGreaterThanOrEqualTo(2);
        int step = labels.get(0)[1] - labels.get(1)[1];
        for (int i = 1; i < labels.size(); i++) {
            assertThat(labels.get(i - 1)[1] - labels.get(i)[1]).as("%s: decades per label", where).isEqualTo(step);
            assertThat(labels.get(i)[0] - labels.get(i - 1)[0]).as("%s: rows between labels", where).isGreaterThanOrEqualTo(2);
        }
    }

    /**
     * Issue 9's learning-rate row: where the nudge of η is lost in the rounding of a saturated
     * loss (AND, H = 1, cross-entropy, b_y = 30: ŷ = 1 − 9e-14 on the t = 0 rows) the numeric
     * value is exactly 0 against a chain rule of −0.703. The row used to say "they disagree"; it
     * says the numeric value is lost in rounding, judged as a parameter's gradient is.
     */
    @Test
    void theLearningRateRowSaysWhenTheNumericValueIsLostInRounding() throws Exception {
        Config c = new Config(1, Activation.SIGMOID, Loss.BCE, Dataset.AND, Preset.TEXTBOOK.defaults().initScheme(), 1,
                0.03, 1e-4, Method.CHAIN, Difference.FORWARD, new double[] {0, 0, 0, 0, 30});
        Snapshot s = snapshot(c, 0, -1, -1, null);
        assertThat(s.lesson().learningRate().numeric()).isZero();
        assertThat(s.lesson().learningRate().chainRule()).isLessThan(-0.7);
        for (int width : new int[] {80, 160}) {
            String row = new VirtualScreen(width, 24).draw(s, UiState.initial(), COLOUR).row(21);
            assertThat(row).contains("lost in rounding").doesNotContain("disagree");
        }
    }

    /** E: the ε study of the selected row, its V drawn, the best ε measured and predicted, the guide's ε placed. */
    @Test
    void theEpsilonStudyShowsTheVAndTheBestEpsilon() throws Exception {
        Snapshot s = snapshot(Preset.TEXTBOOK.defaults(), 0, -1, 1, null);
        EpsilonStudy study = s.lesson().epsilonStudy("w_x1_h2");
        UiState ui = UiState.initial().select(1, 9).toggleView(UiState.View.EPSILON);
        VirtualScreen v = new VirtualScreen(80, 24).draw(s, ui, COLOUR);
        String text = v.text();
        assertThat(text).contains("ε study of x1→h2", "1e-13", "1e-01", "o/x one-sided/central",
                "one-sided: best ε " + Numbers.sci(study.bestForward().epsilon(), 2) + " ("
                        + Numbers.sci(study.bestForward().error(), 2) + ")",
                "predicted 2·sqrt(δL/|L″|) = " + Numbers.sci(study.predictedBestForward(), 2),
                "guide's ε 1e-4: one-sided " + Numbers.sci(study.guideRow().forwardError(), 2),
                "ε too large: truncation dominates");
        assertThat(text).contains("O", "X", "F", "C", "g"); // the marks of the best points and steps
        for (String row : v.rows()) assertThat(row.length()).isLessThanOrEqualTo(80);
        String ascii = new VirtualScreen(80, 24).draw(s, ui, PLAIN).text();
        assertThat(ascii.chars().allMatch(ch -> ch >= 32 && ch < 127 || ch == '\n')).as("ASCII only").isTrue();
        assertThat(ascii).contains("eps study of x1->h2", "predicted 2*sqrt(deltaL/|L''|)");
    }

    /** A planted bug is always said in the status line, even at 80 columns with the longest state and method. */
    @Test
    void aPlantedBugIsSaidInTheStatusLine() throws Exception {
        Config c = Preset.TEXTBOOK.defaults().withMethod(Method.NUMERIC).withDifference(Difference.CENTRAL)
                .withPlantedBug(PlantedBug.NO_MEAN);
        Snapshot s = snapshot(c, 5000, -1, -1, null);
        VirtualScreen v = new VirtualScreen(80, 24).draw(s, UiState.initial(), COLOUR);
        assertThat(v.row(0)).contains("a bug is planted", "epoch 5,000", "learned", "method: numeric (central)");
        assertThat(v.row(22)).contains("bug hunt");
        assertThat(v.text()).contains("BAD").doesNotContain("no-mean"); // never said which
        assertThat(new VirtualScreen(80, 24).draw(snapshot(Preset.TEXTBOOK.defaults(), 0, -1, -1, null),
                UiState.initial(), COLOUR).text()).doesNotContain("bug");
    }

    /**
     * Every overlay leaves the status line in view, so "a bug is planted" shows whatever is open;
     * and the explanation's last line (the verdict) still fits at 80×24 in the longest case:
     * ASCII, sigmoid's long factor names, central differences, a bug planted.
     */
    @Test
    void overlaysLeaveThePlantedBugInView() throws Exception {
        Config c = Preset.TEXTBOOK.defaults().withDifference(Difference.CENTRAL).withPlantedBug(PlantedBug.NO_MEAN);
        for (int k = 0; k < 9; k++) {
            Snapshot s = snapshot(c, 0, k, -1, null);
            for (Theme t : new Theme[] {COLOUR, PLAIN}) {
                VirtualScreen v = new VirtualScreen(80, 24).draw(s, explaining(k), t);
                assertThat(v.row(0)).contains("a bug is planted");
                assertThat(v.text()).contains("bad, look for a bug");
            }
        }
        Snapshot s = snapshot(c, 0, -1, -1, null);
        for (UiState.Overlay o : new UiState.Overlay[] {UiState.Overlay.HELP, UiState.Overlay.HUNT_QUESTION}) {
            assertThat(new VirtualScreen(80, 24).draw(s, UiState.initial().withOverlay(o), COLOUR).row(0))
                    .contains("a bug is planted");
        }
    }

    /** With a bug planted the explanation says the chain-rule column is not the rows' sum, and judges the column. */
    @Test
    void theExplanationSaysTheColumnComesFromThePlantedBug() throws Exception {
        Config c = Preset.TEXTBOOK.defaults().withPlantedBug(PlantedBug.WRONG_SIGN);
        Snapshot s = snapshot(c, 0, 8, -1, null);
        GradientCheck.Entry e = s.check().entries().get(8);
        String text = new VirtualScreen(100, 30).draw(s, explaining(8), COLOUR).text();
        assertThat(text).contains("a bug is planted: the chain-rule column shows " + Numbers.sci(e.chainRule(), 6)
                + ", not this sum", "the predicted: bad, look for a bug").doesNotContain("wrong-sign");
    }

    /**
     * Issue 10a: the bug hunt's boxes wrote the engine's ASCII (dL/dyhat, sigmoid'(z_y), delta_y,
     * w(x1->hj)) in UTF-8 too, where every other view writes ∂L/∂ŷ, σ′, δ_y, →; with --ascii they
     * stay ASCII.
     */
    @Test
    void theBugHuntWritesTheThemesNotation() throws Exception {
        Snapshot asking = snapshot(Preset.TEXTBOOK.defaults().withPlantedBug(PlantedBug.SWAPPED_INPUTS), 0, -1, -1, null);
        List<String> names = List.of("w_x1_h1", "w_x1_h2", "w_x2_h1", "w_x2_h2", "b_h1", "b_h2", "w_h1_y", "w_h2_y", "b_y");
        double[] buggy = {2, 1, 4, 3, 5, 6, 7, 8, 9};
        double[] correct = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        BugHunt hunt = new BugHunt(1, PlantedBug.SWAPPED_INPUTS, PlantedBug.SWAPPED_INPUTS, 5, 0.28, 0.27, names, buggy,
                correct, List.of("w_x1_h1"));
        Snapshot answered = snapshot(Preset.TEXTBOOK.defaults(), 0, -1, -1, hunt);
        for (Theme t : new Theme[] {COLOUR, PLAIN}) {
            String question = inside(new VirtualScreen(80, 24).draw(asking,
                    UiState.initial().withOverlay(UiState.Overlay.HUNT_QUESTION), t), t, "Bug hunt: which bug is it?");
            String answer = inside(new VirtualScreen(80, 24).draw(answered, UiState.initial().withHuntResult(1), t), t,
                    "Bug hunt: the answer");
            if (t.ascii()) {
                assertThat(question).contains("the output error taken as dL/dyhat, without sigmoid'(z_y)",
                        "a hidden unit's error taken as delta_y * w(h->y)", "t - yhat instead of yhat - t",
                        "w(x1->hj) gets x2's gradient and w(x2->hj) gets x1's");
                assertThat(answer).contains("swapped-inputs: w(x1->hj) gets x2's gradient and w(x2->hj) gets x1's");
            } else {
                assertThat(question).contains("the output sigmoid's slope left out: the output error taken as ∂L/∂ŷ, without σ′(z_y)",
                        "a hidden unit's error taken as δ_y · w(h→y)", "t - ŷ instead of ŷ - t",
                        "w(x1→hj) gets x2's gradient and w(x2→hj) gets x1's")
                        .doesNotContain("dL/d", "yhat", "sigmoid'(", "delta_", "->");
                assertThat(answer).contains("swapped-inputs: w(x1→hj) gets x2's gradient and w(x2→hj) gets x1's")
                        .doesNotContain("->");
            }
        }
    }

    /**
     * The text inside the overlay box titled {@code title}, its rows joined by one space (a
     * sentence wrapped over two reads whole): between the box's left and right edges (found from
     * its bottom edge), whatever panels show beside it.
     */
    private static String inside(VirtualScreen v, Theme t, String title) {
        List<String> rows = v.rows();
        int top = 0;
        while (!rows.get(top).contains(t.horizontal() + " " + title)) top++;
        int left = rows.get(top).indexOf(t.horizontal() + " " + title);
        int bottom = top + 1;
        while (rows.get(bottom).charAt(left) == t.vertical()) bottom++;
        int right = left;
        while (right + 1 < rows.get(bottom).length() && rows.get(bottom).charAt(right + 1) == t.horizontal()) right++;
        StringBuilder b = new StringBuilder();
        for (int r = top + 1; r < bottom; r++) {
            assertThat(rows.get(r).charAt(right)).as("row %d's right edge", r).isEqualTo(t.vertical());
            b.append(rows.get(r), left + 1, right).append(' ');
        }
        return b.toString().replaceAll(" +", " ");
    }

    /** b's question lists the six bugs; the answer says whether it was right and the difference it made. */
    @Test
    void theBugHuntAsksAndAnswers() throws Exception {
        Snapshot asking = snapshot(Preset.TEXTBOOK.defaults().withPlantedBug(PlantedBug.ONE_ROW_BIAS), 0, -1, -1, null);
        String question = new VirtualScreen(80, 24).draw(asking, UiState.initial().withOverlay(UiState.Overlay.HUNT_QUESTION),
                COLOUR).text();
        for (PlantedBug b : PlantedBug.values()) {
            assertThat(question).contains((b.ordinal() + 1) + " " + b.id());
        }
        double[] buggy = {1, 2, 3, 4, 0.5, 0.25, 7, 8, 9};
        double[] correct = {1, 2, 3, 4, 0.125, 0.0625, 7, 8, 9};
        List<String> names = List.of("w_x1_h1", "w_x1_h2", "w_x2_h1", "w_x2_h2", "b_h1", "b_h2", "w_h1_y", "w_h2_y", "b_y");
        BugHunt wrong = new BugHunt(1, PlantedBug.ONE_ROW_BIAS, PlantedBug.NO_MEAN, 120, 0.28, 0.2, names, buggy, correct,
                List.of("b_h1"));
        Snapshot after = snapshot(Preset.TEXTBOOK.defaults(), 0, -1, -1, wrong);
        String answer = new VirtualScreen(80, 24).draw(after, UiState.initial().withHuntResult(1), COLOUR).text();
        assertThat(answer).contains("Not that one: you named no-mean, it was one-row-bias.",
                "each hidden bias's gradient taken from the last row only", "b h1", "5.000e-01", "1.250e-01", "bad",
                "b h2", "not bad", "It trained 120 epochs with the bug: the loss went from 0.2800 to 0.2000");
        assertThat(answer.lines().filter(l -> l.startsWith("│"))).noneMatch(l -> l.contains("x1→h1")); // only what changed
        BugHunt right = new BugHunt(1, PlantedBug.ONE_ROW_BIAS, PlantedBug.ONE_ROW_BIAS, 1, 0.28, 0.2, names, buggy,
                correct, List.of());
        assertThat(new VirtualScreen(80, 24).draw(snapshot(Preset.TEXTBOOK.defaults(), 0, -1, -1, right),
                UiState.initial().withHuntResult(1), COLOUR).text()).contains("Right: it was one-row-bias.", "1 epoch with");
        // asked for a newer answer than the trainer has: it says it is working on it
        assertThat(new VirtualScreen(80, 24).draw(after, UiState.initial().withHuntResult(2), COLOUR).text())
                .contains("taking the bug out");
    }

    /** The saturated run of LessonEngineTest, on screen: the cause and the way out, at 80 columns too. */
    @Test
    void aSaturatedOutputIsTheCauseSaidOnScreen() throws Exception {
        Snapshot s = snapshot(Preset.REFERENCE.defaults().withLearningRate(100), 6_000, -1, -1, null);
        for (int[] size : new int[][] {{80, 24}, {120, 40}}) {
            String notes = NotesPanel.text(s, UiState.initial(), COLOUR, size[0]);
            assertThat(notes).as("at %d columns", size[0]).startsWith("stuck: ").contains("saturated")
                    .contains("[ then R").doesNotContain("r: new seed").doesNotContain("local minimum");
            assertThat(notes.length()).isLessThanOrEqualTo(size[0]);
        }
        String rate = new VirtualScreen(100, 30).draw(s, UiState.initial(), COLOUR).text();
        assertThat(rate).doesNotContain("no matter");
    }

    /**
     * Issue 3: a dead ReLU (reference preset, seed 1, x1→h2: h2 is 0 on every row) makes both
     * differences exactly the chain rule's 0 at every ε. The view said "best ε 1e-01 (0.0e+00)",
     * "rounding dominates" and drew every point on the decade 1e-15. Now it says exact, that no ε
     * is best, why, and draws the points on a row of their own labelled "exact".
     */
    @Test
    void theEpsilonStudyOfADeadUnitSaysExactAndWhy() throws Exception {
        Snapshot s = snapshot(Preset.REFERENCE.defaults().withSeed(1), 0, -1, 1, null);
        UiState ui = UiState.initial().select(1, 9).toggleView(UiState.View.EPSILON);
        for (int[] size : new int[][] {{80, 24}, {120, 40}}) {
            for (Theme t : new Theme[] {COLOUR, PLAIN}) {
                String eps = t.ascii() ? "eps" : "ε";
                String text = new VirtualScreen(size[0], size[1]).draw(s, ui, t).text();
                assertThat(text).as("%s %s", size[0], t.ascii())
                        .contains("one-sided: exact (error 0) at every " + eps + ", so no " + eps + " is best",
                                "central:   exact (error 0) at every " + eps + ", so no " + eps + " is best",
                                "one-sided 0: exact, nothing dominates", "central 0: exact, nothing dominates",
                                "why: h2 is 0 on every row (a dead ReLU)", "bit for bit", "\nexact")
                        .doesNotContain("best " + eps + " 1", "rounding dominates", "truncation dominates");
            }
        }
        EpsilonStudy study = s.lesson().epsilonStudy("w_x1_h2");
        for (boolean ascii : new boolean[] {false, true}) {
            EpsilonChart chart = EpsilonChart.of(study, 80, 18, ascii);
            int exact = -1;
            for (int r = 0; r < chart.height(); r++) {
                if (chart.row(r).startsWith("exact")) exact = r;
            }
            assertThat(exact).as("a row labelled exact").isEqualTo(chart.height() - 3);
            assertThat(chart.cell(exact, 5)).as("the axis broken there: 0 is no decade").isEqualTo(ascii ? ':' : '┊');
            java.util.Set<Integer> columns = new java.util.TreeSet<>();
            for (int r = 0; r < chart.height(); r++) {
                for (int c = 0; c < 80; c++) {
                    EpsilonChart.Mark m = chart.mark(r, c);
                    if (m == EpsilonChart.Mark.FORWARD || m == EpsilonChart.Mark.CENTRAL) {
                        assertThat(r).as("a measured point off the exact row, column %d", c).isEqualTo(exact);
                        columns.add(c);
                    }
                    if (chart.cell(r, c) == 'O' || chart.cell(r, c) == 'X') {
                        assertThat(m).as("no best point where every eps is exact").isNotEqualTo(EpsilonChart.Mark.BEST);
                    }
                    // nothing predicted where nothing is off: no curve, no predicted best on the axis
                    assertThat(m).as("row %d column %d", r, c).isNotIn(EpsilonChart.Mark.PREDICTED_FORWARD,
                            EpsilonChart.Mark.PREDICTED_CENTRAL);
                    if (m == EpsilonChart.Mark.BEST) {
                        assertThat(chart.cell(r, c)).as("a predicted best on the axis, column %d", c).isNotIn('F', 'C');
                    }
                }
            }
            assertThat(columns).as("all 25 eps on the exact row").hasSize(25);
        }
        // a study with no exact error has no such row
        EpsilonStudy live = snapshot(Preset.TEXTBOOK.defaults(), 0, -1, 1, null).lesson().epsilonStudy("w_x1_h2");
        EpsilonChart chart = EpsilonChart.of(live, 80, 18, true);
        for (int r = 0; r < chart.height(); r++) assertThat(chart.row(r)).doesNotStartWith("exact");
    }

    /**
     * Issue 10b: g (the guide's 1e-4), F and C (the predicted best ε) keep their order along the
     * axis, each on its own column and at most two columns from where its ε falls. The reference
     * preset's x1→h1 has C at 1.1e-04, which was drawn left of g. For every parameter of both
     * presets, at the start and trained, at the lab's sizes and the command's.
     */
    @Test
    void theEpsilonChartKeepsItsAxisMarkersInOrder() throws Exception {
        for (Study s : epsilonStudies()) {
            EpsilonStudy study = s.study();
            for (int[] size : new int[][] {{80, 11}, {100, 17}, {80, 18}, {250, 40}}) {
                EpsilonChart chart = EpsilonChart.of(study, size[0], size[1], true);
                int axis = chart.height() - 2;
                java.util.TreeMap<Double, Integer> byEpsilon = new java.util.TreeMap<>();
                for (int col = 0; col < size[0]; col++) {
                    char ch = chart.cell(axis, col);
                    double value = ch == 'g' ? 1e-4 : ch == 'F' ? study.predictedBestForward()
                            : ch == 'C' ? study.predictedBestCentral() : Double.NaN;
                    if (Double.isNaN(value)) continue;
                    assertThat(byEpsilon.put(value, col)).isNull();
                    // the plot spans columns 6 to width - 1 for 1e-13 to 1e-1
                    double ideal = 6 + (Math.log10(value) + 13) / 12 * (size[0] - 7);
                    assertThat(Math.abs(col - ideal)).as("%s k %d: %s near its eps", s.config().activation(), s.k(), ch)
                            .isLessThanOrEqualTo(2.5);
                }
                assertThat(byEpsilon).hasSizeGreaterThanOrEqualTo(2);
                assertThat(new java.util.ArrayList<>(byEpsilon.values())).as("%s epoch %d k %d %s: columns in the order of eps",
                        s.config().activation(), s.epochs(), s.k(), chart.row(axis)).isSorted();
            }
        }
    }

    /**
     * Issue 10c: at 80 columns in ASCII the legend and the guide's line wrapped ("g guide's" /
     * "eps", "truncation" / "dominates"), breaking the alignment of the central line. Every line
     * of the view now fits: the legend on one row, the one-sided line's next row the central one.
     */
    @Test
    void theEpsilonStudyFitsEightyColumnsInAscii() throws Exception {
        for (Config c : new Config[] {Preset.TEXTBOOK.defaults(), Preset.REFERENCE.defaults(),
                Preset.REFERENCE.defaults().withSeed(1)}) {
            for (int k = 0; k < 9; k++) {
                Snapshot s = snapshot(c, 0, -1, k, null);
                UiState ui = UiState.initial().select(k, 9).toggleView(UiState.View.EPSILON);
                for (Theme t : new Theme[] {PLAIN, COLOUR}) {
                    List<String> rows = new VirtualScreen(80, 24).draw(s, ui, t).rows();
                    String where = c.activation() + " seed " + c.seed() + " k " + k + " ascii " + t.ascii();
                    int legend = -1;
                    int guide = -1;
                    for (int r = 0; r < rows.size(); r++) {
                        if (rows.get(r).startsWith("o/x one-sided/central")) legend = r;
                        if (rows.get(r).startsWith("guide's ")) guide = r;
                    }
                    assertThat(legend).as(where).isPositive();
                    assertThat(rows.get(legend).stripTrailing()).as(where).endsWith(t.ascii() ? "g guide" : "g guide's ε");
                    assertThat(rows.get(legend + 1)).as(where).startsWith("one-sided: ");
                    assertThat(rows.get(legend + 2)).as(where).startsWith("central:   ");
                    assertThat(rows.get(guide + 1)).as(where)
                            .startsWith(" ".repeat(("guide's " + t.epsilon() + " 1e-4: ").length()) + "central ");
                    assertThat(rows.get(guide + 2)).as(where).matches("^(why|exact|deltaL|δL).*");
                }
            }
        }
    }
    /**
     * The help's last page says what each reason of the verdict column means, in the words that
     * column writes (written out here by hand), whole at 80×24, in the theme's characters: the
     * lab showed "one-sided O(ε)" or "ReLU kink" and explained neither.
     */
    @Test
    void theHelpsLastPageSaysWhatEachReasonMeans() throws Exception {
        Snapshot s = FrameRenderTest.snapshotAfter(Preset.TEXTBOOK.defaults(), 0);
        UiState reasons = UiState.initial().withOverlay(UiState.Overlay.REASONS);
        for (Theme t : new Theme[] {new Theme(true, false), new Theme(false, true)}) {
            VirtualScreen v = new VirtualScreen(80, 24).draw(s, reasons, t);
            // the box's sides off each row, the rows joined: a wrapped reason reads as one line
            String text = String.join(" ", v.rows().stream().map(r -> r.replaceAll("^[│|] |[│|]\\s*$", "")).toList())
                    .replaceAll("\\s+", " ");
            boolean ascii = t.ascii();
            assertThat(text).contains("What the reasons mean",
                    ascii ? "one-sided O(eps) a forward difference's truncation, eps*|L''|/2"
                            : "one-sided O(ε) a forward difference's truncation, ε·|L″|/2",
                    ascii ? "central O(eps^2) a central difference's truncation" : "central O(ε²) a central difference's truncation",
                    "ReLU kink a ReLU input crosses 0 within the nudge: the slope jumps there",
                    "loss clip", "crosses cross-entropy's clip (1e-15 from 0 or 1) within the nudge",
                    "rounding of L the rounding of L, divided by",
                    "lost in rounding the rounding of L over", "says nothing");
            if (ascii) assertThat(v.text().chars().allMatch(c -> c < 128)).as("ASCII only").isTrue();
        }
    }
}
