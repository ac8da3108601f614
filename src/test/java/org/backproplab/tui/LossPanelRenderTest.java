package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.backproplab.nn.Network;
import org.backproplab.train.Config;
import org.backproplab.train.Method;
import org.backproplab.train.Preset;
import org.backproplab.train.Snapshot;
import org.backproplab.train.Training;
import org.junit.jupiter.api.Test;

/**
 * The loss chart on a virtual terminal: it draws every epoch its caption names ("epochs 0..N",
 * the last one the loss of the parameters on screen), its lowest is the lowest finite loss, and in
 * ASCII the small losses of a long run stay drawn. Expected losses come from the engine's own
 * training (Training, Network), rounded here with BigDecimal.
 */
class LossPanelRenderTest {
    private static final Theme COLOUR = new Theme(true, false);
    private static final Theme ASCII = new Theme(false, true);
    /** The loss chart's area at 80×24 and 100×30: right of the truth table, under the tables. */
    private static final int LOSS_COL = 33;

    private static String sig(double x, int digits) {
        BigDecimal r = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        return r.setScale(Math.max(0, digits - 1 - (r.precision() - r.scale() - 1)), RoundingMode.HALF_EVEN).toPlainString();
    }

    /** The loss at the start and after one step, as the engine computes them. */
    private static double[] lossesOfOneStep(Config c) {
        Training t = new Training(c);
        double first = t.step();
        double second = new Network(c.architecture(), c.dataset()).loss(t.parameters());
        return new double[] {first, second};
    }

    private static int captionRow(VirtualScreen v) {
        return v.findRow("now ", LOSS_COL, v.vt.getTerminalSize().getColumns(), StatusPanel.ROWS);
    }

    /** The chart's bottom row, where every epoch drawn has a cell (the panel's last row). */
    private static String bottom(VirtualScreen v) {
        int cols = v.vt.getTerminalSize().getColumns();
        Area loss = Layout.of(cols, v.vt.getTerminalSize().getRows(), 9).loss();
        return v.row(loss.bottom() - 1, LOSS_COL + LossPanel.AXIS, cols);
    }

    /** How many of the chart's columns show something. */
    private static int drawnColumns(VirtualScreen v) {
        return bottom(v).stripTrailing().length();
    }

    @Test
    void afterOneStepTheChartShowsBothEpochsItsCaptionNames() throws Exception {
        // the reviewer's runs: lr 1e6 (textbook), lr 100 (reference), and the textbook's own first step
        for (Config c : new Config[] {Preset.TEXTBOOK.defaults().withLearningRate(1e6),
                Preset.REFERENCE.defaults().withLearningRate(100), Preset.TEXTBOOK.defaults()}) {
            double[] loss = lossesOfOneStep(c);
            VirtualScreen v = new VirtualScreen(80, 24).draw(FrameRenderTest.snapshotAfter(c, 1), UiState.initial(), COLOUR);
            int caption = captionRow(v);
            assertThat(v.row(caption)).contains("now " + sig(loss[1], 6), "epochs 0..1");
            // the axis runs up to the highest loss of both epochs, the one on screen included
            assertThat(v.row(caption + 1, LOSS_COL, LOSS_COL + LossPanel.AXIS).strip())
                    .as("lr %s", c.learningRate()).isEqualTo(sig(Math.max(loss[0], loss[1]), 3));
            assertThat(drawnColumns(v)).as("columns drawn at lr %s", c.learningRate()).isEqualTo(2);
        }
    }

    /** Epoch 0 is on screen too: one column, the start's loss, as the caption says "epochs 0..0". */
    @Test
    void atEpochZeroTheStartIsDrawn() throws Exception {
        Config c = Preset.TEXTBOOK.defaults();
        VirtualScreen v = new VirtualScreen(80, 24).draw(FrameRenderTest.snapshotAfter(c, 0), UiState.initial(), COLOUR);
        int caption = captionRow(v);
        assertThat(v.row(caption)).contains("epochs 0..0");
        double start = new Network(c.architecture(), c.dataset()).loss(c.initialParameters());
        assertThat(v.row(caption + 1, LOSS_COL, LOSS_COL + LossPanel.AXIS).strip()).isEqualTo(sig(start, 3));
        assertThat(drawnColumns(v)).isEqualTo(1);
    }

    /** A run that diverges at its first step: the loss on screen is NaN, the lowest is the finite start. */
    @Test
    void afterADivergenceTheLowestIsTheLowestFiniteLoss() throws Exception {
        Config start = Preset.REFERENCE.defaults().withMethod(Method.CHAIN);
        double[] huge = new double[start.architecture().parameterCount()];
        for (int k = 0; k < huge.length; k++) huge[k] = k % 2 == 0 ? 1.7e308 : -1.7e308;
        Config c = start.withInit(huge);
        Training t = new Training(c);
        double first = t.step();
        assertThat(t.diverged()).isTrue();
        assertThat(first).isFinite();
        Snapshot s = FrameRenderTest.snapshotAfter(c, 1);
        assertThat(s.loss()).isNaN();
        VirtualScreen v = new VirtualScreen(80, 24).draw(s, UiState.initial(), COLOUR);
        assertThat(v.row(captionRow(v))).contains("now NaN", "lowest " + sig(first, 6));
        assertThat(drawnColumns(v)).isEqualTo(1); // the start, plotted
    }

    /**
     * After 3,000 epochs at 100×30 in ASCII the small losses of most of the run stay drawn (they
     * are a sliver of a cell: '.', as Unicode draws ▁), and the truth table's legend keeps a space
     * before the rule beside it although y^ is a character wider than ŷ.
     */
    @Test
    void inAsciiTheTailOfALongRunStaysDrawnAndTheLegendClearOfTheRule() throws Exception {
        Snapshot s = FrameRenderTest.snapshotAfter(Preset.TEXTBOOK.defaults(), 3000);
        for (Theme t : new Theme[] {ASCII, COLOUR}) {
            VirtualScreen v = new VirtualScreen(100, 30).draw(s, UiState.initial(), t);
            int width = 100 - LOSS_COL - LossPanel.AXIS;
            assertThat(drawnColumns(v)).as("ascii %s", t.ascii()).isEqualTo(width);
            assertThat(bottom(v)).doesNotContain(" ");
            int legend = v.findRow("learned: ", 0, 32);
            assertThat(v.row(legend, 0, 32)).contains("within 0.1 of target").endsWith(" ");
        }
    }
}
