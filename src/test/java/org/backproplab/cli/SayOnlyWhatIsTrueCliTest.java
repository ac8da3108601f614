package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.backproplab.cli.CliTest.run;
import static org.backproplab.cli.CliTest.values;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.backproplab.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 9's command-line items, as a user meets them through {@link Main#run}: names as the
 * screen shows them, saved settings that --init takes back, output paths checked first, failed
 * writes, deep files, and counts as people write them.
 */
class SayOnlyWhatIsTrueCliTest {

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    static Map<String, Object> config(Run r) {
        return (Map<String, Object>) r.json().get("config");
    }

    // ------------------------------------------------------------------ names

    /** What the screen shows (x1→h1, b h1, h1→y, b y) and the file names name the same parameter. */
    @ParameterizedTest
    @MethodSource("namesAsTyped")
    void explainTakesTheNamesOnScreenAndInFiles(String typed, String hidden, String name) {
        Run r = run("explain", "--hidden", hidden, "--param", typed, "--format", "json");
        assertThat(r.code()).as(typed).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.json().get("parameter")).as(typed).isEqualTo(name);
    }

    static Stream<Arguments> namesAsTyped() {
        return Stream.of(
                Arguments.of("w_x1_h1", "2", "w_x1_h1"),
                Arguments.of("x1→h1", "2", "w_x1_h1"),
                Arguments.of("x1->h1", "2", "w_x1_h1"),
                Arguments.of("x1 -> h1", "2", "w_x1_h1"),
                Arguments.of("X1→H1", "2", "w_x1_h1"),
                Arguments.of("x2→h1", "2", "w_x2_h1"),
                Arguments.of("x2->h3", "3", "w_x2_h3"),
                Arguments.of("b h1", "2", "b_h1"),
                Arguments.of("b_h2", "2", "b_h2"),
                Arguments.of("h1→y", "2", "w_h1_y"),
                Arguments.of("h2->y", "2", "w_h2_y"),
                Arguments.of("w_h2_y", "2", "w_h2_y"),
                Arguments.of("b y", "2", "b_y"),
                Arguments.of("b_y", "2", "b_y"));
    }

    @Test
    void anUnknownNameListsTheNamesBothWays() {
        Run r = run("explain", "--param", "x3→h1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).hasLineCount(1).contains("unknown parameter 'x3→h1'")
                .contains("w_x1_h1 = x1->h1", "w_x2_h2 = x2->h2", "b_h1 = b h1", "w_h2_y = h2->y", "b_y = b y");
    }

    // ------------------------------------------------------------------ --init takes the saved settings

    /** The acceptance check's case: 1,000 + 1,000 epochs from a saved reference run = 2,000 in one go, bit for bit. */
    @Test
    void initContinuesASavedRunWithItsSettings() {
        Path ref = dir.resolve("ref.json");
        assertThat(run("train", "--preset", "reference", "--epochs", "1000", "--save", ref.toString()).code()).isZero();
        Run continued = run("train", "--epochs", "1000", "--init", ref.toString(), "--format", "json");
        Run whole = run("train", "--preset", "reference", "--epochs", "2000", "--format", "json");
        assertThat(continued.code()).isZero();
        assertThat(continued.err()).as("nothing overridden, nothing said").isEmpty();
        assertThat(Double.doubleToRawLongBits((Double) continued.json().get("loss")))
                .isEqualTo(Double.doubleToRawLongBits((Double) whole.json().get("loss")));
        assertThat(values(continued.json())).containsExactly(values(whole.json()));
        Map<String, Object> c = config(continued);
        assertThat(c).containsEntry("preset", "reference").containsEntry("activation", "relu")
                .containsEntry("loss", "bce").containsEntry("lr", 0.03).containsEntry("method", "numeric")
                .containsEntry("init", "file").containsEntry("initScheme", "numpy-randn")
                .containsEntry("initFile", ref.toString()).containsEntry("initEpochs", 1000.0);
        Run table = run("train", "--epochs", "0", "--init", ref.toString());
        assertThat(table.out()).contains("start     parameters from " + ref + ", saved after 1,000 epochs")
                .contains("relu hidden units").contains("cross-entropy loss");
    }

    /**
     * A run saved from a saved run counts every epoch: 1,000, then 10 more from that file, is
     * "saved after 1,010 epochs" (it said 10), and a third generation adds on again.
     */
    @Test
    void aRunSavedFromASavedRunCountsEveryEpoch() {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Path c = dir.resolve("c.json");
        assertThat(run("train", "--epochs", "1000", "--save", a.toString()).code()).isZero();
        assertThat(run("train", "--epochs", "10", "--init", a.toString(), "--save", b.toString()).code()).isZero();
        assertThat(run("train", "--epochs", "0", "--init", b.toString()).out())
                .contains("start     parameters from " + b + ", saved after 1,010 epochs");
        assertThat(run("train", "--epochs", "5", "--init", b.toString(), "--save", c.toString()).code()).isZero();
        Run third = run("train", "--epochs", "0", "--init", c.toString(), "--format", "json");
        assertThat(config(third)).containsEntry("initFile", c.toString()).containsEntry("initEpochs", 1015.0);
    }

    @Test
    void whatTheCommandLineOverridesIsSaidInOneLine() {
        Path ref = dir.resolve("ref.json");
        run("train", "--preset", "reference", "--epochs", "10", "--save", ref.toString());
        Run r = run("train", "--epochs", "0", "--init", ref.toString(), "--lr", "1", "--method", "chain", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEqualTo("backprop-lab train: the command line overrides settings saved in " + ref
                + ": --lr 1 (the file has 0.03); --method chain (the file has numeric)" + System.lineSeparator());
        assertThat(config(r)).containsEntry("lr", 1.0).containsEntry("method", "chain")
                .containsEntry("activation", "relu").containsEntry("loss", "bce");
        Run same = run("gradcheck", "--init", ref.toString(), "--lr", "0.03", "--activation", "relu");
        assertThat(same.err()).as("typing the file's own values overrides nothing").isEmpty();
    }

    /** A typed --preset is the command line too: its settings win, and the line says which changed. */
    @Test
    void aTypedPresetOverridesTheFileAndSaysWhat() {
        Path ref = dir.resolve("ref.json");
        run("train", "--preset", "reference", "--epochs", "10", "--save", ref.toString());
        Run r = run("train", "--epochs", "0", "--init", ref.toString(), "--preset", "textbook", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).hasLineCount(1).contains("--preset textbook sets ").contains("lr 2 (the file has 0.03)")
                .contains("activation sigmoid (the file has relu)").contains("loss mse (the file has bce)");
        assertThat(config(r)).containsEntry("preset", "textbook").containsEntry("activation", "sigmoid");
    }

    /** The hidden units, activation, gate and the rest travel with the file. */
    @Test
    void aFileSavedAtThreeHiddenUnitsOpensAsSaved() {
        Path f = dir.resolve("h3.json");
        Run saved = run("train", "--hidden", "3", "--activation", "tanh", "--dataset", "nand", "--epochs", "20",
                "--save", f.toString(), "--format", "json");
        Run reopened = run("gradcheck", "--init", f.toString(), "--format", "json");
        assertThat(reopened.code()).isZero();
        assertThat(reopened.err()).isEmpty();
        assertThat(config(reopened)).containsEntry("hidden", 3.0).containsEntry("activation", "tanh")
                .containsEntry("dataset", "nand");
        assertThat(CliTest.list(reopened.json().get("parameters")).stream().map(p -> (Double) p.get("value")))
                .containsExactlyElementsOf(CliTest.list(saved.json().get("parameters")).stream()
                        .map(p -> (Double) p.get("value")).toList());
    }

    /** Files from before the settings were saved: the preset and the options decide, H from the number of parameters. */
    @Test
    void anOldFileWithOnlyParametersStillOpens() throws IOException {
        StringBuilder b = new StringBuilder("{\"parameters\": [");
        String[] names = {"w_x1_h1", "w_x1_h2", "w_x1_h3", "w_x2_h1", "w_x2_h2", "w_x2_h3", "b_h1", "b_h2", "b_h3",
            "w_h1_y", "w_h2_y", "w_h3_y", "b_y"};
        for (int k = 0; k < names.length; k++) {
            b.append(k > 0 ? ", " : "").append("{\"name\": \"").append(names[k]).append("\", \"value\": ").append(k * 0.1)
                    .append('}');
        }
        Path f = Files.writeString(dir.resolve("old.json"), b.append("]}").toString());
        Run r = run("train", "--epochs", "0", "--init", f.toString(), "--preset", "reference", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(config(r)).containsEntry("hidden", 3.0).containsEntry("activation", "relu");
        assertThat(values(r.json())).hasSize(13).containsExactly(0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5,
                0.6000000000000001, 0.7000000000000001, 0.8, 0.9, 1.0, 1.1, 1.2000000000000002);
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void badSavedSettingsAreOneClearLine(String config, String says) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.json"), "{\"config\": " + config + ", " + CliTest.nine(null).substring(1));
        Run r = run("gradcheck", "--init", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1).contains("--init " + f + ": " + says).doesNotContain("Exception");
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of("{\"activation\": \"swish\"}", "\"config\" has activation 'swish', not one of sigmoid, tanh, relu"),
                Arguments.of("{\"preset\": \"fancy\"}", "\"config\" has preset 'fancy', not one of textbook, reference"),
                Arguments.of("{\"lr\": -1}", "\"config\" has lr -1, not a number > 0"), // as written, not Java's -1.0
                Arguments.of("{\"seed\": 1.5}", "\"config\" has seed 1.5, not one of 0..4294967295"),
                Arguments.of("{\"method\": 3}", "\"config\" has a method that is not text"),
                Arguments.of("[1]", "\"config\" must be an object of settings"));
    }

    // ------------------------------------------------------------------ output paths, before any training

    /** Refused before training: nothing printed on stdout (the old code trained first and printed the result). */
    @Test
    void outputPathsAreCheckedBeforeTraining() throws IOException {
        Path aFile = Files.writeString(dir.resolve("a-file"), "x");
        Path init = dir.resolve("init.json");
        run("train", "--epochs", "0", "--save", init.toString());
        String before = Files.readString(init);
        String[][] cases = {
            {"--save", dir.resolve("nodir/x.json").toString(), "there is no folder " + dir.resolve("nodir")},
            {"--history", dir.resolve("nodir/h.csv").toString(), "there is no folder " + dir.resolve("nodir")},
            {"--save", aFile.resolve("x.json").toString(), aFile + " is a file, not a folder"},
            {"--history", dir.toString(), "is a folder"},
            {"--history", init.toString(), "would overwrite the --init file", "--init", init.toString()},
        };
        for (String[] c : cases) {
            List<String> args = new java.util.ArrayList<>(List.of("train", "--epochs", "1", c[0], c[1]));
            if (c.length > 3) {
                args.addAll(List.of(c[3], c[4]));
            }
            Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out()).as("nothing trained").isEmpty();
            assertThat(r.err()).hasLineCount(1).contains(c[2]);
        }
        assertThat(Files.readString(init)).isEqualTo(before);
        Run same = run("train", "--epochs", "1", "--save", dir.resolve("x.json").toString(), "--history",
                dir.resolve("./x.json").toString());
        assertThat(same.code()).isEqualTo(2);
        assertThat(same.err()).contains("--save and --history name the same file");
    }

    @Test
    void aFolderWithoutWritePermissionIsRefusedFirst() throws IOException {
        // Root writes past the permission bits, so as root the folder is one nobody may create files in.
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeThat(!root || Files.isDirectory(Path.of("/sys/kernel"))).as("a folder root cannot write in").isTrue();
        Path locked = root ? Path.of("/sys") : Files.createDirectory(dir.resolve("locked"));
        if (!root) locked.toFile().setWritable(false);
        try {
            Run r = run("train", "--epochs", "1", "--save", locked.resolve("backprop-lab-x.json").toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).contains("permission denied").hasLineCount(1);
        } finally {
            if (!root) locked.toFile().setWritable(true);
        }
    }

    /** --save replaces a file whole, leaving no part file behind. */
    @Test
    void saveReplacesAFileWhole() throws IOException {
        Path f = Files.writeString(dir.resolve("s.json"), "an older run, longer than the new one ".repeat(200));
        assertThat(run("train", "--epochs", "3", "--save", f.toString()).code()).isZero();
        assertThat(values(CliTest.run("train", "--epochs", "0", "--init", f.toString(), "--format", "json").json()))
                .containsExactly(values(run("train", "--epochs", "3", "--format", "json").json()));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(f);
        }
    }

    // ------------------------------------------------------------------ failed writes

    /** Standard output that fails as a full disk does: exit 1 and one line (PrintWriter alone swallows it). */
    @Test
    void aFailedWriteToStandardOutputIsAFailure() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        for (String[] args : List.of(new String[] {"train", "--epochs", "10"}, new String[] {"gradcheck"},
                new String[] {"explain", "--param", "b_y"}, new String[] {"--help"})) {
            StringWriter err = new StringWriter();
            int code = Main.run(args, new PrintWriter(full), new PrintWriter(err));
            assertThat(code).as(String.join(" ", args)).isEqualTo(1);
            assertThat(err.toString()).hasLineCount(1).contains("cannot write to standard output");
        }
    }

    // ------------------------------------------------------------------ input files

    @Test
    void aDeeplyNestedFileIsOneLineAndExitTwo() throws IOException {
        Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(100_000));
        Run r = run("gradcheck", "--init", deep.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1).contains("--init " + deep + ": not a parameters file: at line 1, column 65:"
                + " arrays and objects nested more than 64 deep").doesNotContain("Exception", "Error");
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() throws IOException {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[5 << 20]);
        Run r = run("train", "--init", big.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1).contains("larger than 4 MB");
    }

    // ------------------------------------------------------------------ counts as people write them

    @ParameterizedTest
    @MethodSource("thousands")
    void epochsAsPeopleWriteThem(String typed) {
        Run r = run("train", "--epochs", typed, "--format", "json");
        assertThat(r.code()).as(typed).isZero();
        assertThat(r.json().get("epochs")).as(typed).isEqualTo(1000.0);
    }

    static Stream<String> thousands() {
        return Stream.of("1000", "1e3", "1E3", "1e+3", "1_000", "1,000", "1000.0", "1.0e3", "0.1e4", "+1000");
    }

    @ParameterizedTest
    @MethodSource("notCounts")
    void aValueThatIsNotACountIsRefusedInPlainWords(String args, String says) {
        Run r = run(args.split(" "));
        assertThat(r.code()).as(args).isEqualTo(2);
        assertThat(r.err()).as(args).hasLineCount(1).contains(says).doesNotContain("is not a long", "is not an int");
    }

    static Stream<Arguments> notCounts() {
        return Stream.of(
                Arguments.of("train --epochs 1.5e0", "--epochs: '1.5e0' is not a whole number (it is 1.5)"),
                Arguments.of("train --epochs 1.5", "--epochs: '1.5' is not a whole number"),
                Arguments.of("train --epochs 1,00", "'1,00' is not a whole number (such as 1000, 1e3, 1_000 or 1,000)"),
                Arguments.of("train --epochs 1__0", "'1__0' is not a whole number"),
                Arguments.of("train --epochs 1e30", "'1e30' is too large a number"),
                Arguments.of("sweep --seeds 3e9", "'3e9' is too large a number (at most 2,147,483,647)"),
                Arguments.of("train --seed 1e-3", "--seed: '1e-3' is not a whole number (it is 0.001)"),
                Arguments.of("bench --batches 2.5", "--batches: '2.5' is not a whole number"),
                Arguments.of("train --lr 2f", "--lr: '2f' is not a number"),
                Arguments.of("train --lr 0x1p1", "--lr: '0x1p1' is not a number"),
                Arguments.of("bench --warmup 1d", "--warmup: '1d' is not a number"),
                // inf and nan are read, so the range says why not, as for 1e400 (which is inf)
                Arguments.of("train --lr inf", "--lr must be a finite number > 0, got inf"),
                Arguments.of("train --lr 1e400", "--lr must be a finite number > 0, got inf"),
                Arguments.of("train --lr -Infinity", "--lr must be a finite number > 0, got -inf"),
                Arguments.of("train --epsilon nan", "--epsilon must be > 0 and <= 0.1, got NaN"));
    }

    /** Every count of every command reads the same forms. */
    @Test
    void everyCountReadsTheSameForms() {
        Run sweep = run("sweep", "--seeds", "1e1", "--epochs", "1_00", "--threads", "1e0", "--format", "json");
        assertThat(sweep.code()).isZero();
        assertThat(sweep.json()).containsEntry("seeds", 10.0).containsEntry("epochs", 100.0).containsEntry("threads", 1.0);
        Run train = run("train", "--epochs", "2e1", "--seed", "1e1", "--hidden", "3e0", "--format", "json");
        assertThat(config(train)).containsEntry("seed", 10.0).containsEntry("hidden", 3.0);
        Path h = dir.resolve("h.csv");
        assertThat(run("train", "--epochs", "20", "--history", h.toString(), "--every", "1e1").code()).isZero();
        Run bench = run("bench", "--warmup", "0", "--batches", "3e0", "--batch-time", "0.001", "--format", "json");
        assertThat(bench.json()).containsEntry("batches", 3.0);
    }

    @Test
    void aMistypedOptionOrCommandSuggestsTheNearest() {
        assertThat(run("train", "--epoch", "10").err()).hasLineCount(1)
                .contains("unknown option '--epoch' (did you mean --epochs?)");
        assertThat(run("gradcheck", "--formt", "json").err()).contains("(did you mean --format?)");
        assertThat(run("trian").err()).contains("unknown command 'trian' (did you mean train?)");
        Run bogus = run("bogus");
        assertThat(bogus.code()).isEqualTo(2);
        assertThat(bogus.err()).hasLineCount(1).contains("the commands are: tui, train, gradcheck, explain, trace, epsilon, sweep, bench")
                .doesNotContain("warm-up").doesNotContain("did you mean");
    }

    @Test
    void benchSaysWhenItsFiguresAreUnreliable() {
        Run r = run("bench", "--warmup", "0", "--batches", "1", "--batch-time", "0.001");
        assertThat(r.code()).isZero();
        assertThat(r.err()).hasLineCount(1).contains("warning: these figures are unreliable: no warm-up")
                .contains("only 1 batch (");
        assertThat(r.out()).contains("timing    no warm-up, then 1 batch of about 0.001 s per method")
                .doesNotContain("1 batches");
        Run json = run("bench", "--warmup", "0", "--batches", "1", "--batch-time", "0.001", "--format", "json");
        assertThat(CliTest.list(json.json().get("warnings"))).hasSize(2);
    }

    /** Untrained seeds are not stuck, and a run too short to tell is not said to be improving. */
    @Test
    void untrainedOrBrieflyTrainedRunsAreNotCalledStuck() {
        Run json = run("sweep", "--seeds", "5", "--epochs", "0", "--format", "json");
        assertThat(json.json()).containsEntry("stuck", 0.0).containsEntry("stillLearning", 5.0);
        Run table = run("sweep", "--seeds", "5", "--epochs", "0");
        assertThat(table.out()).contains("stuck     0 ").contains("untrained 5 not learned at their start")
                .doesNotContain("still improving");
        assertThat(run("train", "--epochs", "0").out()).contains("not learned yet").contains("not trained (0 epochs)");
        assertThat(run("train", "--epochs", "100").out()).contains("too few epochs to tell whether it is stuck");
        assertThat(run("sweep", "--seeds", "1", "--epochs", "100").out()).contains("seed      0 (a uniform01 draw)")
                .contains("too few epochs to tell whether it is stuck");
        assertThat(run("sweep", "--seeds", "2", "--epochs", "1").out()).contains(", 1 epoch per seed")
                .contains("2 not learned yet when the 1 epoch ran out");
    }

    /** One epoch, one row: never "1 epochs" or "1 rows". */
    @Test
    void oneIsSingular() {
        Path f = dir.resolve("one.json");
        run("train", "--epochs", "1", "--save", f.toString());
        assertThat(run("gradcheck", "--init", f.toString()).out()).contains("(parameters from " + f + ", saved after 1 epoch)");
    }
}
