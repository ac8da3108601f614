package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backproplab.cli.CliTest.run;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numbers the commands print, through {@link Main#run}: a column as wide as its widest value,
 * values to the last bit in the project's style (never Java's 2.46E-5), the error budget's total
 * apart from its rounding, and the ε study's chart with its markers on the axis line.
 */
class NumbersInOutputCliTest {
    @TempDir
    Path dir;

    /** The lines of a table from its heading to the blank line after it. */
    private static List<String> table(String out, String heading) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String line : out.split("\n")) {
            if (line.startsWith(heading)) in = true;
            else if (in && line.isBlank()) break;
            if (in) lines.add(line);
        }
        return lines;
    }

    /** train at lr 1e6: every value ends under the end of "value" (w_h1_y = -45009.811456 ran one column past it). */
    @Test
    void trainsValueColumnHoldsItsWidestValue() {
        CliTest.Run r = run("train", "--lr", "1e6", "--epochs", "100");
        assertThat(r.code()).isZero();
        List<String> rows = table(r.out(), "parameter");
        assertThat(rows).hasSize(10);
        int end = rows.get(0).indexOf("value") + "value".length();
        Map<String, Object> json = run("train", "--lr", "1e6", "--epochs", "100", "--format", "json").json();
        double[] theta = CliTest.values(json);
        for (int k = 0; k < 9; k++) {
            String line = rows.get(1 + k);
            assertThat(line).hasSize(end);
            // six decimals below 1e6, as Python's '%.6f' writes them
            assertThat(line.strip()).endsWith(String.format(java.util.Locale.ROOT, "%.6f", theta[k]));
        }
        assertThat(String.join("\n", rows)).contains("-45009.811456");
    }

    /** gradcheck on parameters of ±1.7e308 (a saved run, edited): the value column holds them too. */
    @Test
    void gradchecksValueColumnHoldsItsWidestValue() throws Exception {
        Path saved = dir.resolve("huge.json");
        assertThat(run("train", "--epochs", "1", "--save", saved.toString()).code()).isZero();
        String text = Files.readString(saved).replaceAll("\"value\": [-0-9.eE]+", "\"value\": -1.7e308");
        Files.writeString(saved, text);
        CliTest.Run r = run("gradcheck", "--init", saved.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = table(r.out(), "parameter");
        int end = rows.get(0).indexOf("value") + "value".length();
        for (String line : rows.subList(1, rows.size())) {
            assertThat(line.indexOf("-1.700000e+308") + "-1.700000e+308".length()).as(line).isEqualTo(end);
        }
    }

    /**
     * explain from a saved reference run at 9,956 epochs: b_h1 is 2.46e-5, written to the last bit
     * plainly, as settings are (Java wrote 2.460443523984862E-5); the error budget's total apart.
     */
    @Test
    void explainWritesExactValuesAndItsBudgetAsTrueEquations() throws Exception {
        Path saved = dir.resolve("r.json");
        assertThat(run("train", "--preset", "reference", "--epochs", "9956", "--save", saved.toString()).code()).isZero();
        double b = (Double) CliTest.list(run("train", "--epochs", "0", "--init", saved.toString(), "--format", "json").json()
                .get("parameters")).get(4).get("value");
        CliTest.Run r = run("explain", "--init", saved.toString(), "--param", "b_h1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("value     b_h1 = " + BigDecimal.valueOf(b).toPlainString() + "\n",
                "b_h1 + eps = " + BigDecimal.valueOf(b + 1e-4).toPlainString(),
                "b_h1 back to " + BigDecimal.valueOf(b).toPlainString())
                .doesNotContainPattern("[0-9]E[-+]?[0-9]");
        assertThat(r.out()).containsPattern("\\+ rounding 2\\*deltaL/eps = [0-9.]+e-[0-9]+; total [0-9.]+e-[0-9]+")
                .doesNotContainPattern("rounding [^;\\n]*= [-0-9.e+]+ = ");
        // epsilon says the value the same way
        assertThat(run("epsilon", "--init", saved.toString(), "--param", "b_h1").out())
                .contains("value     b_h1 = " + BigDecimal.valueOf(b).toPlainString() + "\n");
    }

    /**
     * epsilon's chart: F and C (the predicted best ε) on the axis line, not on the top row where
     * they read as points near 1e-2; the error axis labelled at even decades.
     */
    @Test
    void epsilonsChartKeepsItsMarkersOnTheAxisLine() {
        for (String param : new String[] {"b_y", "w_x1_h2", "w_h1_y"}) {
            String out = run("epsilon", "--param", param).out();
            List<String> chart = new ArrayList<>();
            boolean in = false;
            for (String line : out.split("\n")) {
                if (line.matches("1e[-+][0-9]{2}\\|.*")) in = true;
                if (in) chart.add(line);
                if (in && line.startsWith("     +")) break;
            }
            String axis = chart.get(chart.size() - 1);
            assertThat(axis).as(param).containsPattern("[FC]");
            List<Integer> decades = new ArrayList<>();
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < chart.size() - 1; i++) {
                String row = chart.get(i);
                assertThat(row.substring(6)).as("%s: no marker on a plot row: %s", param, row).doesNotContain("F", "C");
                if (row.startsWith("1e")) {
                    decades.add(Integer.parseInt(row.substring(2, 5)));
                    rows.add(i);
                }
            }
            for (int i = 1; i < decades.size(); i++) {
                assertThat(decades.get(i - 1) - decades.get(i)).as(param).isEqualTo(decades.get(0) - decades.get(1));
                assertThat(rows.get(i) - rows.get(i - 1)).as(param).isGreaterThanOrEqualTo(2);
            }
        }
    }

    /** A bad value is said back as it was typed, not in Java's form ("got 100.0", "has lr -1.0"). */
    @Test
    void badValuesAreSaidBackAsTyped() throws Exception {
        CliTest.Run bench = run("bench", "--warmup", "100");
        assertThat(bench.code()).isEqualTo(2);
        assertThat(bench.err()).contains("--warmup must be 0..60 seconds, got 100").doesNotContain("100.0");
        Path saved = dir.resolve("bad-lr.json");
        assertThat(run("train", "--epochs", "1", "--save", saved.toString()).code()).isZero();
        Files.writeString(saved, Files.readString(saved).replaceFirst("\"lr\": [-0-9.eE]+", "\"lr\": -1"));
        CliTest.Run train = run("train", "--init", saved.toString());
        assertThat(train.code()).isEqualTo(2);
        assertThat(train.err()).contains("has lr -1, not a number > 0").doesNotContain("-1.0");
    }

    /** good means one thing in gradcheck's legend and in the manual (and in the lab's legend, its render test). */
    @Test
    void goodIsSaidTheSameInTheLegendAndTheManual() throws Exception {
        String rule = "within 4x the rounding error alone (itself under 1e-7 of the gradient)";
        assertThat(run("gradcheck").out()).contains("good      " + rule);
        String manual = Files.readString(Path.of("docs/gradient-checks.md"));
        String judged = manual.substring(manual.indexOf("## How the verdict is judged"), manual.indexOf("```"));
        assertThat(judged.replaceAll("\\s+", " ").replace("4×", "4x")).contains("**good**: |numeric − chain| " + rule);
    }
}
