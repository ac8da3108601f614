package org.backproplab.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Predicate;
import org.backproplab.grad.Difference;
import org.backproplab.grad.GradientCheck;
import org.backproplab.nn.Forward;
import org.backproplab.nn.Network;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private Trainer trainer;

    private Trainer start(Config c) {
        trainer = new Trainer(c, "test", new Random(42));
        trainer.start();
        return trainer;
    }

    @AfterEach
    void close() {
        if (trainer != null) trainer.close();
    }

    /** Waits (up to 30 s) for a snapshot that satisfies {@code p}. */
    private Snapshot await(Predicate<Snapshot> p) throws InterruptedException {
        return Await.snapshot(trainer, p);
    }

    @Test
    void startsPausedAtEpochZeroWithBothGradientsAtTheStart() {
        Config c = Preset.TEXTBOOK.defaults();
        Snapshot s = new Trainer(c, "textbook").snapshot(); // published before the thread starts
        assertThat(s.epoch()).isZero();
        assertThat(s.running()).isFalse();
        assertThat(s.outcome()).isEqualTo(Outcome.LEARNING);
        assertThat(s.standing()).isEqualTo("paused");
        assertThat(s.parameters()).containsExactly(c.initialParameters());
        assertThat(s.lastStep()).containsOnly(0.0);
        GradientCheck expected = GradientCheck.at(new Network(c.architecture(), c.dataset()), c.initialParameters(),
                c.epsilon(), c.difference());
        assertThat(s.check()).isEqualTo(expected);
        assertThat(s.loss()).isEqualTo(expected.loss());
    }

    @Test
    void stepRunsExactlyOneEpochLikeTraining() throws Exception {
        Config c = Preset.REFERENCE.defaults();
        start(c);
        trainer.submit(new Request.Step());
        Snapshot s = await(x -> x.epoch() == 1);
        Training t = new Training(c);
        double loss0 = t.step();
        assertThat(s.parameters()).containsExactly(t.parameters());
        assertThat(s.lastStep()).containsExactly(t.lastStep());
        assertThat(s.history().values()).containsExactly(loss0);
        assertThat(s.running()).isFalse();
    }

    @Test
    void commandsChangeMethodDifferenceLearningRateAndSpeed() throws Exception {
        Config c = Preset.TEXTBOOK.defaults();
        start(c);
        trainer.submit(new Request.SwitchMethod());
        trainer.submit(new Request.SwitchDifference());
        trainer.submit(new Request.ChangeLearningRate(1));
        trainer.submit(new Request.ChangeSpeed(2));
        Snapshot s = await(x -> x.speed() == Speed.S10K);
        assertThat(s.config().method()).isEqualTo(Method.NUMERIC);
        assertThat(s.config().difference()).isEqualTo(Difference.CENTRAL);
        assertThat(s.config().learningRate()).isEqualTo(5.0);
        assertThat(s.check().difference()).isEqualTo(Difference.CENTRAL);
        // one numeric-central step from the start equals the engine's
        trainer.submit(new Request.Step());
        Snapshot after = await(x -> x.epoch() == 1);
        Training t = new Training(c.withMethod(Method.NUMERIC).withDifference(Difference.CENTRAL).withLearningRate(5.0));
        t.step();
        assertThat(after.parameters()).containsExactly(t.parameters());
    }

    @Test
    void everySnapshotIsOneConsistentMomentAtMaxSpeed() throws Exception {
        Config c = Preset.REFERENCE.defaults().withMethod(Method.CHAIN);
        start(c);
        for (int i = 0; i < 20; i++) trainer.submit(new Request.ChangeSpeed(1));
        trainer.submit(new Request.ToggleRun());
        await(x -> x.running() && x.epoch() > 1000);
        Network net = new Network(c.architecture(), c.dataset());
        for (int i = 0; i < 5; i++) {
            Snapshot s = await(x -> true);
            GradientCheck again = GradientCheck.at(net, s.parameters(), s.config().epsilon(), s.config().difference());
            assertThat(s.check()).as("gradients at the snapshot's own θ").isEqualTo(again);
            Forward f = new Forward(c.architecture());
            assertThat(s.loss()).isEqualTo(net.forward(s.parameters(), f));
            assertThat(s.outputs()).containsExactly(f.output);
            assertThat(s.check().entries().get(0).value()).isEqualTo(s.parameter(0));
            Thread.sleep(30);
        }
        trainer.submit(new Request.Pause());
        Snapshot paused = await(x -> !x.running());
        Thread.sleep(50);
        assertThat(trainer.snapshot().epoch()).as("paused means no more epochs").isEqualTo(paused.epoch());
        assertThat(paused.history().epochs()).isEqualTo(paused.epoch());
    }

    /**
     * Every rung runs, the slowest too (1 and 3 epochs/s once never ran an epoch: the lag check
     * reset the pace before the first epoch was due), and no rung runs faster than its rate. Only
     * the upper bound is timed: a loaded machine may run slower, never faster.
     */
    @Test
    void slowSpeedsArePacedAndTheSlowestRun() throws Exception {
        start(Preset.TEXTBOOK.defaults());
        trainer.submit(new Request.ChangeSpeed(-6)); // 1,000 → 1 epoch/s
        trainer.submit(new Request.ToggleRun());
        long t0 = System.nanoTime();
        Snapshot one = Await.snapshot(trainer, x -> x.epoch() >= 2, java.time.Duration.ofSeconds(20));
        assertThat(one.speed()).isEqualTo(Speed.S1);
        assertThat(one.epoch()).isLessThanOrEqualTo(1 + (long) ((System.nanoTime() - t0) / 1e9));
        trainer.submit(new Request.ChangeSpeed(1)); // 3 epochs/s
        Snapshot three = await(x -> x.speed() == Speed.S3);
        Snapshot more = Await.snapshot(trainer, x -> x.epoch() >= three.epoch() + 2, java.time.Duration.ofSeconds(20));
        assertThat(more.running()).isTrue();
        trainer.submit(new Request.ChangeSpeed(3)); // 100 epochs/s
        Snapshot first = await(x -> x.speed() == Speed.S100);
        long t1 = System.nanoTime();
        Thread.sleep(600);
        Snapshot later = trainer.snapshot();
        double seconds = (System.nanoTime() - t1) / 1e9;
        assertThat(later.epoch() - first.epoch()).as("epochs in %.2f s at 100/s", seconds)
                .isLessThanOrEqualTo((long) (100 * seconds) + 2);
    }

    @Test
    void learnedIsReportedAndTrainingGoesOn() throws Exception {
        start(Preset.TEXTBOOK.defaults()); // learns XOR within a few thousand epochs
        for (int i = 0; i < 20; i++) trainer.submit(new Request.ChangeSpeed(1));
        trainer.submit(new Request.ToggleRun());
        Snapshot learned = await(Snapshot::learned);
        assertThat(learned.standing()).isEqualTo("learned");
        double[] xor = {0, 1, 1, 0};
        for (int r = 0; r < 4; r++) {
            assertThat(Math.abs(learned.output(r) - xor[r])).isLessThan(0.1); // learned: every output within 0.1
        }
        await(x -> x.epoch() > learned.epoch() + 1000);
    }

    @Test
    void divergencePausesAndRestartRecovers() throws Exception {
        double[] huge = new double[9];
        Arrays.fill(huge, 1e308);
        Config c = Preset.REFERENCE.defaults().withMethod(Method.CHAIN).withLearningRate(1e6).withInit(huge);
        start(c);
        trainer.submit(new Request.ToggleRun());
        Snapshot d = await(Snapshot::diverged);
        assertThat(d.running()).isFalse();
        assertThat(d.standing()).isEqualTo("diverged");
        assertThat(d.message()).contains("diverged");
        trainer.submit(new Request.ToggleRun());
        Thread.sleep(50);
        assertThat(trainer.snapshot().running()).as("a diverged run does not start again").isFalse();

        trainer.submit(new Request.Restart(true));
        Snapshot r = await(x -> !x.diverged());
        assertThat(r.epoch()).isZero();
        assertThat(r.config().seed()).isNotEqualTo(c.seed());
        assertThat(r.config().init()).as("a new seed draws new weights").isNull();
        assertThat(r.parameters()).containsExactly(c.withSeed(r.config().seed()).initialParameters());
        assertThat(r.config().learningRate()).as("live settings are kept").isEqualTo(1e6);
        assertThat(r.history().size()).isZero();
    }

    @Test
    void restartWithTheSameSeedStartsOver() throws Exception {
        Config c = Preset.REFERENCE.defaults();
        start(c);
        for (int i = 0; i < 3; i++) trainer.submit(new Request.Step());
        await(x -> x.epoch() == 3);
        trainer.submit(new Request.Restart(false));
        Snapshot s = await(x -> x.epoch() == 0);
        assertThat(s.parameters()).containsExactly(c.initialParameters());
        assertThat(s.config().seed()).isEqualTo(c.seed());
    }

    @Test
    void reconfigureSwitchesTheExperiment() throws Exception {
        start(Preset.TEXTBOOK.defaults());
        Config three = Preset.TEXTBOOK.defaults().withHidden(3);
        trainer.submit(new Request.Reconfigure(three));
        Snapshot s = await(x -> x.parameterCount() == 13);
        assertThat(s.check().entries()).hasSize(13);
        assertThat(s.parameters()).containsExactly(three.initialParameters());
    }

    @Test
    void closeStopsTheThread() throws Exception {
        start(Preset.TEXTBOOK.defaults());
        trainer.submit(new Request.ToggleRun());
        await(Snapshot::running);
        trainer.close();
        long e = trainer.snapshot().epoch();
        Thread.sleep(50);
        assertThat(trainer.snapshot().epoch()).isEqualTo(e);
    }
}
