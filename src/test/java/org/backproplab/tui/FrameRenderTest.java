package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.util.Locale;
import org.backproplab.grad.Difference;
import org.backproplab.grad.GradientCheck;
import org.backproplab.io.ParametersFile;
import org.backproplab.nn.Architecture;
import org.backproplab.nn.Dataset;
import org.backproplab.nn.Forward;
import org.backproplab.nn.Network;
import org.backproplab.train.Config;
import org.backproplab.train.LossHistory;
import org.backproplab.train.Outcome;
import org.backproplab.train.Preset;
import org.backproplab.train.Snapshot;
import org.backproplab.train.Speed;
import org.backproplab.train.Training;
import org.junit.jupiter.api.Test;

/**
 * Frames drawn on a virtual terminal and read back. The expected numbers come from the engine
 * (Training, GradientCheck) and are formatted here with String.format, not with the panels' code.
 */
class FrameRenderTest {
    private static final Theme COLOUR = new Theme(true, false);

    /** A snapshot built straight from the engine after {@code epochs} epochs. */
    static Snapshot snapshotAfter(Config c, int epochs) {
        Training t = new Training(c);
        LossHistory h = new LossHistory();
        for (int i = 0; i < epochs; i++) h.add(t.step());
        Forward f = t.forward();
        GradientCheck check = GradientCheck.at(new Network(c.architecture(), c.dataset()), t.parameters(),
                c.epsilon(), c.difference());
        return new Snapshot(7, t.epoch(), c, "textbook", t.parameters(), t.lastStep(), check.loss(), Snapshot.Pass.of(f), check,
                h.points(), false, t.outcome(), Speed.DEFAULT, 0, "", null);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Checks every parameter, gradient and truth-table row on screen against the engine. */
    private static void assertPanelsMatchEngine(VirtualScreen v, Config c, int epochs, int weightsWidth, int digits) {
        Training t = new Training(c);
        for (int i = 0; i < epochs; i++) t.step();
        double[] theta = t.parameters();
        double[] step = t.lastStep();
        GradientCheck check = GradientCheck.at(new Network(c.architecture(), c.dataset()), theta, c.epsilon(), c.difference());
        Architecture arch = c.architecture();
        for (int k = 0; k < theta.length; k++) {
            String label = arch.label(k, false);
            int row = v.findRow(label + " ", 0, weightsWidth);
            assertThat(row).as("weights row of %s", label).isPositive();
            String weights = v.row(row, 0, weightsWidth);
            assertThat(weights).contains(f("%+.4f", theta[k]));
            assertThat(weights).contains(step[k] > 0 ? "▲" : step[k] < 0 ? "▼" : "·");
            String grads = v.row(row, weightsWidth + 1, v.vt.getTerminalSize().getColumns());
            assertThat(grads).startsWith(label);
            GradientCheck.Entry e = check.entries().get(k);
            String fmt = "%." + (digits - 1) + "e";
            assertThat(grads).contains(f(fmt, e.numeric()), f(fmt, e.chainRule()), f("%.1e", e.absoluteError()),
                    f("%.1e", e.predicted().total()));
            assertThat(grads).contains(e.verdict() == GradientCheck.Verdict.BAD ? "BAD" : e.verdict().id());
        }
        Forward fw = t.forward();
        int header = v.findRow("x1 x2", 0, 10);
        assertThat(header).isPositive();
        for (int r = 0; r < 4; r++) {
            String line = v.row(header + 1 + r, 0, 32);
            double target = c.dataset().target(r);
            assertThat(line).startsWith(f(" %d  %d    %d", (int) Dataset.input(r, 0), (int) Dataset.input(r, 1), (int) target));
            assertThat(line).contains(f("%.4f", fw.output[r]));
            boolean learned = Math.abs(fw.output[r] - target) < 0.1; // the one rule: within 0.1 of the target
            assertThat(line).contains(learned ? "✓ yes" : "✗ no");
        }
    }

    @Test
    void at80x24EveryPanelShowsTheEnginesNumbers() throws Exception {
        Config c = Preset.TEXTBOOK.defaults();
        VirtualScreen v = new VirtualScreen(80, 24).draw(snapshotAfter(c, 0), UiState.initial(), COLOUR);
        String top = v.row(0);
        assertThat(top).contains("epoch 0", "paused", "method: chain rule");
        // the network and its numeric difference, then the run's settings
        assertThat(v.row(1)).contains("network 2-2-1", "hidden sigmoid", "squared error", "XOR", "numeric: forward",
                "ε 0.0001");
        assertThat(v.row(2)).contains("speed 1,000/s set", "lr 2", "preset textbook", "seed 1");
        assertThat(v.text()).contains("Weights & biases", "Gradients", "Truth table: XOR", "Loss");
        assertPanelsMatchEngine(v, c, 0, 23, 5);
        assertThat(v.row(23)).contains("space run/pause", "n step", "m method", "? help", "q quit");
        assertThat(v.row(22)).contains("paused at epoch 0");
    }

    @Test
    void after500EpochsOfTheReferencePresetNumericCentral() throws Exception {
        Config c = Preset.REFERENCE.defaults().withDifference(Difference.CENTRAL);
        Snapshot s = snapshotAfter(c, 500);
        VirtualScreen v = new VirtualScreen(80, 24).draw(s, UiState.initial(), COLOUR);
        assertThat(v.row(0)).contains("epoch 500", "method: numeric (central)");
        assertThat(v.row(1)).contains("network 2-2-1", "hidden relu", "cross-entropy", "central");
        assertThat(v.row(2)).contains("lr 0.03");
        assertPanelsMatchEngine(v, c, 500, 23, 5);
        int lossRow = v.findRow("now ", 33, 80, StatusPanel.ROWS); // below the status rows
        assertThat(v.row(lossRow)).contains("now " + new java.math.BigDecimal(s.loss())
                .round(new java.math.MathContext(6)).toPlainString());
    }

    @Test
    void at120x40MoreDigitsAndTheFullReason() throws Exception {
        Config c = Preset.TEXTBOOK.defaults();
        VirtualScreen v = new VirtualScreen(120, 40).draw(snapshotAfter(c, 200), UiState.initial(), COLOUR);
        assertPanelsMatchEngine(v, c, 200, 34, 6);
        assertThat(v.text()).contains("one-sided O(ε)", "last step", "numeric (nudge by ε) vs chain rule (backprop)");
        assertThat(v.row(39)).contains("q quit");
    }

    @Test
    void tooSmallSaysWhatItNeedsAndComesBack() throws Exception {
        Snapshot s = snapshotAfter(Preset.TEXTBOOK.defaults(), 0);
        VirtualScreen v = new VirtualScreen(40, 12).draw(s, UiState.initial(), COLOUR);
        assertThat(v.text()).contains("terminal too small:", "need 80×24, have 40×12").doesNotContain("epoch");
        v.vt.setTerminalSize(new TerminalSize(79, 24));
        v.screen.doResizeIfNecessary();
        v.draw(s, UiState.initial(), COLOUR);
        assertThat(v.text()).contains("terminal too small: need 80×24, have 79×24");
        v.vt.setTerminalSize(new TerminalSize(80, 24));
        v.screen.doResizeIfNecessary();
        v.draw(s, UiState.initial(), COLOUR);
        assertThat(v.text()).contains("epoch 0").doesNotContain("too small");
        v.vt.setTerminalSize(new TerminalSize(10, 3));
        v.screen.doResizeIfNecessary();
        v.draw(s, UiState.initial(), COLOUR); // never throws, however small
        assertThat(v.text()).contains("need");
    }

    @Test
    void noColourIsMonochromeAndStillSaysRightAndWrong() throws Exception {
        Snapshot s = snapshotAfter(Preset.TEXTBOOK.defaults(), 0);
        Theme mono = new Theme(false, false);
        VirtualScreen v = new VirtualScreen(80, 24).draw(s, UiState.initial().withOverlay(UiState.Overlay.NONE), mono);
        for (int r = 0; r < 24; r++) {
            for (int col = 0; col < 80; col++) {
                TextCharacter ch = v.cell(col, r);
                assertThat(ch.getForegroundColor()).as("fg at %d,%d", col, r).isEqualTo(TextColor.ANSI.DEFAULT);
                assertThat(ch.getBackgroundColor()).as("bg at %d,%d", col, r).isEqualTo(TextColor.ANSI.DEFAULT);
            }
        }
        assertThat(v.text()).contains("✗ no", "expected");
        VirtualScreen learned = new VirtualScreen(80, 24).draw(snapshotAfter(Preset.TEXTBOOK.defaults(), 5000),
                UiState.initial(), mono);
        assertThat(learned.text()).contains("✓ yes");
    }

    @Test
    void asciiDrawsOnlyAsciiEvenWithHelpOpen() throws Exception {
        Config c = Preset.TEXTBOOK.defaults();
        Theme ascii = new Theme(true, true);
        for (UiState ui : new UiState[] {UiState.initial(), UiState.initial().withOverlay(UiState.Overlay.HELP)}) {
            VirtualScreen v = new VirtualScreen(80, 24).draw(snapshotAfter(c, 300), ui, ascii);
            for (String row : v.rows()) {
                assertThat(row.chars().allMatch(ch -> ch >= 32 && ch < 127)).as("ASCII only: %s", row).isTrue();
            }
            assertThat(v.row(0)).contains("epoch 300");
        }
        assertThat(new VirtualScreen(80, 24).draw(snapshotAfter(c, 0), UiState.initial(), ascii).text())
                .contains("x1->h1", "eps 0.0001", "x no");
        assertThat(new VirtualScreen(80, 24).draw(snapshotAfter(c, 5000), UiState.initial(), ascii).text())
                .contains("+ yes");
        // nothing cut off: every verdict ends in a whole word, the truth table's note is whole
        VirtualScreen plain = new VirtualScreen(80, 24).draw(snapshotAfter(c, 3), UiState.initial(), ascii);
        for (int r = 5; r < 14; r++) {
            assertThat(plain.row(r).stripTrailing()).matches(".*(good|expected|BAD)$");
        }
        // y^ is a character wider than ŷ: the legend says the rule whole, with a space before the rule beside it
        assertThat(plain.row(plain.findRow("learned: ", 0, 32), 0, 32)).isEqualTo("learned: within 0.1 of target   ");
        VirtualScreen small = new VirtualScreen(50, 10).draw(snapshotAfter(c, 0), UiState.initial(), ascii);
        assertThat(small.text()).contains("need 80x24, have 50x10");
    }

    @Test
    void theSelectedRowIsReversedInBothTables() throws Exception {
        Config c = Preset.TEXTBOOK.defaults();
        VirtualScreen v = new VirtualScreen(80, 24).draw(snapshotAfter(c, 0), UiState.initial().select(2, 9), COLOUR);
        int row = v.findRow("x2→h1", 0, 23);
        assertThat(v.cell(1, row).getModifiers()).contains(SGR.REVERSE);
        assertThat(v.cell(40, row).getModifiers()).contains(SGR.REVERSE);
        for (int col : new int[] {0, 10, 20, 22, 24, 30, 36, 50, 60, 79}) { // every gap between columns, to both ends
            assertThat(v.cell(col, row).getModifiers()).as("column %d", col).contains(SGR.REVERSE);
        }
        assertThat(v.cell(23, row).getModifiers()).as("the rule between the tables").doesNotContain(SGR.REVERSE);
        VirtualScreen wide = new VirtualScreen(120, 40).draw(snapshotAfter(c, 0), UiState.initial().select(2, 9), COLOUR);
        int wideRow = wide.findRow("x2→h1", 0, 119);
        assertThat(wide.row(wideRow).stripTrailing()).as("room after the verdict").hasSizeLessThan(119);
        assertThat(wide.cell(119, wideRow).getForegroundColor()).as("the highlight after the verdict is plain, not the verdict's colour")
                .isEqualTo(com.googlecode.lanterna.TextColor.ANSI.DEFAULT);
        assertThat(wide.cell(119, wideRow).getModifiers()).contains(SGR.REVERSE);
        assertThat(v.cell(1, row - 1).getModifiers()).doesNotContain(SGR.REVERSE);
    }

    @Test
    void manyParametersScrollToKeepTheSelectionInView() throws Exception {
        Config c = Preset.TEXTBOOK.defaults().withHidden(8); // 33 parameters, more than fit at 80×24
        VirtualScreen v = new VirtualScreen(80, 24).draw(snapshotAfter(c, 0), UiState.initial().select(32, 33), COLOUR);
        assertThat(v.findRow("b y ", 0, 23)).isPositive();
        assertThat(v.findRow("x1→h1 ", 0, 23)).isNegative();
        assertThat(v.row(23)).contains("q quit");
    }

    @Test
    void helpListsEveryKeyFromTheTable() throws Exception {
        LabOptions local = LabOptions.defaults().withSaveDirectory(java.nio.file.Path.of("")); // a lab that writes files
        VirtualScreen v = new VirtualScreen(100, 40).draw(snapshotAfter(Preset.TEXTBOOK.defaults(), 0),
                UiState.initial().withOverlay(UiState.Overlay.HELP), COLOUR, local);
        for (Keymap.Binding b : Keymap.BINDINGS) {
            assertThat(v.text()).contains(b.description());
        }
        assertThat(v.text()).contains("Esc closes", "pause", "quit");
        VirtualScreen tall = new VirtualScreen(100, 60).draw(snapshotAfter(Preset.TEXTBOOK.defaults(), 0),
                UiState.initial().withOverlay(UiState.Overlay.HELP), COLOUR);
        assertThat(tall.text()).contains("learned = every output within 0.1 of its target",
                "stuck = not learned, and no 0.1% better loss in 5,000 epochs",
                "A Beginner's Guide to Backpropagation", "github.com/623637719/The-Democratization-of-AI");
        // at 80×24 one column is too tall: two columns with every key and the head of its description
        VirtualScreen small = new VirtualScreen(80, 24).draw(snapshotAfter(Preset.TEXTBOOK.defaults(), 0),
                UiState.initial().withOverlay(UiState.Overlay.HELP), COLOUR, local);
        for (Keymap.Binding b : Keymap.BINDINGS) {
            assertThat(small.text()).contains(b.label(false) + " ".repeat(2)).contains(b.brief());
        }
        assertThat(small.text()).contains("? again: what the words mean; Esc closes", "pause", "quit");
        // and the legend on the help's second page
        VirtualScreen legend = new VirtualScreen(80, 24).draw(snapshotAfter(Preset.TEXTBOOK.defaults(), 0),
                UiState.initial().withOverlay(UiState.Overlay.LEGEND), COLOUR);
        assertThat(legend.text()).contains("What the words mean", "learned = every output within 0.1 of its target",
                "github.com/623637719/The-Democratization-of-AI");
    }

    @Test
    void aWatchersFooterAndHelpOfferOnlyTheScreenKeys() throws Exception {
        LabOptions watcher = new LabOptions(true, false, true, "Shared lab, ada drives");
        Snapshot s = snapshotAfter(Preset.TEXTBOOK.defaults(), 0);
        for (int[] size : new int[][] {{80, 24}, {200, 40}}) {
            String footer = new VirtualScreen(size[0], size[1]).draw(s, UiState.initial(), COLOUR, watcher).row(size[1] - 1);
            assertThat(footer).contains("? help", "q quit", "Enter explain")
                    .doesNotContain("run/pause", "step", "method", "speed", "restart", "save", "export");
        }
        String help = new VirtualScreen(100, 40).draw(s, UiState.initial().withOverlay(UiState.Overlay.HELP), COLOUR,
                watcher).text();
        assertThat(help).contains("watching a shared lab: only the screen keys work here", "quit",
                "explain the selected row", "the output surface");
        assertThat(help).doesNotContain("run / pause training", "one epoch", "learning rate up", "restart, new random seed",
                "next gate", "save the parameters", "export the loss history");
        String small = new VirtualScreen(80, 24).draw(s, UiState.initial().withOverlay(UiState.Overlay.HELP), COLOUR,
                watcher).text();
        assertThat(small).contains("watching a shared lab").doesNotContain("run / pause training", "one epoch")
                .contains("explain the selected row" + " ".repeat(2)); // a head that fits, not a description cut off
        String notes = new VirtualScreen(80, 24).draw(s, UiState.initial(), COLOUR, watcher).row(22);
        assertThat(notes).contains("paused at epoch 0: the driver runs it").doesNotContain("space runs", "n steps");
    }

    @Test
    void aLabThatWritesNoFilesOffersNoFileKeys() throws Exception {
        Snapshot s = snapshotAfter(Preset.TEXTBOOK.defaults(), 0);
        String wide = new VirtualScreen(200, 40).draw(s, UiState.initial(), COLOUR, LabOptions.defaults()).row(39);
        assertThat(wide).contains("space run/pause", "n step").doesNotContain("w save", "e export");
        String withFiles = new VirtualScreen(200, 40).draw(s, UiState.initial(), COLOUR,
                LabOptions.defaults().withSaveDirectory(java.nio.file.Path.of(""))).row(39);
        assertThat(withFiles).contains("w save", "e export");
        String help = new VirtualScreen(100, 40).draw(s, UiState.initial().withOverlay(UiState.Overlay.HELP), COLOUR,
                LabOptions.defaults()).text();
        assertThat(help).contains("run / pause training").doesNotContain("save the parameters", "export the loss history");
    }

    @Test
    void divergedAndLearnedAreSaid() throws Exception {
        Config c = Preset.TEXTBOOK.defaults();
        Snapshot base = snapshotAfter(c, 0);
        Snapshot diverged = new Snapshot(1, 12, c, "textbook", base.parameters(), base.lastStep(), Double.NaN,
                base.pass(), base.check(), base.history(), false, Outcome.DIVERGED, Speed.DEFAULT, 0,
                "diverged at epoch 12: the loss is no longer a number", null);
        VirtualScreen v = new VirtualScreen(80, 24).draw(diverged, UiState.initial(), COLOUR);
        assertThat(v.row(0)).contains("DIVERGED");
        assertThat(v.row(22)).contains("diverged at epoch 12");
        assertThat(v.text()).contains("now NaN");
        Snapshot learned = snapshotAfter(c, 5000);
        assertThat(learned.learned()).isTrue();
        VirtualScreen lv = new VirtualScreen(80, 24).draw(learned, UiState.initial(), COLOUR);
        assertThat(lv.row(0)).contains("learned");
        boolean oneSidedOff = learned.check().entries().stream().anyMatch(e -> e.relativeError() > 1e-4
                && e.reason() == GradientCheck.Reason.ONE_SIDED);
        assertThat(lv.row(22)).contains(oneSidedOff ? "as predicted" : "learned");
    }

    /** At every width the gradients table's headings stand apart, each over its own column ("predicteverdict" at 100 once). */
    @Test
    void theGradientHeadingsNeverRunTogether() throws Exception {
        Snapshot s = snapshotAfter(Preset.TEXTBOOK.defaults(), 10);
        java.util.regex.Pattern headings = java.util.regex.Pattern.compile(
                "param +numeric +chain rule +differ +(predicted|pred\\.) +verdict");
        for (int width = 80; width <= 240; width++) {
            String text = new VirtualScreen(width, 30).draw(s, UiState.initial(), COLOUR).text();
            String header = text.lines().filter(l -> l.contains("numeric") && l.contains("chain rule") && !l.contains("─"))
                    .findFirst().orElseThrow(() -> new AssertionError("no gradient headings on\n" + text));
            assertThat(header).as("width %d", width).containsPattern(headings);
        }
    }
    /**
     * A lab started from a saved file says so where the seed stands, as train's "start" line does:
     * the file and the epochs it was saved after where they fit, the file alone where they do not,
     * never a seed (the parameters did not come from one).
     */
    @Test
    void theSettingsRowSaysWhereASavedStartCameFrom() throws Exception {
        double[] saved = snapshotAfter(Preset.TEXTBOOK.defaults(), 3).parameters();
        Config c = Preset.TEXTBOOK.defaults().withInit(saved);
        Snapshot s = snapshotAfter(c, 0);
        LabOptions o = LabOptions.defaults().withSavedStart(new ParametersFile.Origin("r.json", 9956L));
        String wide = new VirtualScreen(120, 30).draw(s, UiState.initial(), COLOUR, o).row(2);
        assertThat(wide).contains("· start r.json, saved after 9,956 epochs").doesNotContain("seed");
        String narrow = new VirtualScreen(80, 24).draw(s, UiState.initial(), COLOUR, o).row(2);
        assertThat(narrow.strip()).endsWith("start r.json").doesNotContain("saved after", "seed");
        // not told where it came from (a served lab): said as a saved start, not as a seed
        String untold = new VirtualScreen(120, 30).draw(s, UiState.initial(), COLOUR).row(2);
        assertThat(untold.strip()).endsWith("start saved").doesNotContain("seed");
        // the name w gives a file is too long for 80 columns beside the rest: "saved", never cut
        LabOptions lab = LabOptions.defaults().withSavedStart(new ParametersFile.Origin("backprop-lab-params-500.json", 500L));
        String w = new VirtualScreen(80, 24).draw(s, UiState.initial(), COLOUR, lab).row(2).strip();
        assertThat(w).endsWith("start saved").contains("preset textbook");
    }

    /**
     * A learning rate saved while adapting has all 17 digits (6.583950091294267E-4): four are
     * shown, rounded, as while adapting, and the row still ends whole at 80 columns.
     */
    @Test
    void aLongLearningRateIsShownToFourDigitsAndTheRowFits() throws Exception {
        double[] saved = snapshotAfter(Preset.TEXTBOOK.defaults(), 3).parameters();
        Config c = Preset.TEXTBOOK.defaults().withLearningRate(6.583950091294267E-4).withInit(saved);
        Snapshot s = snapshotAfter(c, 0);
        LabOptions o = LabOptions.defaults().withSavedStart(new ParametersFile.Origin("r.json", 9956L));
        String row = new VirtualScreen(80, 24).draw(s, UiState.initial(), COLOUR, o).row(2).strip();
        assertThat(row).startsWith("lr 0.0006584 ").endsWith("start r.json").doesNotContain("0.00065839");
        String typed = new VirtualScreen(80, 24).draw(snapshotAfter(Preset.TEXTBOOK.defaults().withLearningRate(0.03), 0),
                UiState.initial(), COLOUR).row(2);
        assertThat(typed).startsWith("lr 0.03 ");
    }
}
