package org.backproplab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backproplab.cli.CliTest.list;
import static org.backproplab.cli.CliTest.run;
import static org.backproplab.cli.CliTest.values;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code trace}: every step of one epoch, and it ends where {@code train --epochs 1} ends. */
class TraceCommandTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> after(Map<String, Object> trace) {
        return (Map<String, Object>) trace.get("after");
    }

    @Test
    void theTracedEpochEndsWhereOneEpochOfTrainingEnds() {
        String[][] runs = {{}, {"--preset", "reference"}, {"--method", "numeric"}, {"--method", "numeric", "--difference",
            "central"}, {"--hidden", "3", "--activation", "tanh", "--loss", "bce", "--dataset", "nand"}};
        for (String[] options : runs) {
            String[] traceArgs = concat(new String[] {"trace", "--format", "json"}, options);
            String[] trainArgs = concat(new String[] {"train", "--epochs", "1", "--format", "json"}, options);
            CliTest.Run trace = run(traceArgs);
            CliTest.Run train = run(trainArgs);
            assertThat(trace.code()).as(String.join(" ", traceArgs)).isZero();
            Map<String, Object> t = trace.json();
            assertThat(values(after(t))).as(String.join(" ", options)).containsExactly(values(train.json()));
            assertThat(after(t).get("loss")).isEqualTo(train.json().get("loss"));
        }
    }

    /**
     * The table writes the base loss and each nudged loss with 12 significant digits, so that
     * every nudge's change (about 1e-7 for the hidden layer's, textbook preset) shows: no nudged
     * loss reads as the base one. The lab's list of steps writes them the same (its digits are
     * checked against an independent forward pass in TraceViewRenderTest).
     */
    @Test
    void theNumericTableShowsEachNudgesChangeOfTheLoss() {
        for (String difference : new String[] {"forward", "central"}) {
            String out = run("trace", "--method", "numeric", "--difference", difference).out();
            String base = out.lines().filter(l -> l.strip().startsWith("1. L = ")).findFirst().orElseThrow()
                    .strip().substring("1. L = ".length()).split(" ")[0];
            assertThat(base).hasSize("0.280143635909".length()); // 12 significant digits
            List<String> nudged = out.lines().filter(l -> l.contains(" eps) = "))
                    .map(l -> l.substring(l.indexOf(" eps) = ") + 8).split("[; ]")[0]).toList();
            assertThat(nudged).as(difference).hasSize(difference.equals("forward") ? 9 : 18).doesNotContain(base)
                    .allMatch(l -> l.length() >= 13);
        }
    }

    @Test
    void theJsonNamesEveryStepAsTheFormatSays() {
        Map<String, Object> t = run("trace", "--format", "json").json();
        assertThat(t).containsKeys("config", "method", "steps", "gradient", "after");
        assertThat(t.get("method")).isEqualTo("chain");
        List<Map<String, Object>> steps = list(t.get("steps"));
        Set<Object> phases = steps.stream().map(s -> s.get("phase")).collect(Collectors.toSet());
        assertThat(phases).containsExactlyInAnyOrder("forward", "loss", "backward", "update");
        Set<Object> quantities = steps.stream().map(s -> s.get("quantity")).collect(Collectors.toSet());
        assertThat(quantities).contains("z_h1", "a_h1", "z_h2", "a_h2", "z_y", "yhat", "loss_term", "loss", "dL_dyhat",
                "delta_y", "delta_h1", "delta_h2", "w_x1_h1", "b_h2", "w_h1_y", "b_y");
        for (Map<String, Object> s : steps) {
            assertThat(s).containsKeys("phase", "row", "quantity", "value", "formula");
            Object row = s.get("row");
            assertThat(row == null || Set.of(0.0, 1.0, 2.0, 3.0).contains(row)).isTrue();
        }
        // the numeric way: one nudge a parameter (phase nudge, the loss after it as the value)
        Map<String, Object> n = run("trace", "--method", "numeric", "--format", "json").json();
        long nudges = list(n.get("steps")).stream().filter(s -> "nudge".equals(s.get("phase"))).count();
        assertThat(nudges).isEqualTo(9);
        assertThat(n.get("forwardPasses")).isEqualTo(10.0);
    }

    @Test
    void theTableReadsAsAHandout() {
        CliTest.Run r = run("trace");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("forward, row 1 of 4 (x1=0, x2=0)", "backward, row 4 of 4 (x1=1, x2=1)",
                "delta_h1 = delta_y * w_h1_y * sigmoid'(z_h1)", "update: theta <- theta - lr * gradient",
                "forward passes in the epoch: 1, backward passes: 1");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * A nudge is said to change only what it changes. The reference preset's start (seed 0):
     * w_x1_h2 = 0.400157, w_x2_h2 = 2.240893, b_h2 = -0.977278, so h2's input is 0.400157 - 0.977278
     * = -0.577 on row (1,0) (below 0 before and after a nudge of 1e-4: ReLU stays 0) and 1.664 on
     * (1,1); b_h2 moves all four rows' inputs, but only (0,1) (1.264) and (1,1) are above 0.
     */
    @Test
    void aNudgeChangesOnlyTheNodesItReallyChanges() {
        CliTest.Run r = CliTest.run("trace", "--preset", "reference", "--method", "numeric");
        assertThat(r.code()).isZero();
        String x1h2 = r.out().lines().dropWhile(l -> !l.contains("L(w_x1_h2 + eps)")).skip(1).findFirst().orElseThrow();
        assertThat(x1h2).contains("changes h2 on (1,1);").contains("not h2 on (1,0)").contains("y on (1,1);")
                .doesNotContain("all four");
        String bh2 = r.out().lines().dropWhile(l -> !l.contains("L(b_h2 + eps)")).skip(1).findFirst().orElseThrow();
        assertThat(bh2).contains("changes h2 on (0,1) and (1,1);").contains("not h2 on (0,0) and (1,0)")
                .contains("y on (0,1) and (1,1);");
        String wh1y = r.out().lines().dropWhile(l -> !l.contains("L(w_h1_y + eps)")).skip(1).findFirst().orElseThrow();
        assertThat(wh1y).contains("changes y on all four rows;");
    }
}
