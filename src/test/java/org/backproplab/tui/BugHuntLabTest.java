package org.backproplab.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import org.backproplab.grad.PlantedBug;
import org.junit.jupiter.api.Test;

/** The bug hunt (b, B) and the ε study (E) in a whole lab, keys in and screen out. */
class BugHuntLabTest extends LabHarness {

    private String statusLine() {
        return screen().lines().findFirst().orElseThrow();
    }

    @Test
    void bPlantsABugThatTrainsOnAndIsNamed() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        key('b');
        await("a bug is planted, and the status line says so",
                () -> trainer.snapshot().config().plantedBug() != null && statusLine().contains("a bug is planted"));
        PlantedBug bug = trainer.snapshot().config().plantedBug();
        await("the notes say what to do", () -> screen().contains("bug hunt: which rows read bad?"));
        assertThat(screen()).doesNotContain(bug.id()); // never said which
        key('n');
        key('n');
        await("it trains on with the bug", () -> trainer.snapshot().epoch() == 2
                && trainer.snapshot().config().plantedBug() == bug);
        key('b');
        await("b again asks which it is", () -> screen().contains("which bug is it?"));
        key((char) ('1' + bug.ordinal()));
        await("the answer: right, and the difference it made", () -> screen().contains("Right: it was " + bug.id() + ".")
                && screen().contains("The difference it made") && screen().contains("It trained 2 epochs with the bug"));
        assertThat(trainer.snapshot().config().plantedBug()).as("the bug is out").isNull();
        await("and the status line no longer says so", () -> !statusLine().contains("a bug is planted"));
        vt.addInput(new KeyStroke(KeyType.Escape));
        await("Esc closes the answer", () -> screen().contains("Weights & biases"));
        assertThat(failure.get()).isNull();
    }

    @Test
    void aWrongNameIsSaidAndBGivesUp() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        key('b');
        await("planted", () -> trainer.snapshot().config().plantedBug() != null);
        PlantedBug bug = trainer.snapshot().config().plantedBug();
        PlantedBug other = PlantedBug.values()[(bug.ordinal() + 1) % PlantedBug.values().length];
        key('b');
        await("asked", () -> screen().contains("which bug is it?"));
        key((char) ('1' + other.ordinal()));
        await("not that one", () -> screen().contains("Not that one: you named " + other.id() + ", it was " + bug.id()));
        vt.addInput(new KeyStroke(KeyType.Escape));
        key('b');
        await("a new hunt", () -> trainer.snapshot().config().plantedBug() != null);
        PlantedBug second = trainer.snapshot().config().plantedBug();
        key('B');
        await("B gives up and says which it was", () -> screen().contains("You gave up: it was " + second.id()));
        assertThat(trainer.snapshot().config().plantedBug()).isNull();
        vt.addInput(new KeyStroke(KeyType.Escape));
        key('B');
        await("B with no hunt says so", () -> screen().contains("no bug hunt going on"));
    }

    @Test
    void aWatcherOfASharedLabSeesTheBugButCannotPlantOrNameIt() throws Exception {
        start(LabOptions.defaults());
        DefaultVirtualTerminal other = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        Lab watcher = new Lab(other, trainer, new LabOptions(true, false, true, "shared lab"));
        Thread t = runOnItsOwnThread(watcher);
        await("watcher's first frame", () -> VirtualScreenText.screen(other).contains("epoch 0"));
        VirtualScreenText.key(other, 'b');
        await("the watcher is told why not", () -> VirtualScreenText.screen(other).contains("watching a shared lab"));
        assertThat(trainer.snapshot().config().plantedBug()).isNull();
        key('b');
        await("the driver plants one, and the watcher sees that a bug is planted",
                () -> VirtualScreenText.screen(other).lines().findFirst().orElseThrow().contains("a bug is planted"));
        key('B');
        await("when the hunt ends the watcher reads how", () -> VirtualScreenText.screen(other).contains("bug hunt over"));
        watcher.stop();
        t.join(2000);
    }

    @Test
    void eStudiesTheSelectedParameterLive() throws Exception {
        start(LabOptions.defaults());
        await("first frame", () -> screen().contains("epoch 0"));
        vt.addInput(new KeyStroke(KeyType.ArrowDown));
        key('E');
        await("E: the ε study of x1→h2", () -> screen().contains("ε study of x1→h2") && screen().contains("best ε")
                && screen().contains("1e-13"));
        vt.addInput(new KeyStroke(KeyType.ArrowDown));
        await("↓: the next parameter's", () -> screen().contains("ε study of x2→h1") && screen().contains("best ε"));
        assertThat(trainer.snapshot().lesson().epsilonStudy("w_x2_h1")).isNotNull();
        key('n');
        await("live: it follows the run", () -> screen().contains("epoch 1 ") && screen().contains("ε study of x2→h1"));
        vt.addInput(new KeyStroke(KeyType.Escape));
        await("Esc goes back", () -> screen().contains("Weights & biases"));
        await("and the trainer stops studying", () -> trainer.snapshot().lesson().epsilonStudies().isEmpty());
    }
}
