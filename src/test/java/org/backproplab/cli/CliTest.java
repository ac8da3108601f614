package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.backproplab.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command and format through {@link Main#run}, with the numbers checked against numpy. */
class CliTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        Map<String, Object> json() {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) Json.parse(out);
                return m;
            } catch (Json.SyntaxException e) {
                throw new AssertionError("not JSON: " + e.getMessage() + "\n" + out, e);
            }
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    static double[] values(Map<String, Object> json) {
        return list(json.get("parameters")).stream().mapToDouble(p -> (Double) p.get("value")).toArray();
    }

    // ------------------------------------------------------------------ help and version

    @Test
    void topLevelHelpListsTheCommands() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("train", "gradcheck", "sweep", "bench", "--version");
        // "the guide" is named and found
        assertThat(r.out()).contains("\"A Beginner's Guide to Backpropagation\"",
                "github.com/623637719/The-Democratization-of-AI");
    }

    /** With no arguments the live view starts without picocli; without a terminal it says so as the parsed path does. */
    @Test
    void theLiveViewWithoutATerminalSaysSoTheSameWithOrWithoutOptions() {
        Run bare = run();
        Run withOption = run("--seed", "3");
        assertThat(bare.code()).isEqualTo(2);
        assertThat(withOption.code()).isEqualTo(2);
        assertThat(bare.err()).isEqualTo(withOption.err())
                .startsWith("backprop-lab: the live view needs a terminal").contains("'backprop-lab train'")
                .endsWith("(see 'backprop-lab --help')" + System.lineSeparator());
        assertThat(bare.out()).isEmpty();
    }

    /** The launcher's class-loading run: quiet, exit 0, and not offered to people. */
    @Test
    void warmUpIsQuietAndHidden() {
        Run r = run("warm-up");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        assertThat(run("--help").out()).doesNotContain("warm-up");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandHasHelp(String command, String option) {
        Run r = run(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: backprop-lab " + command, option, "--preset", "--init", "Presets")
                .doesNotContain("null", "${");
    }

    static Stream<Arguments> commands() {
        return Stream.of(Arguments.of("train", "--history"), Arguments.of("gradcheck", "--format"),
                Arguments.of("sweep", "--seeds"), Arguments.of("bench", "--batches"));
    }

    @Test
    void versionComesFromTheBuild() {
        Run r = run("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).matches("backprop-lab \\d+\\.\\d+\\.\\d+.*\\R");
    }

    /** -V is offered by every command's help, so every command prints the version (it printed nothing but at the top). */
    @ParameterizedTest
    @ValueSource(strings = {"tui", "train", "gradcheck", "explain", "trace", "epsilon", "sweep", "bench", "serve",
        "completion"})
    void everyCommandPrintsTheVersion(String command) {
        Run r = run(command, "--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(run("--version").out()).matches("backprop-lab \\d+\\.\\d+\\.\\d+.*\\R");
    }

    /** 'tui --help' lists the lab's options in the order 'backprop-lab --help' does (it sorted them by name). */
    @Test
    void tuiHelpListsTheOptionsAsTheTopLevelHelpDoes() {
        assertThat(optionNames(run("tui", "--help").out())).isEqualTo(optionNames(run("--help").out()))
                .startsWith("--preset", "--seed", "--hidden").endsWith("-h", "-V");
    }

    /** The option each line of a help's option list starts with ("-h" of "-h, --help"), in order (not the presets'). */
    private static List<String> optionNames(String help) {
        return help.lines().filter(l -> l.matches(" {2,6}-.*")).map(l -> l.strip().split("[ ,=]", 2)[0]).toList();
    }

    // ------------------------------------------------------------------ train

    /**
     * The reference preset with seed 1 for 3 epochs; expected numbers printed by scripts/reference.py
     * ({@code python3 scripts/reference.py 1 3 1}, numpy), the guide's program rewritten in numpy.
     */
    @Test
    void trainJsonMatchesTheNumpyReference() {
        Run r = run("train", "--preset", "reference", "--seed", "1", "--epochs", "3", "--format", "json");
        assertThat(r.code()).isZero();
        Map<String, Object> j = r.json();
        assertThat(j.get("epochs")).isEqualTo(3.0);
        assertThat((Double) j.get("loss")).isCloseTo(1.4151978266929865, within(1e-13));
        assertThat(j.get("diverged")).isEqualTo(false);
        assertThat(j.get("learned")).isEqualTo(false);
        double[] numpy = {1.5869344427377126, -0.6117564136500754, -0.5542813048221176, -1.0729686221561705,
            0.8065412486217186, -2.3015386968802827, 1.6891583054954522, -0.7612069008951028, 0.28493643169879435};
        assertThat(values(j)).containsExactly(numpy, within(1e-13));
        assertThat(list(j.get("parameters")).stream().map(p -> p.get("name")))
                .containsExactly("w_x1_h1", "w_x1_h2", "w_x2_h1", "w_x2_h2", "b_h1", "b_h2", "w_h1_y", "w_h2_y", "b_y");
        List<Map<String, Object>> predictions = list(j.get("predictions"));
        assertThat(predictions.get(1).get("inputs")).isEqualTo(List.of(0.0, 1.0));
        assertThat(predictions.get(1).get("target")).isEqualTo(1.0);
        double[] outputs = {0.8385274665120768, 0.6706316744721355, 0.986976563793613, 0.9674418281635686};
        assertThat(predictions.stream().mapToDouble(p -> (Double) p.get("output")).toArray())
                .containsExactly(outputs, within(1e-13));
    }

    @Test
    void trainTableShowsLossParametersAndPredictions() {
        Run r = run("train", "--preset", "reference", "--epochs", "0");
        assertThat(r.code()).isZero();
        // numpy: the loss at seed 0's starting parameters is 1.5017334395697 (scripts/reference.py 0 0).
        assertThat(r.out()).contains("loss      1.50173 ", "not learned");
        // docs/guide-and-reference.md: seed 0 draws w_x1_h1 = 1.764052345967664, b_h2 = -0.977277879876411.
        assertThat(r.out()).containsPattern("w_x1_h1 +1\\.764052\\R").containsPattern("b_h2 +-0\\.977278\\R");
        assertThat(r.out()).contains("x1  x2  target    output").containsPattern(" 1   1       0  ");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void trainCsvIsOneHeaderAndOneRow() {
        Run r = run("train", "--preset", "reference", "--seed", "1", "--epochs", "3", "--format", "csv");
        assertThat(r.code()).isZero();
        String[] lines = r.out().split("\\R");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).isEqualTo("epochs,loss,diverged,learned,w_x1_h1,w_x1_h2,w_x2_h1,w_x2_h2,b_h1,b_h2,"
                + "w_h1_y,w_h2_y,b_y,output_0_0,output_0_1,output_1_0,output_1_1");
        String[] cells = lines[1].split(",");
        assertThat(cells[0]).isEqualTo("3");
        assertThat(Double.parseDouble(cells[1])).isCloseTo(1.4151978266929865, within(1e-13));
        assertThat(Double.parseDouble(cells[12])).isCloseTo(0.28493643169879435, within(1e-13));
    }

    /** Losses per epoch from {@code python3 scripts/reference.py 1 3 1}: 0, 1, 2 before the step, 3 at the end. */
    @Test
    void historyKeepsEveryKthEpochAndTheFinalLoss() throws IOException {
        Path h = dir.resolve("h.csv");
        Run r = run("train", "--preset", "reference", "--seed", "1", "--epochs", "3",
                "--history", h.toString(), "--every", "2", "--format", "json");
        assertThat(r.code()).isZero();
        List<String> lines = Files.readAllLines(h);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("epoch,loss");
        assertThat(lines.get(1)).startsWith("0,");
        assertThat(lines.get(2)).startsWith("2,");
        assertThat(lines.get(3)).startsWith("3,");
        assertThat(Double.parseDouble(lines.get(1).substring(2))).isCloseTo(1.522847709301653, within(1e-13));
        assertThat(Double.parseDouble(lines.get(2).substring(2))).isCloseTo(1.4492802734465404, within(1e-13));
        assertThat(Double.parseDouble(lines.get(3).substring(2))).isCloseTo(1.4151978266929865, within(1e-13));
    }

    @Test
    void historyWithoutEveryHasOneRowPerEpoch() throws IOException {
        Path h = dir.resolve("all.csv");
        assertThat(run("train", "--epochs", "10", "--history", h.toString()).code()).isZero();
        assertThat(Files.readAllLines(h)).hasSize(1 + 10 + 1);
    }

    /** --save then --init restores θ bit for bit, and training on from it equals training in one go. */
    @Test
    void saveThenInitRestoresTheParametersExactly() {
        Path saved = dir.resolve("saved.json");
        Run first = run("train", "--epochs", "1234", "--save", saved.toString(), "--format", "json");
        assertThat(first.code()).isZero();
        Run restored = run("train", "--epochs", "0", "--init", saved.toString(), "--format", "json");
        assertThat(restored.code()).isZero();
        double[] a = values(first.json());
        double[] b = values(restored.json());
        for (int k = 0; k < a.length; k++) {
            assertThat(Double.doubleToRawLongBits(b[k])).isEqualTo(Double.doubleToRawLongBits(a[k]));
        }
        Run resumed = run("train", "--epochs", "766", "--init", saved.toString(), "--format", "json");
        Run oneGo = run("train", "--epochs", "2000", "--format", "json");
        assertThat(values(resumed.json())).isEqualTo(values(oneGo.json()));
        assertThat(resumed.json().get("config")).asString().contains("init=file");
    }

    @Test
    void divergenceStopsTrainingWithExitOne() throws IOException {
        // Two ReLU units at 1e300 feeding the output with +1e300 and -1e300: z_y = inf - inf = NaN.
        Path f = dir.resolve("huge.json");
        Files.writeString(f, """
                {"parameters": [
                  {"name": "w_x1_h1", "value": 0}, {"name": "w_x1_h2", "value": 0},
                  {"name": "w_x2_h1", "value": 0}, {"name": "w_x2_h2", "value": 0},
                  {"name": "b_h1", "value": 1e300}, {"name": "b_h2", "value": 1e300},
                  {"name": "w_h1_y", "value": 1e300}, {"name": "w_h2_y", "value": -1e300},
                  {"name": "b_y", "value": 0}]}
                """);
        Run r = run("train", "--epochs", "100", "--activation", "relu", "--init", f.toString(), "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.json().get("diverged")).isEqualTo(true);
        assertThat(r.json().get("epochs")).isEqualTo(1.0);
        assertThat(r.json().get("loss")).isNull();
        assertThat(r.err()).startsWith("backprop-lab train: diverged in epoch 1 of 100").contains("--lr").hasLineCount(1);
    }

    /** A folder is refused before training, as a bad command line (it used to fail after training). */
    @Test
    void saveToAFolderIsRefusedBeforeTraining() {
        Run r = run("train", "--epochs", "1", "--save", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("backprop-lab train: --save " + dir + ": is a folder; give the name of a file"
                + " to write (see 'backprop-lab train --help')" + System.lineSeparator());
    }

    // ------------------------------------------------------------------ gradcheck

    /**
     * Chain-rule gradient at the reference preset's seed-0 start, from numpy by hand-written backprop
     * (dL/dz_y = (p - y)/4 for sigmoid + cross-entropy, ReLU' = [z > 0]).
     */
    static final double[] NUMPY_CHAIN = {0.22528122408754378, -0.03717535293963273, 0.2137750560429853,
        -0.03405619423360531, 0.405630384629878, -0.03405619423360531, 1.435841001697184, 0.3826042700918623,
        0.42693961651095796};

    @Test
    void gradcheckJsonAgreesWithNumpy() {
        Run r = run("gradcheck", "--preset", "reference", "--format", "json");
        assertThat(r.code()).isZero();
        Map<String, Object> j = r.json();
        assertThat((Double) j.get("loss")).isCloseTo(1.5017334395697, within(1e-13));
        assertThat(j.get("epsilon")).isEqualTo(1e-4);
        assertThat(j.get("difference")).isEqualTo("forward");
        List<Map<String, Object>> ps = list(j.get("parameters"));
        assertThat(ps).hasSize(9);
        for (int k = 0; k < 9; k++) {
            Map<String, Object> p = ps.get(k);
            assertThat((Double) p.get("chainRule")).isCloseTo(NUMPY_CHAIN[k], within(1e-13));
            double rel = (Double) p.get("relativeError");
            double a = (Double) p.get("chainRule");
            double n = (Double) p.get("numeric");
            assertThat(rel).isCloseTo(Math.abs(a - n) / Math.max(Math.abs(a), Math.abs(n)), within(1e-18));
            // One-sided with eps = 1e-4: off by its own truncation error, as predicted: expected, for that reason.
            assertThat(p.get("verdict")).isEqualTo("expected");
            assertThat(p.get("reason")).isEqualTo("one-sided O(\u03b5)");
            double predicted = (Double) p.get("predictedError");
            assertThat(Math.abs(a - n)).isLessThanOrEqualTo(4 * predicted).isGreaterThan(predicted / 4);
        }
        assertThat(ps.get(0).get("name")).isEqualTo("w_x1_h1");
        assertThat(ps.get(0).get("value")).isEqualTo(1.764052345967664);
    }

    /**
     * Central differences at the reference start: good where they agree to rounding, and where
     * they do not (w_h1_y, whose L‴ is 1.29 by scripts/curvature.py: ε²·|L‴|/6 = 2.1e-9 stands
     * out of the rounding), expected for that reason. Never bad.
     */
    @Test
    void centralDifferencesAreGoodOrOffByTheirOwnTruncation() {
        Map<String, Object> j = run("gradcheck", "--preset", "reference", "--difference", "central",
                "--format", "json").json();
        assertThat(list(j.get("parameters"))).allSatisfy(p -> {
            if (p.get("name").equals("w_h1_y")) {
                assertThat(p.get("verdict")).isEqualTo("expected");
                assertThat(p.get("reason")).isEqualTo("central O(\u03b5\u00b2)");
                Map<String, Object> parts = list(List.of(p.get("predictedErrorParts"))).get(0);
                assertThat((Double) parts.get("truncation")).isCloseTo(1e-8 * 1.2863397015899334 / 6, within(1e-14));
            } else {
                assertThat(p.get("verdict")).isEqualTo("good");
                assertThat(p.get("reason")).isNull();
            }
        });
    }

    @Test
    void gradcheckTableSaysWhatItMeans() {
        Run r = run("gradcheck");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("eps = 0.0001", "one-sided", "numeric dL/dw", "chain rule dL/dw", "abs diff",
                "predicted", "verdict", "abs diff  = |chain - numeric|; predicted = the error the numeric difference",
                "good      within 4x the rounding error alone (itself under 1e-7 of the gradient): they agree",
                "expected  within 4x the predicted error", "bad       beyond 4x the predicted error",
                "one-sided O(eps)  a forward difference's truncation", "summary:  0 good, 9 expected, 0 bad");
        assertThat(r.out().lines().filter(l -> l.startsWith("w_") || l.startsWith("b_"))).hasSize(9);
    }

    // ------------------------------------------------------------------ sweep

    /** docs/guide-and-reference.md: the guide's program learns XOR with seed 0 and sticks at loss 0.4774 with seeds 1 and 2. */
    @Test
    void sweepCountsLearnedAndGroupsStuckRuns() {
        Run r = run("sweep", "--preset", "reference", "--seeds", "3", "--epochs", "100000", "--format", "json");
        assertThat(r.code()).isZero();
        Map<String, Object> j = r.json();
        assertThat(j.get("seeds")).isEqualTo(3.0);
        assertThat(j.get("epochs")).isEqualTo(100000.0);
        assertThat(j.get("learned")).isEqualTo(1.0);
        assertThat((Double) j.get("seconds")).isPositive();
        List<Map<String, Object>> stuck = list(j.get("stuckByLoss"));
        assertThat(stuck).hasSize(1);
        assertThat(stuck.get(0).get("loss")).isEqualTo(0.4774);
        assertThat(stuck.get(0).get("count")).isEqualTo(2.0);
        assertThat(stuck.get(0).get("seeds")).isEqualTo(List.of(1.0, 2.0));
    }

    @Test
    void sweepTable() {
        Run r = run("sweep", "--preset", "reference", "--seeds", "3", "--epochs", "100000", "--threads", "1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("learned   1 of 3 (33.3%)", "loss 0.4774:      2 runs  (seeds 1, 2)",
                "on 1 thread");
    }

    // ------------------------------------------------------------------ bench

    @Test
    void benchReportsEachMethod() {
        Run r = run("bench", "--warmup", "0.05", "--batches", "3", "--batch-time", "0.01", "--format", "json");
        assertThat(r.code()).isZero();
        Map<String, Object> j = r.json();
        for (String key : List.of("chain", "numericForward", "numericCentral")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) j.get(key);
            double ns = (Double) m.get("nsPerEpoch");
            assertThat(ns).isPositive();
            assertThat((Double) m.get("epochsPerSecond")).isCloseTo(1e9 / ns, within(1e-6 * 1e9 / ns));
            assertThat((List<?>) m.get("batchesNsPerEpoch")).hasSize(3);
        }
        // Central differences: 2P + 1 = 19 forward passes for P = 9 (L(w +- eps) per parameter, and L(w)),
        // which cost more than 1 forward + 1 backward pass.
        @SuppressWarnings("unchecked")
        Map<String, Object> central = (Map<String, Object>) j.get("numericCentral");
        assertThat((Double) central.get("ratioToChain")).isGreaterThan(1.0);
        assertThat(central.get("forwardPassesPerEpoch")).isEqualTo(19.0);
    }

    @Test
    void benchTable() {
        Run r = run("bench", "--warmup", "0", "--batches", "1", "--batch-time", "0.005");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("ns per epoch", "chain rule", "numeric, one-sided", "numeric, central",
                "1 + P = 10 forward passes", "2P + 1 = 19 forward passes");
    }

    // ------------------------------------------------------------------ bad input

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsOneClearLine(String args, int code, String says) {
        Run r = run(args.split(" "));
        assertThat(r.code()).as(args).isEqualTo(code);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).as(args).hasLineCount(1).contains(says).doesNotContain("Exception", "\tat ");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("train --lr -1", 2, "--lr must be a finite number > 0, got -1"),
                Arguments.of("train --lr 0", 2, "--lr must be a finite number > 0, got 0"),
                Arguments.of("train --lr abc", 2, "'abc' is not a number"),
                Arguments.of("train --lr NaN", 2, "got NaN"),
                Arguments.of("train --lr Infinity", 2, "got inf"),
                Arguments.of("train --epsilon 0", 2, "--epsilon must be > 0 and <= 0.1, got 0"),
                Arguments.of("train --epsilon 1", 2, "--epsilon must be > 0 and <= 0.1, got 1"),
                Arguments.of("train --hidden 0", 2, "--hidden must be 1..8, got 0"),
                Arguments.of("train --hidden 99", 2, "--hidden must be 1..8, got 99"),
                Arguments.of("train --epochs -5", 2, "--epochs must be >= 0, got -5"),
                Arguments.of("train --epochs many", 2, "'many'"),
                Arguments.of("train --preset nope", 2, "'nope' is not one of textbook, reference"),
                Arguments.of("train --activation swish", 2, "'swish' is not one of sigmoid, tanh, relu"),
                Arguments.of("train --loss hinge", 2, "'hinge' is not one of mse, bce"),
                Arguments.of("train --dataset xyz", 2, "'xyz' is not one of xor, and, or, nand, nor, xnor"),
                Arguments.of("train --method magic", 2, "'magic' is not one of chain, numeric"),
                Arguments.of("train --difference sideways", 2, "'sideways' is not one of forward, central"),
                Arguments.of("train --init-scheme gauss", 2, "'gauss' is not one of uniform01, uniform, numpy-randn"),
                Arguments.of("train --seed -1", 2, "--seed must be 0..4294967295, got -1"),
                Arguments.of("train --format xml", 2, "'xml' is not one of table, json, csv"),
                Arguments.of("gradcheck --format yaml", 2, "'yaml' is not one of table, json"),
                Arguments.of("sweep --format csv", 2, "'csv' is not one of table, json"),
                Arguments.of("bench --format csv", 2, "'csv' is not one of table, json"),
                Arguments.of("train --every 0 --history h.csv", 2, "--every must be >= 1, got 0"),
                Arguments.of("train --every 10", 2, "--every thins the --history file"),
                Arguments.of("sweep --seeds 0", 2, "--seeds must be 1..1000000, got 0"),
                Arguments.of("sweep --epochs -1", 2, "--epochs must be >= 0, got -1"),
                Arguments.of("sweep --threads 0", 2, "--threads must be 1..256, got 0"),
                Arguments.of("sweep --seed 3", 2, "--seed does not apply to sweep"),
                Arguments.of("bench --batches 0", 2, "--batches must be 1..100, got 0"),
                Arguments.of("bench --warmup -1", 2, "--warmup must be 0..60 seconds"),
                Arguments.of("train --no-such-option", 2, "unknown option '--no-such-option'"),
                Arguments.of("train extra", 2, "unexpected argument 'extra': train takes options only"),
                Arguments.of("--lr 1 train", 2, "options go after the command: '--lr' was given before 'train'"),
                Arguments.of("no-such-command", 2,
                        "unknown command 'no-such-command'; the commands are: tui, train, gradcheck, explain, trace, epsilon,"
                                + " sweep, bench"));
    }

    // ------------------------------------------------------------------ --init files

    @ParameterizedTest
    @MethodSource("badInitFiles")
    void badInitFileIsOneClearLine(String content, String says) throws IOException {
        Path f = dir.resolve("p.json");
        Files.writeString(f, content);
        for (String command : List.of("train", "gradcheck", "bench")) {
            Run r = run(command, "--init", f.toString());
            assertThat(r.code()).as(command).isEqualTo(2);
            assertThat(r.err()).as(command).hasLineCount(1).contains("--init " + f + ": " + says)
                    .doesNotContain("Exception");
        }
    }

    static final String NAMES = "expected for --hidden 2: w_x1_h1, w_x1_h2, w_x2_h1, w_x2_h2, b_h1, b_h2, w_h1_y,"
            + " w_h2_y, b_y";

    static String nine(String replaceFirst) {
        StringBuilder sb = new StringBuilder("{\"parameters\": [");
        String[] names = {"w_x1_h1", "w_x1_h2", "w_x2_h1", "w_x2_h2", "b_h1", "b_h2", "w_h1_y", "w_h2_y", "b_y"};
        for (int k = 0; k < names.length; k++) {
            sb.append(k > 0 ? ", " : "").append(k == 0 && replaceFirst != null ? replaceFirst
                    : "{\"name\": \"" + names[k] + "\", \"value\": 0.5}");
        }
        return sb.append("]}").toString();
    }

    static Stream<Arguments> badInitFiles() {
        return Stream.of(
                Arguments.of("{\"parameters\": [{\"name\": \"w_x1_h1\", \"value\": 0.1}",
                        "malformed JSON at line 1, column 50: expected ',' or ']' but found the end of the text"),
                Arguments.of("", "malformed JSON at line 1, column 1: expected a value but the text ended"),
                Arguments.of("[1, 2]", "expected an object with a \"parameters\" array"),
                Arguments.of("{\"parameters\": [{\"name\": \"nonsense\", \"value\": 0.1}]}",
                        "unknown parameter 'nonsense'; " + NAMES),
                Arguments.of(nine("{\"name\": \"w_x1_h9\", \"value\": 0.5}"), "unknown parameter 'w_x1_h9'; " + NAMES),
                Arguments.of(nine("{\"name\": \"b_y\", \"value\": 0.5}"), "parameter 'b_y' appears twice"),
                Arguments.of(nine("{\"name\": \"w_x1_h1\", \"value\": 1e999}"),
                        "parameter 'w_x1_h1' is not a finite number"),
                Arguments.of(nine("{\"name\": \"w_x1_h1\", \"value\": \"0.5\"}"),
                        "parameter 'w_x1_h1' needs a number as \"value\""),
                Arguments.of(nine("{\"value\": 0.5}"), "parameters[0] must be an object with a \"name\""),
                Arguments.of("{\"parameters\": [{\"name\": \"b_y\", \"value\": 0.5}]}",
                        "missing parameters w_x1_h1, w_x1_h2, w_x2_h1, w_x2_h2, b_h1, b_h2, w_h1_y, w_h2_y; " + NAMES));
    }

    /** The file's parameters decide the hidden units; a --hidden that disagrees says what the file has. */
    @Test
    void initFileFromAnotherHiddenSizeSaysSo() {
        Path f = dir.resolve("h3.json");
        assertThat(run("train", "--hidden", "3", "--epochs", "0", "--save", f.toString()).code()).isZero();
        Run r = run("gradcheck", "--hidden", "2", "--init", f.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("(the file has 13 parameters, as saved with --hidden 3)").hasLineCount(1);
        assertThat(run("gradcheck", "--hidden", "3", "--init", f.toString()).code()).isZero();
        assertThat(run("gradcheck", "--init", f.toString()).code()).isZero();
    }

    @Test
    void missingInitFileAndDirectory() {
        Run missing = run("gradcheck", "--init", dir.resolve("nope.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json: no such file").hasLineCount(1);
        Run directory = run("train", "--init", dir.toString());
        assertThat(directory.code()).isEqualTo(2);
        assertThat(directory.err()).contains("is a directory").hasLineCount(1);
        Run sweep = run("sweep", "--init", dir.resolve("nope.json").toString());
        assertThat(sweep.code()).isEqualTo(2);
        assertThat(sweep.err()).contains("--init does not apply to sweep");
    }

    @Test
    void initFileMayStartWithAByteOrderMark() throws IOException {
        Path f = dir.resolve("bom.json");
        Files.writeString(f, "\uFEFF" + nine(null));
        double[] v = values(run("train", "--epochs", "0", "--init", f.toString(), "--format", "json").json());
        assertThat(v).containsOnly(0.5);
    }

    @Test
    void initOrderDoesNotMatterOnlyNames() throws IOException {
        Path f = dir.resolve("reversed.json");
        Files.writeString(f, """
                {"parameters": [{"name": "b_y", "value": -0.25}, {"name": "w_h2_y", "value": 1},
                 {"name": "w_h1_y", "value": 2}, {"name": "b_h2", "value": 3}, {"name": "b_h1", "value": 4},
                 {"name": "w_x2_h2", "value": 5}, {"name": "w_x2_h1", "value": 6}, {"name": "w_x1_h2", "value": 7},
                 {"name": "w_x1_h1", "value": 8}]}
                """);
        double[] v = values(run("train", "--epochs", "0", "--init", f.toString(), "--format", "json").json());
        assertThat(v).containsExactly(8, 7, 6, 5, 4, 3, 2, 1, -0.25);
    }
}
