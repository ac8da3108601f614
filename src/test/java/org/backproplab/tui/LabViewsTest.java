package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.backproplab.grad.Explanation;
import org.backproplab.io.ParametersFile;
import org.backproplab.nn.Activation;
import org.backproplab.nn.Dataset;
import org.backproplab.train.Preset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The teaching keys on a whole lab (virtual terminal, real trainer): Enter, c, s, a, g, u, i, w, e. */
class LabViewsTest extends LabHarness {
    @TempDir
    Path dir;

    @Test
    void enterExplainsTheSelectedRowLiveAndEscClosesIt() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        vt.addInput(new KeyStroke(KeyType.ArrowDown));
        vt.addInput(new KeyStroke(KeyType.Enter));
        await("the trainer explains w_x1_h2", () -> trainer.snapshot().lesson().explanation("w_x1_h2") != null);
        Explanation e = trainer.snapshot().lesson().explanation("w_x1_h2");
        await("the overlay shows it", () -> screen().contains("Explain ∂L/∂θ for x1→h2")
                && screen().contains("w_x1_h2 + ε = " + e.numeric().nudgedValue()));
        key('n'); // live: one more epoch, new numbers
        await("it follows the run", () -> trainer.snapshot().epoch() == 1 && screen().contains("w_x1_h2 + ε = "
                + trainer.snapshot().lesson().explanation("w_x1_h2").numeric().nudgedValue()));
        vt.addInput(new KeyStroke(KeyType.Escape));
        await("Esc closes it", () -> !screen().contains("Explain ∂L/∂θ"));
        await("and the trainer stops explaining", () -> trainer.snapshot().lesson().explanations().isEmpty());
    }

    @Test
    void cShowsTheCostMeasuredInTheBackgroundAndSTheSurface() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        key('c');
        await("the cost view", () -> screen().contains("1 + P = 10 forward passes"));
        await("measured", () -> lab.uiState().cost() != null && !lab.uiState().cost().measuring()
                && !screen().contains("measuring") && screen().matches("(?s).*[0-9],[0-9]{3}.*vs chain rule.*"));
        key('c');
        await("c goes back", () -> screen().contains("Weights & biases"));
        key('s');
        await("the surface", () -> screen().contains("What the network learned")
                && trainer.snapshot().lesson().surfaces().size() == 1);
        vt.addInput(new KeyStroke(KeyType.Escape));
        await("Esc goes back", () -> screen().contains("Weights & biases")
                && trainer.snapshot().lesson().surfaces().isEmpty());
    }

    @Test
    void gUIChangeTheExperimentAndKeepThePanelsRight() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        key('n');
        await("epoch 1", () -> trainer.snapshot().epoch() == 1);
        key('g');
        await("and gate, from epoch 0", () -> trainer.snapshot().config().dataset() == Dataset.AND
                && trainer.snapshot().epoch() == 0 && screen().contains("Truth table: AND"));
        key('u');
        await("three hidden units", () -> trainer.snapshot().parameterCount() == 13 && screen().contains("x1→h3"));
        key('u');
        key('u');
        await("back to one", () -> trainer.snapshot().config().hidden() == 1 && !screen().contains("h2"));
        key('i');
        await("tanh", () -> trainer.snapshot().config().activation() == Activation.TANH);
        assertThat(trainer.snapshot().config().seed()).isEqualTo(Preset.TEXTBOOK.defaults().seed());
    }

    /** Started with --hidden 8, u goes 1, 2, ... and comes back to 8, not only up to 4. */
    @Test
    void uComesBackToTheHiddenUnitsTheLabStartedWith() throws Exception {
        start(LabOptions.defaults(), 1_000_000_000L / Lab.FPS, Preset.TEXTBOOK.defaults().withHidden(8));
        await("first frame", () -> screen().contains("network 2-8-1"));
        key('u');
        await("one hidden unit", () -> trainer.snapshot().config().hidden() == 1 && screen().contains("network 2-1-1"));
        for (int h = 2; h <= 8; h++) {
            key('u');
            int expected = h;
            await(h + " hidden units", () -> trainer.snapshot().config().hidden() == expected
                    && screen().contains("network 2-" + expected + "-1"));
        }
    }

    /** v opens the network drawn, 1-4 choose the row it shows, v or Esc goes back. */
    @Test
    void vDrawsTheNetworkAndTheDigitsChooseTheRow() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        key('v');
        await("the network view", () -> screen().contains("The network 2-2-1 on row 1 of 4 (x1=0, x2=0, target 0)"));
        key('4');
        await("row 4", () -> screen().contains("on row 4 of 4 (x1=1, x2=1, target 0)") && screen().contains("x1 = 1"));
        key('n');
        await("live: epoch 1 and its weights", () -> trainer.snapshot().epoch() == 1 && screen().contains(
                String.format(java.util.Locale.ROOT, "%+.4f", trainer.snapshot().parameter(0))));
        key('v');
        await("v goes back", () -> screen().contains("Weights & biases"));
    }

    /**
     * t pauses and traces the next epoch; n and → go on, ← back; Esc leaves and the epoch completes:
     * the parameters after it are the trace's, the doubles one epoch of training gives.
     */
    @Test
    void tTracesTheNextEpochAndEscCompletesItAsTraced() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        key('t');
        await("the trace", () -> trainer.snapshot().lesson().trace() != null && screen().contains("Trace, chain rule: step 1 of"));
        org.backproplab.train.EpochTrace trace = trainer.snapshot().lesson().trace();
        assertThat(trace.before()).containsExactly(Preset.TEXTBOOK.defaults().initialParameters());
        key('n');
        vt.addInput(new KeyStroke(KeyType.ArrowRight));
        await("step 3", () -> screen().contains("step 3 of " + trace.steps().size()) && screen().contains("z_h2"));
        vt.addInput(new KeyStroke(KeyType.ArrowLeft));
        await("back to step 2", () -> screen().contains("step 2 of " + trace.steps().size()) && screen().contains("a_h1"));
        for (int i = 0; i < trace.steps().size(); i++) key('n');
        await("the last step: the update", () -> screen().contains("step " + trace.steps().size() + " of "));
        assertThat(trainer.snapshot().epoch()).isZero(); // stepping through the trace trains nothing
        vt.addInput(new KeyStroke(KeyType.Escape));
        await("Esc: the epoch done", () -> trainer.snapshot().epoch() == 1 && screen().contains("Weights & biases"));
        org.backproplab.train.Training one = new org.backproplab.train.Training(Preset.TEXTBOOK.defaults());
        one.step();
        assertThat(trainer.snapshot().parameters()).containsExactly(trace.after()).containsExactly(one.parameters());
        await("and the trainer stops tracing", () -> trainer.snapshot().lesson().trace() == null);
    }

    private void click(int col, int row) {
        vt.addInput(new com.googlecode.lanterna.input.MouseAction(com.googlecode.lanterna.input.MouseActionType.CLICK_DOWN,
                1, new com.googlecode.lanterna.TerminalPosition(col, row)));
        vt.addInput(new com.googlecode.lanterna.input.MouseAction(
                com.googlecode.lanterna.input.MouseActionType.CLICK_RELEASE, 1, new com.googlecode.lanterna.TerminalPosition(col, row)));
    }

    private int rowOf(String text) {
        String[] rows = screen().split("\n");
        for (int r = 0; r < rows.length; r++) if (rows[r].startsWith(text)) return r;
        return -1;
    }

    /**
     * The mouse: a click on a gradient row selects it and a second explains it; a click closes the
     * explanation; the wheel moves the selection; a click on a footer key does what the key does.
     */
    @Test
    void theMouseSelectsExplainsScrollsAndPressesFooterKeys() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        int row = rowOf("x2→h2");
        assertThat(row).isPositive();
        click(40, row); // in the gradients table
        await("x2→h2 selected", () -> lab.uiState().selected() == 3);
        click(40, row);
        await("explained", () -> screen().contains("Explain ∂L/∂θ for x2→h2"));
        click(5, 5);
        await("the click closed it", () -> !screen().contains("Explain ∂L/∂θ"));
        vt.addInput(new com.googlecode.lanterna.input.MouseAction(com.googlecode.lanterna.input.MouseActionType.SCROLL_DOWN,
                5, new com.googlecode.lanterna.TerminalPosition(40, row)));
        await("the wheel moved the selection", () -> lab.uiState().selected() == 4);
        click(3, rowOf("b y")); // in the weights table
        await("b y selected", () -> lab.uiState().selected() == 8);
        int footer = 23;
        int at = screen().split("\n")[footer].indexOf("n step");
        click(at + 2, footer);
        await("the footer's n: one epoch", () -> trainer.snapshot().epoch() == 1);
    }

    @Test
    void aAdaptsTheLearningRate() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        key('a');
        await("adapting", () -> trainer.snapshot().lesson().adapting() && screen().contains("adapting"));
        for (int i = 0; i < 5; i++) key('n');
        await("η moved", () -> trainer.snapshot().epoch() == 5
                && trainer.snapshot().config().learningRate() != Preset.TEXTBOOK.defaults().learningRate());
        key('a');
        await("off", () -> !trainer.snapshot().lesson().adapting());
    }

    @Test
    void wAndEWriteNewFilesAndSayWhere() throws Exception {
        start(LabOptions.defaults().withSaveDirectory(dir));
        await("first frame", () -> screen().contains("epoch 0"));
        for (int i = 0; i < 3; i++) key('n');
        await("epoch 3", () -> trainer.snapshot().epoch() == 3);
        key('w');
        Path params = dir.resolve("backprop-lab-params-3.json");
        await("written and named", () -> Files.exists(params) && screen().contains("backprop-lab-params-3.json"));
        assertThat(ParametersFile.read(params, trainer.snapshot().config().architecture()))
                .containsExactly(trainer.snapshot().parameters());
        key('w');
        await("never overwriting", () -> Files.exists(dir.resolve("backprop-lab-params-3-1.json")));
        key('e');
        Path csv = dir.resolve("backprop-lab-loss-3.csv");
        await("history written", () -> Files.exists(csv) && screen().contains("backprop-lab-loss-3.csv"));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(1)).isEqualTo("epoch,loss");
        assertThat(lines).hasSize(2 + 3 + 1); // the comment, the header, epochs 0..2, the loss now at 3
        assertThat(Double.parseDouble(lines.get(2).split(",")[1])).isEqualTo(trainer.snapshot().history().value(0));
        assertThat(lines.get(5)).isEqualTo("3," + trainer.snapshot().loss()); // as train --history ends
    }

    @Test
    void aWriteErrorIsShownNotThrown() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        start(LabOptions.defaults().withSaveDirectory(file));
        await("first frame", () -> screen().contains("epoch 0"));
        key('w');
        await("says why", () -> screen().contains("could not write the parameters"));
        assertThat(thread.isAlive()).isTrue();
    }

    @Test
    void aLabThatWritesNoFilesAndAWatcherSayWhy() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        key('w');
        await("no files here", () -> screen().contains("this lab writes no files"));
        lab.stop();
        thread.join(2000);
        trainer.close();
        vt.addInput(new KeyStroke('x', false, false));
        start(new LabOptions(true, false, true, "shared", dir));
        await("first frame", () -> screen().contains("shared"));
        key('e');
        key('g');
        await("watchers cannot", () -> screen().contains("watching a shared lab"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(trainer.snapshot().config().dataset()).isEqualTo(Dataset.XOR);
    }
}
