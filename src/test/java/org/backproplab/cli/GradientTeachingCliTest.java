package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.backproplab.cli.CliTest.list;
import static org.backproplab.cli.CliTest.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backproplab.grad.ChainRule;
import org.backproplab.grad.Difference;
import org.backproplab.grad.NumericGradient;
import org.backproplab.grad.PlantedBug;
import org.backproplab.nn.Network;
import org.backproplab.train.Config;
import org.backproplab.train.Preset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The gradient check's verdicts, the epsilon study and the planted bugs on the command line, through {@link Main#run}. */
class GradientTeachingCliTest {
    @TempDir
    Path dir;

    /**
     * The case: after a few thousand textbook epochs the old check called seven of nine
     * rows bad. Judged against the predicted error, none is; each row has a positive
     * "predictedError" beside "absoluteError", and the difference is within 4× of it.
     */
    @Test
    void aTrainedRunHasNoBadRowAndEveryRowItsPredictedError() {
        Path saved = dir.resolve("t.json");
        assertThat(run("train", "--epochs", "4000", "--save", saved.toString()).code()).isZero();
        Map<String, Object> j = run("gradcheck", "--init", saved.toString(), "--format", "json").json();
        assertThat(j.get("verdictFactor")).isEqualTo(4.0);
        assertThat(j.get("plantedBug")).isNull();
        for (Map<String, Object> p : list(j.get("parameters"))) {
            assertThat(p.get("verdict")).isIn("good", "expected");
            double predicted = (Double) p.get("predictedError");
            assertThat(predicted).isPositive();
            assertThat((Double) p.get("absoluteError")).isLessThanOrEqualTo(4 * predicted);
        }
        assertThat(run("gradcheck", "--init", saved.toString()).out()).contains("summary:  0 good, 9 expected, 0 bad");
    }

    /** Issue 9: ε = 1e-300 was "rounding" on every row and bad; the numeric value is lost in rounding, and it says so. */
    /**
     * The learning rate's gradient is taken along the step training takes next, as the lab takes
     * it: the numeric gradient where it drives training (the reference preset), the chain rule's
     * otherwise. Python on IEEE doubles, φ′(η) = −∇L(θ − η·g)·g at the reference start:
     * −2.57990280 with g the numeric gradient, −2.57986743 with g the chain rule's.
     */
    @Test
    void theLearningRatesGradientFollowsTheStepTrainingTakes() {
        CliTest.Run numeric = run("gradcheck", "--preset", "reference");
        assertThat(numeric.out()).contains("g = the numeric gradient, the one training steps along",
                "chain rule -grad L(w')*g = -2.57990280e+00");
        @SuppressWarnings("unchecked")
        Map<String, Object> rate = (Map<String, Object>) run("gradcheck", "--preset", "reference", "--format", "json")
                .json().get("learningRate");
        assertThat(rate).containsEntry("along", "numeric");
        assertThat((Double) rate.get("chainRule")).isCloseTo(-2.57990280, org.assertj.core.data.Offset.offset(5e-9));
        CliTest.Run chain = run("gradcheck", "--preset", "reference", "--method", "chain");
        assertThat(chain.out()).contains("g = the chain-rule gradient, the one training steps along",
                "chain rule -grad L(w')*g = -2.57986743e+00");
    }

    @Test
    void anEpsilonTooSmallIsLostInRounding() {
        CliTest.Run r = run("gradcheck", "--epsilon", "1e-300");
        assertThat(r.code()).isZero();
        List<String> rows = r.out().lines().filter(l -> l.startsWith("w_") || l.startsWith("b_")).toList();
        assertThat(rows).hasSize(9).allSatisfy(l -> assertThat(l).contains(" 0.00000000e+00 ", "expected", "lost in rounding"));
        assertThat(r.out()).contains("lost in rounding  the rounding of L over eps exceeds the gradient");
    }

    @ParameterizedTest
    @EnumSource(PlantedBug.class)
    void aPlantedBugIsFoundAndAlwaysSaid(PlantedBug bug) {
        Map<String, Object> j = run("gradcheck", "--planted-bug", bug.id(), "--format", "json").json();
        assertThat(j.get("plantedBug")).isEqualTo(bug.id());
        assertThat(((Map<?, ?>) j.get("config")).get("plantedBug")).isEqualTo(bug.id());
        assertThat(list(j.get("parameters"))).anySatisfy(p -> assertThat(p.get("verdict")).isEqualTo("bad"));
        CliTest.Run table = run("gradcheck", "--planted-bug", bug.id());
        assertThat(table.out().lines().skip(2).findFirst().orElseThrow())
                .isEqualTo("bug       a bug is planted in the chain rule (--planted-bug " + bug.id() + "): " + bug.mistake());
        // train, explain and sweep say it too
        assertThat(run("train", "--epochs", "10", "--planted-bug", bug.id()).out()).contains("a bug is planted");
        assertThat(((Map<?, ?>) run("train", "--epochs", "10", "--planted-bug", bug.id(), "--format", "json").json()
                .get("config")).get("plantedBug")).isEqualTo(bug.id());
        assertThat(run("explain", "--param", "b_h1", "--planted-bug", bug.id()).out()).contains("a bug is planted");
        List<String> csv = run("train", "--epochs", "10", "--planted-bug", bug.id(), "--format", "csv").out().lines().toList();
        assertThat(csv.get(0)).endsWith(",planted_bug");
        assertThat(csv.get(1)).endsWith("," + bug.id());
        assertThat(run("train", "--epochs", "10", "--format", "csv").out()).doesNotContain("planted");
    }

    @Test
    void anUnknownBugIsOneClearLine() {
        for (String command : List.of("gradcheck", "train", "explain", "tui", "epsilon")) {
            CliTest.Run r = run(command, "--planted-bug", "off-by-one");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("'off-by-one' is not one of no-output-slope, no-hidden-slope, no-mean,"
                    + " wrong-sign, swapped-inputs, one-row-bias").doesNotContain("Exception");
        }
    }

    /** Without a terminal the lab refuses to start, but only after taking --planted-bug as a good option. */
    @Test
    void theLabTakesAPlantedBug() {
        CliTest.Run r = run("tui", "--planted-bug", "no-mean");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("needs a terminal");
    }

    /**
     * explain with a bug: the rows' products are the right chain rule, the program's (buggy) value
     * is said beside them and judged; the prediction is in the table and in JSON.
     */
    @Test
    void explainShowsThePredictionAndThePlantedBug() {
        CliTest.Run r = run("explain", "--param", "w_x1_h1");
        assertThat(r.out()).contains("one-sided error predicted eps*|L''|/2 = 2.0e-08 (L'' = -4.0e-04)",
                "observed 2.0e-08, 1.0x the predicted: expected (one-sided O(eps))");
        Map<String, Object> j = run("explain", "--param", "w_x1_h1", "--format", "json").json();
        assertThat(j.get("verdict")).isEqualTo("expected");
        assertThat((Double) j.get("predictedError")).isCloseTo(1e-4 * 0.00040318284238074951 / 2, within(1e-10));
        CliTest.Run bug = run("explain", "--param", "w_x1_h1", "--planted-bug", "swapped-inputs");
        assertThat(bug.out()).contains("a bug is planted in the program's chain rule (--planted-bug swapped-inputs): it gives"
                + " 1.48359156e-03, not this sum", "the predicted: bad");
        Map<String, Object> jb = run("explain", "--param", "w_x1_h1", "--planted-bug", "swapped-inputs", "--format",
                "json").json();
        assertThat(jb.get("plantedBug")).isEqualTo("swapped-inputs");
        assertThat(jb.get("verdict")).isEqualTo("bad");
    }

    /** epsilon --format json: the fields the issue names, 25 rows from 1e-1 to 1e-13, each the engine's own difference. */
    @Test
    void theEpsilonStudyInJson() {
        Map<String, Object> j = run("epsilon", "--param", "w_x1_h1", "--format", "json").json();
        assertThat(j).containsKeys("parameter", "chainRule", "rows", "bestForward", "bestCentral", "predictedBestForward",
                "predictedBestCentral", "config");
        assertThat(j.get("parameter")).isEqualTo("w_x1_h1");
        Config c = Preset.TEXTBOOK.defaults();
        Network net = new Network(c.architecture(), c.dataset());
        double[] theta = c.initialParameters();
        double[] g = new double[theta.length];
        double loss = new ChainRule(net).gradient(theta, g);
        assertThat(j.get("chainRule")).isEqualTo(g[0]);
        List<Map<String, Object>> rows = list(j.get("rows"));
        assertThat(rows).hasSize(25);
        assertThat(rows.get(0).get("epsilon")).isEqualTo(0.1);
        assertThat((Double) rows.get(24).get("epsilon")).isCloseTo(1e-13, within(1e-27));
        for (Map<String, Object> row : rows) {
            assertThat(row).containsOnlyKeys("epsilon", "forward", "central", "forwardError", "centralError",
                    "predictedForwardError", "predictedCentralError");
            double eps = (Double) row.get("epsilon");
            double[] forward = new double[theta.length];
            new NumericGradient(net).gradient(theta.clone(), loss, eps, Difference.FORWARD, forward);
            assertThat(row.get("forward")).isEqualTo(forward[0]);
            assertThat(row.get("forwardError")).isEqualTo(Math.abs(forward[0] - g[0]));
        }
        Map<?, ?> best = (Map<?, ?>) j.get("bestForward");
        double least = rows.stream().mapToDouble(r -> (Double) r.get("forwardError")).min().orElseThrow();
        assertThat(best.get("error")).isEqualTo(least);
        assertThat((Double) j.get("predictedBestForward")).isBetween(1e-7, 1e-5);
    }

    @Test
    void theEpsilonStudyAsATable() {
        CliTest.Run r = run("epsilon", "--param", "b_y", "--preset", "reference");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Epsilon study of dL/db_y", "one-sided dL/dw", "central dL/dw", "predicted",
                "one-sided: best eps", "central:   best eps", "guide's eps 1e-4:", "1e-13", "1e-01", "g");
        assertThat(r.out().lines().filter(l -> l.startsWith(" 1.0e-") || l.startsWith(" 3.2e-"))).hasSize(25);
        assertThat(r.out().chars().allMatch(ch -> ch < 128)).as("ASCII for handouts").isTrue();
        CliTest.Run bad = run("epsilon", "--param", "w_x9_h1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown parameter 'w_x9_h1'").doesNotContain("Exception");
        assertThat(run("epsilon").err()).contains("missing --param NAME");
    }

    /**
     * Issue 3 on the command line: reference preset, seed 1, x1→h2 (h2 dead on every row, so both
     * differences are exactly 0 = the chain rule at every ε). The table said "best eps 1e-01
     * (0.0e+00)" and "rounding dominates"; JSON named 1e-01 the best. Now: exact at every ε, no
     * best ε (null in JSON, the 25 exact ε listed), the dead unit named, and no line over 80 columns.
     */
    @Test
    void theEpsilonStudyOfADeadUnitIsExactWithNoBestEpsilon() {
        CliTest.Run r = run("epsilon", "--preset", "reference", "--seed", "1", "--param", "x1→h2");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("one-sided: exact (error 0) at every eps, so no eps is best",
                        "central:   exact (error 0) at every eps, so no eps is best",
                        "guide's eps 1e-4: one-sided 0: exact, nothing dominates",
                        "why: h2 is 0 on every row (a dead ReLU)", "L(theta+eps) = L(theta) bit for bit",
                        "\nexact:x  x")
                .doesNotContain("best eps 1e-01", "rounding dominates");
        Map<String, Object> j = run("epsilon", "--preset", "reference", "--seed", "1", "--param", "w_x1_h2", "--format",
                "json").json();
        for (String key : List.of("bestForward", "bestCentral")) {
            Map<?, ?> best = (Map<?, ?>) j.get(key);
            assertThat(best.get("epsilon")).as(key).isNull();
            assertThat(best.get("error")).isEqualTo(0.0);
            List<?> exact = (List<?>) best.get("exact");
            assertThat(exact).hasSize(25);
            assertThat(exact.get(0)).isEqualTo(0.1);
        }
        Map<String, Object> dead = map(j.get("deadPath"));
        assertThat(dead).containsEntry("unit", "h2").containsEntry("input", null);
        // a live parameter: one best ε, nothing exact, no dead path
        Map<String, Object> live = run("epsilon", "--param", "w_x1_h1", "--format", "json").json();
        Map<String, Object> best = map(live.get("bestForward"));
        assertThat(best).containsEntry("exact", List.of());
        assertThat(best.get("epsilon")).isNotNull();
        assertThat(live.get("deadPath")).isNull();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    /** The findings and the legend of the table fit 80 columns in ASCII (the guide's line wrapped in the lab). */
    @Test
    void theEpsilonTableFitsEightyColumns() {
        CliTest.Run r = run("epsilon", "--preset", "reference", "--param", "x1→h1");
        List<String> lines = r.out().lines().toList();
        int guide = lines.indexOf("guide's eps 1e-4: one-sided 5.6e-07, 151x best: too large: truncation");
        assertThat(guide).as(r.out()).isPositive();
        assertThat(lines.get(guide + 1)).isEqualTo("                  central 9.8e-12, 1.0x best: near the best");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("o/x one-sided/central, ./- predicted, O/X best, F/C predicted"
                + " best, g guide");
        for (String line : lines.subList(guide - 2, lines.size())) { // the findings and the chart
            assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
        }
    }
}
