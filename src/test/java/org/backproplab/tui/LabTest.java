package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import org.backproplab.grad.Difference;
import org.backproplab.train.Method;
import org.backproplab.train.Speed;
import org.junit.jupiter.api.Test;

/** A whole lab on a virtual terminal: keys in, trainer commands and frames out. */
class LabTest extends LabHarness {
    @Test
    void keysDriveTheTrainerAndTheScreenFollows() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        key('n');
        await("n steps one epoch", () -> trainer.snapshot().epoch() == 1 && screen().contains("epoch 1 "));
        vt.addInput(new KeyStroke(KeyType.ArrowRight));
        await("→ steps too", () -> trainer.snapshot().epoch() == 2);
        key('m');
        await("m switches to numeric", () -> screen().contains("method: numeric (forward)"));
        key('d');
        await("d switches to central", () -> screen().contains("method: numeric (central)"));
        assertThat(trainer.snapshot().config().difference()).isEqualTo(Difference.CENTRAL);
        key('m');
        await("m back to chain rule", () -> trainer.snapshot().config().method() == Method.CHAIN);
        key(']');
        await("] raises lr", () -> screen().contains("lr 5 "));
        key('[');
        key('[');
        await("[ lowers lr", () -> screen().contains("lr 1 "));
        key('-');
        await("- slows", () -> trainer.snapshot().speed() == Speed.S300);
        key('+');
        key('+');
        await("+ speeds up", () -> screen().contains("speed 3,000/s set"));
        key(' ');
        await("space runs", () -> trainer.snapshot().running() && trainer.snapshot().epoch() > 100);
        key(' ');
        await("space pauses", () -> !trainer.snapshot().running() && screen().contains("paused"));
        key('R');
        await("R restarts", () -> trainer.snapshot().epoch() == 0 && screen().contains("epoch 0 "));
        key('r');
        await("r draws a new seed", () -> trainer.snapshot().config().seed() != 1);
        assertThat(failure.get()).isNull();
    }

    /** The number after "epoch " on the status line, as drawn. */
    private long epochOnScreen() {
        String line = screen().lines().filter(l -> l.contains("epoch ")).findFirst().orElseThrow();
        String digits = line.substring(line.indexOf("epoch ") + 6).split(" ")[0].replace(",", "");
        return Long.parseLong(digits);
    }

    @Test
    void aKeyIsDrawnAtOnceWhileAnimationKeepsItsFrameRate() throws Exception {
        // one animation frame a minute: a key answered within await's few seconds did not wait for one
        long aMinute = 60_000_000_000L;
        start(LabOptions.defaults(), aMinute);
        await("first frame", () -> screen().contains("epoch 0"));
        key('?');
        await("? draws the help box", () -> screen().contains("Keys in short"));
        vt.addInput(new KeyStroke(KeyType.Escape));
        await("Esc closes it", () -> !screen().contains("Keys in short"));
        key('n');
        await("n: the trainer's answer, epoch 1, is drawn", () -> screen().contains("epoch 1 "));

        key(' ');
        await("space: running", () -> screen().contains("running"));
        Thread.sleep(300); // past the answer to the key: now only animation frames, one a minute
        long shown = epochOnScreen();
        Thread.sleep(300);
        assertThat(trainer.snapshot().epoch()).as("the trainer runs on").isGreaterThan(shown);
        assertThat(epochOnScreen()).as("no animation frame before its slot").isEqualTo(shown);
        key('l');
        await("a key draws the newest snapshot at once", () -> screen().contains("log scale") && epochOnScreen() > shown);
    }

    @Test
    void screenKeysChangeOnlyThisScreen() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        vt.addInput(new KeyStroke(KeyType.ArrowDown));
        vt.addInput(new KeyStroke(KeyType.ArrowDown));
        await("↓ selects", () -> lab.uiState().selected() == 2);
        vt.addInput(new KeyStroke(KeyType.ArrowUp));
        await("↑ selects", () -> lab.uiState().selected() == 1);
        key('l');
        await("l: log scale", () -> screen().contains("log scale"));
        key('?');
        await("? opens help", () -> screen().contains("Keys in short (? again: what the words mean; Esc closes)"));
        vt.addInput(new KeyStroke(KeyType.Escape));
        await("Esc closes it", () -> !screen().contains("Keys in short"));
        key('?');
        await("? again", () -> screen().contains("Keys in short"));
        key('?');
        await("? the second page: the legend", () -> screen().contains("What the words mean")
                && screen().contains("learned = every output within 0.1"));
        key('?');
        await("? the last page: the reasons", () -> screen().contains("What the reasons mean")
                && screen().contains("lost in rounding") && !screen().contains("What the words mean"));
        key('?');
        await("? closes", () -> !screen().contains("What the reasons mean") && !screen().contains("Keys in short"));
        assertThat(trainer.snapshot().epoch()).isZero();
    }

    @Test
    void qEndsRunAndCtrlCToo() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        key('q');
        thread.join(2000);
        assertThat(thread.isAlive()).isFalse();
        assertThat(failure.get()).isNull();

        DefaultVirtualTerminal vt2 = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        Thread t2 = runOnItsOwnThread(new Lab(vt2, trainer, LabOptions.defaults()));
        Thread.sleep(100);
        vt2.addInput(new KeyStroke('c', true, false));
        t2.join(2000);
        assertThat(t2.isAlive()).as("Ctrl-C quits").isFalse();
    }

    @Test
    void stopFromAnotherThreadEndsRunPromptly() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        long t0 = System.nanoTime();
        lab.stop();
        thread.join(2000);
        assertThat(thread.isAlive()).isFalse();
        assertThat((System.nanoTime() - t0) / 1e6).isLessThan(500);
    }

    @Test
    void aWatcherCannotDriveASharedTrainer() throws Exception {
        start(new LabOptions(true, false, true, "shared lab"));
        await("first frame", () -> screen().contains("shared lab"));
        key(' ');
        key('n');
        await("says why", () -> screen().contains("watching a shared lab"));
        Thread.sleep(50);
        assertThat(trainer.snapshot().epoch()).isZero();
        assertThat(trainer.snapshot().running()).isFalse();
        vt.addInput(new KeyStroke(KeyType.ArrowDown));
        await("but may look around", () -> lab.uiState().selected() == 1);
    }

    @Test
    void resizingBelowTheMinimumAndBack() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        vt.setTerminalSize(new TerminalSize(40, 12));
        await("too small", () -> screen().contains("terminal too small"));
        vt.setTerminalSize(new TerminalSize(100, 30));
        await("back", () -> screen().contains("epoch 0") && !screen().contains("too small"));
        assertThat(failure.get()).isNull();
    }

    @Test
    void manyLabsMayWatchOneTrainer() throws Exception {
        start(LabOptions.defaults());
        DefaultVirtualTerminal other = new DefaultVirtualTerminal(new TerminalSize(120, 40));
        Lab watcher = new Lab(other, trainer, new LabOptions(false, true, true, null));
        Thread t = runOnItsOwnThread(watcher);
        key('n');
        key('n');
        key('n');
        await("both screens show epoch 3", () -> screen().contains("epoch 3 ") && VirtualScreenText.screen(other).contains("epoch 3 "));
        watcher.stop();
        t.join(2000);
        assertThat(t.isAlive()).isFalse();
    }
}
