package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backproplab.format.Numbers;
import org.backproplab.io.ParametersFile;
import org.backproplab.nn.Architecture;
import org.backproplab.train.Config;
import org.backproplab.train.EpochTrace;
import org.backproplab.train.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code trace}: every step of one epoch from the starting parameters, for handouts and scripts. */
@Command(name = "trace",
        header = "Every step of one epoch: the forward pass, the loss, the backward pass and the update.",
        description = {
            "Trace one epoch from the starting parameters (or --init FILE), step by step, with the numbers:"
                    + " by the chain rule (--method chain) each hidden unit's z and a on each row, the output's z and"
                    + " yhat, the row's loss term, the mean, then backwards dL/dyhat, delta_y, each weight's and"
                    + " bias's share from each row, each hidden unit's delta, the sums over the rows and the update;"
                    + " numerically (--method numeric) the loss, one nudge per parameter with the nodes it changes"
                    + " and the forward passes so far, and the update.",
            "The parameters after it are those of 'train --epochs 1' with the same options."})
public final class TraceCommand implements Callable<Integer> {
    @Mixin
    ReportOptions options = new ReportOptions();

    @Override
    public Integer call() {
        Config config = options.toConfig();
        EpochTrace trace = EpochTrace.of(config, config.initialParameters());
        return options.print(() -> json(config, trace), out -> table(out, config, trace));
    }

    private Map<String, Object> json(Config config, EpochTrace trace) {
        Architecture arch = config.architecture();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", Describe.json(config, options));
        m.put("method", trace.method().id());
        m.put("forwardPasses", trace.forwardPasses());
        m.put("backwardPasses", trace.method() == Method.CHAIN ? 1 : 0);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (EpochTrace.Step s : trace.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("phase", s.phase().id());
            step.put("row", s.row() < 0 ? null : s.row());
            step.put("quantity", s.quantity());
            step.put("value", s.value());
            step.put("formula", s.formula());
            if (!s.note().isEmpty()) step.put("note", s.note());
            step.put("forwardPasses", s.forwardPasses());
            steps.add(step);
        }
        m.put("steps", steps);
        m.put("gradient", ParametersFile.toJson(arch, trace.gradient()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("parameters", ParametersFile.toJson(arch, trace.after()));
        after.put("loss", trace.lossAfter());
        m.put("after", after);
        return m;
    }

    private void table(PrintWriter out, Config config, EpochTrace trace) {
        out.println("One epoch, step by step, from the starting parameters (" + Describe.start(config, options) + ")");
        out.println(Describe.networkLines(config, ""));
        out.println("gradient  " + Describe.method(config) + ", learning rate " + Numbers.setting(config.learningRate()));
        out.println();
        int width = String.valueOf(trace.steps().size()).length();
        EpochTrace.Phase phase = null;
        int row = -2;
        int number = 0;
        for (EpochTrace.Step s : trace.steps()) {
            number++;
            if (s.phase() != phase || s.row() != row) {
                phase = s.phase();
                row = s.row();
                out.println(heading(s));
            }
            out.println("  " + " ".repeat(width - String.valueOf(number).length()) + number + ". " + s.formula());
            if (!s.note().isEmpty()) {
                out.println("  " + " ".repeat(width + 2) + "  (" + s.note() + ")");
            }
        }
        out.println();
        out.println("after     L = " + Numbers.sig(trace.lossAfter(), 10) + "; forward passes in the epoch: "
                + trace.forwardPasses() + (trace.method() == Method.CHAIN ? ", backward passes: 1" : ""));
    }

    /** "forward, row 3 of 4 (x1=1, x2=0)", "backward: the sums over the rows", "update". */
    private static String heading(EpochTrace.Step s) {
        String what = s.phase().id();
        if (s.row() >= 0) {
            return what + ", row " + (s.row() + 1) + " of 4 (x1=" + (int) org.backproplab.nn.Dataset.input(s.row(), 0)
                    + ", x2=" + (int) org.backproplab.nn.Dataset.input(s.row(), 1) + ")";
        }
        return switch (s.phase()) {
            case LOSS -> "loss: the mean over the rows";
            case BACKWARD -> "backward: the sums over the rows";
            case UPDATE -> "update: theta <- theta - lr * gradient, every parameter at once";
            case NUDGE -> "nudge: one parameter at a time";
            case FORWARD -> "forward";
        };
    }
}
