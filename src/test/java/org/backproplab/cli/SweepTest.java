package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.backproplab.train.Config;
import org.backproplab.train.Preset;
import org.junit.jupiter.api.Test;

/** A seed's result in a sweep is what train prints for that seed: the same final loss, bit for bit, and the same word. */
class SweepTest {

    /** Runs sweep's workers on {@code args}' configuration and checks every seed against {@code train --seed S}. */
    static void assertEverySeedIsTrain(int seeds, long epochs, String... args) throws Exception {
        SweepCommand sweep = new SweepCommand();
        picocli.CommandLine cl = new picocli.CommandLine(sweep);
        cl.parseArgs(args);
        Config base = sweep.options.toConfig();
        SweepCommand.Result[] results = SweepCommand.run(base, seeds, epochs, 2);
        for (int s = 0; s < seeds; s++) {
            String[] train = new String[args.length + 7];
            train[0] = "train";
            System.arraycopy(args, 0, train, 1, args.length);
            System.arraycopy(new String[] {"--seed", "" + s, "--epochs", "" + epochs, "--format", "json"}, 0, train,
                    args.length + 1, 6);
            Map<String, Object> json = CliTest.run(train).json();
            assertThat(results[s].seed()).isEqualTo(s);
            assertThat(Double.doubleToLongBits(results[s].loss())).as("seed %d of %s", s, String.join(" ", args))
                    .isEqualTo(Double.doubleToLongBits((Double) json.get("loss")));
            assertThat(results[s].outcome().id()).as("seed %d", s).isEqualTo(json.get("outcome"));
        }
    }

    @Test
    void referenceSeedsAreWhatTrainGives() throws Exception {
        assertEverySeedIsTrain(24, 12_000, "--preset", "reference");
    }

    @Test
    void textbookSeedsAreWhatTrainGives() throws Exception {
        assertEverySeedIsTrain(24, 6_000, "--preset", "textbook");
        assertEverySeedIsTrain(8, 3_000, "--preset", "textbook", "--method", "numeric", "--difference", "central");
    }

    @Property(tries = 12)
    void anyConfigurationsSeedsAreWhatTrainGives(@ForAll("runs") String[] args) throws Exception {
        assertEverySeedIsTrain(4, 1_500, args);
    }

    @Provide
    Arbitrary<String[]> runs() {
        return Arbitraries.of("1", "2", "3", "5").flatMap(h -> Arbitraries.of("sigmoid", "tanh", "relu").flatMap(a ->
                Arbitraries.of("mse", "bce").flatMap(l -> Arbitraries.of("xor", "and", "nand", "xnor").flatMap(d ->
                        Arbitraries.of("chain", "numeric").flatMap(m -> Arbitraries.of("forward", "central").flatMap(diff ->
                                Arbitraries.of("0.03", "0.5", "3").map(lr -> new String[] {"--hidden", h,
                                        "--activation", a, "--loss", l, "--dataset", d, "--method", m,
                                        "--difference", diff, "--lr", lr, "--init-scheme", "uniform"})))))));
    }

    /**
     * Stopped early (as Ctrl-C stops it), a sweep keeps the seeds that finished, each exactly as a
     * whole sweep has it, and drops the seeds it was on.
     */
    @Test
    void aStoppedSweepKeepsTheSeedsThatFinished() throws Exception {
        SweepCommand.Sweep sweep = new SweepCommand.Sweep(Preset.REFERENCE.defaults(), 1000, 100_000);
        SweepCommand.Result[] part = sweep.run(2, () -> sweep.done() >= 5);
        int done = 0;
        for (int s = 0; s < part.length; s++) {
            if (part[s] != null) {
                done++;
                Map<String, Object> train = CliTest.run("train", "--preset", "reference", "--seed", "" + s,
                        "--epochs", "100000", "--format", "json").json();
                assertThat(Double.doubleToLongBits(part[s].loss())).as("seed %d", s)
                        .isEqualTo(Double.doubleToLongBits((Double) train.get("loss")));
                assertThat(part[s].outcome().id()).isEqualTo(train.get("outcome"));
            }
        }
        assertThat(done).isEqualTo(sweep.done()).isGreaterThanOrEqualTo(5).isLessThan(1000);
    }
}
