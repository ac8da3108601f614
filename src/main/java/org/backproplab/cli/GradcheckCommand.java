package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.backproplab.format.Numbers;
import org.backproplab.grad.GradientCheck;
import org.backproplab.grad.LearningRateGradient;
import org.backproplab.grad.PredictedError;
import org.backproplab.train.Config;
import org.backproplab.train.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gradcheck}: both gradients at the starting parameters, side by side, with a verdict each. */
@Command(name = "gradcheck",
        header = "Numeric and chain-rule gradients side by side at the starting parameters.",
        description = {
            "Gradient check at the starting parameters: for every weight and bias, the numeric gradient"
                    + " (nudge by eps, run forward again, compare the loss) beside the chain-rule gradient"
                    + " (backpropagation), their difference, the relative error and a verdict.",
            "The verdict is judged against the error the numeric difference itself should have (predicted from"
                    + " the loss's curvature and rounding): good when the two agree to rounding, expected when they"
                    + " differ by no more than " + (int) GradientCheck.FACTOR + "x the predicted error (the reason"
                    + " says why), bad beyond that: look for a bug."})
public final class GradcheckCommand implements Callable<Integer> {
    @Mixin
    ReportOptions options = new ReportOptions();

    @Override
    public Integer call() {
        StartingPoint start = options.start();
        Config config = start.config();
        GradientCheck check = GradientCheck.at(start.network(), start.theta(), config.epsilon(), config.difference(),
                config.plantedBug());
        // along the step training takes next, as the lab does: the numeric gradient when it drives training
        LearningRateGradient lr = LearningRateGradient.along(start.network(), start.theta(), check.loss(),
                config.method().gradientIn(check), config.learningRate(), config.plantedBug());
        return options.print(() -> json(config, check, lr), out -> table(out, config, check, lr));
    }

    private Map<String, Object> json(Config config, GradientCheck check, LearningRateGradient lr) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", check.loss());
        m.put("epsilon", check.epsilon());
        m.put("difference", check.difference().id());
        m.put("plantedBug", check.plantedBug() == null ? null : check.plantedBug().id());
        m.put("verdictFactor", GradientCheck.FACTOR);
        m.put("config", Describe.json(config, options));
        List<Map<String, Object>> params = new ArrayList<>();
        for (GradientCheck.Entry e : check.entries()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", e.name());
            p.put("value", e.value());
            p.put("numeric", e.numeric());
            p.put("chainRule", e.chainRule());
            p.put("absoluteError", e.absoluteError());
            predicted(p, e.predicted());
            p.put("relativeError", e.relativeError());
            p.put("verdict", e.verdict().id());
            p.put("reason", e.reason() == GradientCheck.Reason.NONE ? null : e.reason().text());
            params.add(p);
        }
        m.put("parameters", params);
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("value", lr.learningRate());
        rate.put("along", config.method().id());
        rate.put("lossAfterStep", lr.lossAfterStep());
        rate.put("chainRule", lr.chainRule());
        rate.put("numeric", lr.numeric());
        rate.put("nudge", lr.nudge());
        rate.put("absoluteError", Math.abs(lr.chainRule() - lr.numeric()));
        predicted(rate, lr.predicted());
        rate.put("relativeError", lr.relativeError());
        rate.put("verdict", lr.verdict().id());
        rate.put("reason", lr.reason() == GradientCheck.Reason.NONE ? null : lr.reason().text());
        rate.put("advice", lr.advice().text());
        m.put("learningRate", rate);
        return m;
    }

    /** "predictedError" (the numeric method's expected |numeric - exact|) and its parts. */
    static void predicted(Map<String, Object> m, PredictedError p) {
        m.put("predictedError", p.total());
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("truncation", p.truncation());
        parts.put("rounding", p.rounding());
        parts.put("kink", p.kink());
        m.put("predictedErrorParts", parts);
    }

    /** The reason in plain ASCII, as the legend below the table explains it. */
    static String reason(GradientCheck.Reason r) {
        return r.text().replace("ε²", "eps^2").replace("ε", "eps");
    }

    private void table(PrintWriter out, Config config, GradientCheck check, LearningRateGradient lr) {
        out.println("Gradient check at the starting parameters (" + Describe.start(config, options) + ")");
        out.println(Describe.networkLines(config, ""));
        out.println("loss      L = " + Numbers.sig(check.loss(), 10));
        out.println("numeric   " + Describe.numeric(check.difference(), check.epsilon()));
        out.println("chain     one forward and one backward pass (backpropagation)"
                + (config.plantedBug() == null ? "" : ", with the planted bug"));
        out.println();
        String head = "%-9s %" + Numbers.PARAMETER_WIDTH + "s %16s %16s %9s %9s  %-8s %s"; // each column as wide as its widest value
        out.println(String.format(head, "parameter", "value", "numeric dL/dw", "chain rule dL/dw", "abs diff",
                "predicted", "verdict", "reason"));
        int[] counts = new int[GradientCheck.Verdict.values().length];
        Set<GradientCheck.Reason> reasons = EnumSet.noneOf(GradientCheck.Reason.class);
        for (GradientCheck.Entry e : check.entries()) {
            out.println(String.format(head, e.name(), Numbers.parameter(e.value()), Numbers.sci(e.numeric(), 9),
                    Numbers.sci(e.chainRule(), 9), Numbers.sci(e.absoluteError(), 2), Numbers.sci(e.predicted().total(), 2),
                    e.verdict().id(), reason(e.reason())).stripTrailing());
            counts[e.verdict().ordinal()]++;
            reasons.add(e.reason());
        }
        out.println();
        legend(out, reasons);
        out.println("summary:  " + counts[0] + " good, " + counts[1] + " expected, " + counts[2] + " bad");
        out.println();
        out.println("learning rate lr = " + Numbers.setting(lr.learningRate()) + ": the loss after the next step, L(w - lr*g),"
                + " differentiated by lr");
        out.println("  g = the " + (config.method() == Method.CHAIN ? "chain-rule" : "numeric")
                + " gradient, the one training steps along");
        out.println("  chain rule -grad L(w')*g = " + Numbers.sci(lr.chainRule(), 9) + "  numeric (nudging lr by "
                + Numbers.sci(lr.nudge(), 2) + ") = " + Numbers.sci(lr.numeric(), 9));
        out.println("  abs diff " + Numbers.sci(Math.abs(lr.chainRule() - lr.numeric()), 2) + ", predicted "
                + Numbers.sci(lr.predicted().total(), 2) + ": " + lr.verdict().id()
                + (lr.reason() == GradientCheck.Reason.NONE ? "" : " (" + reason(lr.reason()) + ")"));
        out.println("  " + lr.advice().text());
    }

    /** What the columns, the verdicts and the reasons shown mean. */
    static void legend(PrintWriter out, Set<GradientCheck.Reason> shown) {
        out.println("abs diff  = |chain - numeric|; predicted = the error the numeric difference itself should have:");
        out.println("            truncation (eps*|L''|/2 one-sided, eps^2*|L'''|/6 central, and higher orders; L'', L'''");
        out.println("            by the chain rule in forward mode) + rounding (2*deltaL/eps one-sided, deltaL/eps central,");
        out.println("            deltaL = the rounding of a computed loss) + a kink within the nudge, if any");
        String label = "verdicts: ";
        for (GradientCheck.Verdict v : GradientCheck.Verdict.values()) {
            out.printf("%-10s%-9s %s%n", label, v.id(), v.meaning());
            label = "";
        }
        label = "reasons: ";
        for (GradientCheck.Reason r : shown) {
            if (r == GradientCheck.Reason.NONE) continue;
            out.printf("%-10s%-17s %s%n", label, reason(r), r.meaning());
            label = "";
        }
    }
}
