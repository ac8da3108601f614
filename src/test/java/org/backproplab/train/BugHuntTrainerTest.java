package org.backproplab.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.Predicate;
import org.backproplab.grad.BuggyChainRule;
import org.backproplab.grad.ChainRule;
import org.backproplab.grad.GradientCheck;
import org.backproplab.grad.PlantedBug;
import org.backproplab.nn.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A bug planted in a run: training steps with it, the trainer hunts it, restarts keep it. */
class BugHuntTrainerTest {
    private Trainer trainer;

    @AfterEach
    void close() {
        if (trainer != null) trainer.close();
    }

    private Snapshot await(Predicate<Snapshot> p) throws InterruptedException {
        return Await.snapshot(trainer, p);
    }

    /** One epoch with a bug planted is θ − η·(the buggy gradient), worked out here from BuggyChainRule. */
    @Test
    void trainingStepsWithThePlantedBug() {
        Config c = Preset.TEXTBOOK.defaults().withPlantedBug(PlantedBug.NO_MEAN);
        Training t = new Training(c);
        double[] theta = c.initialParameters();
        double[] g = new double[theta.length];
        new BuggyChainRule(new Network(c.architecture(), c.dataset()), PlantedBug.NO_MEAN).gradient(theta, g);
        t.step();
        double[] after = t.parameters();
        for (int k = 0; k < theta.length; k++) {
            assertThat(after[k]).isEqualTo(theta[k] + -c.learningRate() * g[k]);
        }
        assertThat(t.plantedBug()).isEqualTo(PlantedBug.NO_MEAN);
        assertThat(t.check().plantedBug()).isEqualTo(PlantedBug.NO_MEAN);
        t.setPlantedBug(null);
        assertThat(t.check().plantedBug()).isNull();
        // the numeric method is not touched by a bug in the chain rule
        Training numeric = new Training(c.withMethod(Method.NUMERIC));
        Training right = new Training(c.withMethod(Method.NUMERIC).withPlantedBug(null));
        numeric.run(10);
        right.run(10);
        assertThat(numeric.parameters()).isEqualTo(right.parameters());
    }

    @Test
    void aHuntPlantsAtRandomKeepsItOverRestartsAndEndsWithWhatItDid() throws Exception {
        trainer = new Trainer(Preset.TEXTBOOK.defaults(), "test", new Random(42));
        trainer.start();
        trainer.submit(new Request.StartBugHunt());
        Snapshot planted = await(s -> s.config().plantedBug() != null);
        PlantedBug bug = planted.config().plantedBug();
        assertThat(planted.check().plantedBug()).isEqualTo(bug);
        trainer.submit(new Request.StartBugHunt()); // a second b while hunting plants nothing new
        trainer.submit(new Request.Step());
        trainer.submit(new Request.Step());
        trainer.submit(new Request.Step());
        await(s -> s.epoch() == 3);
        assertThat(trainer.snapshot().config().plantedBug()).isEqualTo(bug);
        trainer.submit(new Request.Restart(false));
        await(s -> s.epoch() == 0);
        assertThat(trainer.snapshot().config().plantedBug()).as("a restart keeps the hunt").isEqualTo(bug);
        trainer.submit(new Request.Step());
        trainer.submit(new Request.Step());
        Snapshot before = await(s -> s.epoch() == 2);
        PlantedBug guess = PlantedBug.values()[(bug.ordinal() + 1) % PlantedBug.values().length];
        trainer.submit(new Request.EndBugHunt(guess));
        Snapshot after = await(s -> s.lesson().hunt() != null);
        BugHunt h = after.lesson().hunt();
        assertThat(after.config().plantedBug()).isNull();
        assertThat(h.number()).isEqualTo(1);
        assertThat(h.bug()).isEqualTo(bug);
        assertThat(h.guess()).isEqualTo(guess);
        assertThat(h.right()).isFalse();
        assertThat(h.epochs()).isEqualTo(2);
        assertThat(h.lossAfter()).isEqualTo(before.loss());
        Network net = new Network(before.config().architecture(), before.config().dataset());
        double[] buggy = new double[before.parameterCount()];
        double[] correct = new double[before.parameterCount()];
        new BuggyChainRule(net, bug).gradient(before.parameters(), buggy);
        new ChainRule(net).gradient(before.parameters(), correct);
        assertThat(h.buggy()).isEqualTo(buggy);
        assertThat(h.correct()).isEqualTo(correct);
        assertThat(h.badRows()).isEqualTo(before.check().entries().stream()
                .filter(e -> e.verdict() == GradientCheck.Verdict.BAD).map(GradientCheck.Entry::name).toList());
        assertThat(after.message()).startsWith("bug hunt over: it was " + bug.id());
        trainer.submit(new Request.EndBugHunt(null)); // no hunt: nothing happens
        Thread.sleep(50);
        assertThat(trainer.snapshot().lesson().hunt().number()).isEqualTo(1);
    }

    /** The message every screen shows when a hunt ends fits 80 columns, whatever the bug and the guess. */
    @Test
    void theHuntsEndFitsEightyColumns() throws Exception {
        trainer = new Trainer(Preset.TEXTBOOK.defaults(), "test", new Random(1));
        trainer.start();
        for (PlantedBug guess : new PlantedBug[] {null, PlantedBug.NO_OUTPUT_SLOPE, PlantedBug.NO_HIDDEN_SLOPE}) {
            long number = trainer.snapshot().lesson().hunt() == null ? 0 : trainer.snapshot().lesson().hunt().number();
            trainer.submit(new Request.StartBugHunt());
            await(s -> s.config().plantedBug() != null);
            trainer.submit(new Request.EndBugHunt(guess));
            Snapshot s = await(x -> x.lesson().hunt() != null && x.lesson().hunt().number() == number + 1);
            assertThat(s.message().length()).as(s.message()).isLessThanOrEqualTo(80);
        }
    }
}
