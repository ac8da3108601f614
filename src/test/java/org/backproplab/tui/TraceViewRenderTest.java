package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import java.util.List;
import org.backproplab.train.Config;
import org.backproplab.train.EpochTrace;
import org.backproplab.train.Method;
import org.backproplab.train.Preset;
import org.backproplab.train.Snapshot;
import org.junit.jupiter.api.Test;

/** The trace view (t): each step's phase, place, formula and reuse on screen, and its node or edge marked. */
class TraceViewRenderTest {
    private static final Theme COLOUR = new Theme(true, false);
    private static final Theme ASCII = new Theme(false, true);

    private static Snapshot traced(Config c) {
        return withTrace(TeachingViewsRenderTest.lesson(c, 0, -1, null));
    }

    /** The snapshot with the trace of its next epoch, as the trainer adds it when a screen asks. */
    static Snapshot withTrace(Snapshot s) {
        Snapshot.Lesson l = s.lesson();
        Snapshot.Lesson withTrace = new Snapshot.Lesson(l.adapting(), l.learningRate(), l.diagnosis(), l.explanations(),
                l.surfaces(), l.epsilonStudies(), l.hunt(), EpochTrace.of(s.config(), s.parameters()));
        return new Snapshot(s.version(), s.epoch(), s.config(), s.preset(), s.parameters(), s.lastStep(), s.loss(),
                s.pass(), s.check(), s.history(), s.running(), s.outcome(), s.speed(), s.measuredEpochsPerSecond(),
                s.message(), withTrace);
    }

    private static UiState at(int step, int steps) {
        return UiState.initial().toggleView(UiState.View.TRACE).withTraceStep(step, steps);
    }

    @Test
    void everyStepSaysWhereItIsAndHowAndMarksWhatItComputes() throws Exception {
        Config c = Preset.TEXTBOOK.defaults();
        Snapshot s = traced(c);
        List<EpochTrace.Step> steps = s.lesson().trace().steps();
        for (int i = 0; i < steps.size(); i++) {
            EpochTrace.Step step = steps.get(i);
            VirtualScreen v = new VirtualScreen(80, 24).draw(s, at(i, steps.size()), COLOUR);
            String text = v.text();
            assertThat(text).contains("step " + (i + 1) + " of " + steps.size());
            if (step.row() >= 0) {
                assertThat(text).as("step %d", i + 1).contains("row " + (step.row() + 1) + " of 4");
                assertThat(text).contains("on row " + (step.row() + 1) + " of 4"); // the diagram shows that row's values
            }
            // the formula, in the lab's characters, wrapped but whole (its last number on screen)
            String formula = TraceView.display(step.formula(), COLOUR);
            String last = formula.substring(formula.lastIndexOf(' ') + 1);
            assertThat(text.replace("\n", " ")).as("step %d's formula", i + 1).contains(last);
            // what it computes is marked (reversed) on the diagram
            boolean marked = false;
            for (int r = 3; r < 21 && !marked; r++) {
                for (int col = 0; col < 80 && !marked; col++) {
                    marked = v.cell(col, r).getModifiers().contains(SGR.REVERSE) && r < 3 + 8;
                }
            }
            assertThat(marked).as("step %d marks its node or edge", i + 1).isTrue();
        }
    }

    /**
     * The list of steps says a gradient step as its formula does: a row's share "∂L/∂b_y += …",
     * the sum over the rows "∂L/∂b_y = …", each with the number the formula ends in (a zero as 0,
     * as the formula writes it); the trace command writes the same "+=".
     */
    @Test
    void theListWritesARowsShareAsItsFormulaDoes() throws Exception {
        Snapshot s = traced(Preset.TEXTBOOK.defaults());
        List<EpochTrace.Step> steps = s.lesson().trace().steps();
        int shares = 0;
        int zeros = 0;
        for (int i = 0; i < steps.size(); i++) {
            EpochTrace.Step step = steps.get(i);
            if (step.phase() != EpochTrace.Phase.BACKWARD || step.parameter() < 0) continue;
            String formula = TraceView.display(step.formula(), COLOUR);
            boolean share = step.row() >= 0;
            String op = share ? " += " : " = ";
            assertThat(formula).as("step %d", i + 1).contains(op);
            String head = formula.substring(0, formula.indexOf(op));
            String last = formula.substring(formula.lastIndexOf(' ') + 1);
            VirtualScreen v = new VirtualScreen(100, 30).draw(s, at(i, steps.size()), COLOUR);
            int row = v.findRow((i + 1) + ". ", 0, 100, 12);
            assertThat(row).as("step %d listed", i + 1).isPositive();
            assertThat(v.row(row).stripTrailing()).as("step %d", i + 1).endsWith(": " + head + op + last);
            if (share) shares++;
            if (last.equals("0")) zeros++;
        }
        assertThat(shares).isEqualTo(4 * 9);
        assertThat(zeros).isEqualTo(4 * 2); // each input weight's share on the two rows where its input is 0
    }

    /**
     * Issue 6 (review): the numeric trace's list wrote every loss with 6 significant digits, so
     * the base loss and all six hidden-layer nudges read 0.280144, as if a nudge changed nothing.
     * It writes them with the detail's 12 digits, each nudge as its formula does (L(w + ε)). The
     * losses are worked out here by a forward pass of our own (sigmoid units, mean squared error).
     */
    @Test
    void theNumericListShowsEachNudgesChangeOfTheLoss() throws Exception {
        Config c = Preset.TEXTBOOK.defaults().withMethod(Method.NUMERIC);
        Snapshot s = traced(c);
        double[] theta = c.initialParameters();
        double base = squaredErrorLoss(theta);
        String baseText = twelveDigits(base);
        List<EpochTrace.Step> steps = s.lesson().trace().steps();
        String[] names = {"w_x1_h1", "w_x1_h2", "w_x2_h1", "w_x2_h2", "b_h1", "b_h2", "w_h1_y", "w_h2_y", "b_y"};
        VirtualScreen first = new VirtualScreen(80, 24).draw(s, at(0, steps.size()), COLOUR);
        assertThat(first.row(first.findRow("1. ", 0, 80, 12))).startsWith("1. forward: loss = " + baseText);
        for (int k = 0; k < names.length; k++) {
            double[] nudged = theta.clone();
            nudged[k] += c.epsilon();
            String expected = twelveDigits(squaredErrorLoss(nudged));
            assertThat(expected).as(names[k]).isNotEqualTo(baseText);
            int step = k + 1; // after the base loss
            for (Theme t : new Theme[] {COLOUR, ASCII}) {
                VirtualScreen v = new VirtualScreen(80, 24).draw(s, at(step, steps.size()), t);
                int row = v.findRow((step + 1) + ". ", 0, 80, 12);
                assertThat(row).as(names[k]).isPositive();
                assertThat(v.row(row).stripTrailing()).isEqualTo((step + 1) + ". nudge: L(" + names[k] + " + "
                        + t.epsilon() + ") = " + expected);
            }
        }
    }

    /** The textbook network's loss at θ (w_x1_h1, w_x1_h2, w_x2_h1, w_x2_h2, b_h1, b_h2, w_h1_y, w_h2_y, b_y) on XOR. */
    private static double squaredErrorLoss(double[] p) {
        double[][] rows = {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}};
        double sum = 0;
        for (double[] r : rows) {
            double h1 = sigmoid(r[0] * p[0] + r[1] * p[2] + p[4]);
            double h2 = sigmoid(r[0] * p[1] + r[1] * p[3] + p[5]);
            double y = sigmoid(h1 * p[6] + h2 * p[7] + p[8]);
            sum += (y - r[2]) * (y - r[2]);
        }
        return sum / rows.length;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static String twelveDigits(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(12)).toPlainString();
    }

    @Test
    void theDeltaOfAHiddenUnitSaysWhatReusesIt() throws Exception {
        Snapshot s = traced(Preset.TEXTBOOK.defaults());
        List<EpochTrace.Step> steps = s.lesson().trace().steps();
        int i = 0;
        while (!(steps.get(i).quantity().equals("delta_h1") && steps.get(i).row() == 2)) i++;
        VirtualScreen v = new VirtualScreen(80, 24).draw(s, at(i, steps.size()), COLOUR);
        assertThat(v.text()).contains("backward, row 3 of 4 (1,0), δ_h1", "δ_h1 = δ_y · w_h1_y · σ′(z_h1)",
                "computed once, used by w_x1_h1, w_x2_h1 and b_h1");
        int h1 = -1;
        for (int r = 3; r < 12; r++) if (v.row(r).contains("h1 b ")) h1 = r;
        int col = v.row(h1).indexOf("h1 b ");
        assertThat(v.cell(col, h1).getModifiers()).contains(SGR.REVERSE);
    }

    @Test
    void theNumericWayCountsItsForwardPassesInAscii() throws Exception {
        Config c = Preset.REFERENCE.defaults().withMethod(Method.NUMERIC);
        Snapshot s = traced(c);
        int n = s.lesson().trace().steps().size();
        VirtualScreen v = new VirtualScreen(80, 24).draw(s, at(1, n), ASCII);
        assertThat(v.text().replace("\n", " ").replaceAll(" +", " ")).contains("Trace, numeric: step 2 of " + n,
                "L(w_x1_h1 + eps)", "forward passes so far: 2");
        for (String line : v.rows()) assertThat(line.chars().allMatch(ch -> ch >= 32 && ch < 127)).as(line).isTrue();
    }
}
