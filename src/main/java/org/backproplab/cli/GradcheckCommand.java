package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backproplab.grad.GradientCheck;
import org.backproplab.grad.LearningRateGradient;
import org.backproplab.io.Json;
import org.backproplab.nn.Network;
import org.backproplab.train.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gradcheck}: both gradients at the starting parameters, side by side, with a verdict each. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Numeric and chain-rule gradients side by side at the starting parameters.",
        description = {
            "Gradient check at the starting parameters: for every weight and bias, the numeric gradient"
                    + " (nudge by eps, run forward again, compare the loss) beside the chain-rule gradient"
                    + " (backpropagation), their difference, the relative error and a verdict.",
            "Relative error = |chain - numeric| / max(|chain|, |numeric|) (0 when both are 0);"
                    + " good <= 1e-7, acceptable <= 1e-4, bad above."})
public final class GradcheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Format.TableOrJsonOption output = new Format.TableOrJsonOption();

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Override
    public Integer call() {
        Config config = options.toConfig();
        Network net = new Network(config.architecture(), config.dataset());
        GradientCheck check = GradientCheck.at(net, config.initialParameters(), config.epsilon(), config.difference());
        LearningRateGradient lr = LearningRateGradient.at(net, config.initialParameters(), config.learningRate());
        PrintWriter out = spec.commandLine().getOut();
        if (output.format == Format.JSON) {
            out.print(Json.write(json(config, check, lr)));
        } else {
            table(out, config, check, lr);
        }
        out.flush();
        return 0;
    }

    private Map<String, Object> json(Config config, GradientCheck check, LearningRateGradient lr) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loss", check.loss());
        m.put("epsilon", check.epsilon());
        m.put("difference", check.difference().id());
        m.put("config", Describe.json(config, options.preset()));
        List<Map<String, Object>> params = new ArrayList<>();
        for (GradientCheck.Entry e : check.entries()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", e.name());
            p.put("value", e.value());
            p.put("numeric", e.numeric());
            p.put("chainRule", e.chainRule());
            p.put("absoluteError", e.absoluteError());
            p.put("relativeError", e.relativeError());
            p.put("verdict", e.verdict().id());
            p.put("reason", e.reason() == GradientCheck.Reason.NONE ? null : e.reason().text());
            params.add(p);
        }
        m.put("parameters", params);
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("value", lr.learningRate());
        rate.put("lossAfterStep", lr.lossAfterStep());
        rate.put("chainRule", lr.chainRule());
        rate.put("numeric", lr.numeric());
        rate.put("nudge", lr.nudge());
        rate.put("relativeError", lr.relativeError());
        rate.put("advice", lr.advice().text());
        m.put("learningRate", rate);
        return m;
    }

    /** The reason in plain ASCII, as the legend below the table explains it. */
    private static String reason(GradientCheck.Reason r) {
        return switch (r) {
            case NONE -> "";
            case KINK -> "ReLU kink";
            case ONE_SIDED -> "one-sided O(eps)";
            default -> r.text().replace("ε", "eps");
        };
    }

    private void table(PrintWriter out, Config config, GradientCheck check, LearningRateGradient lr) {
        out.println("Gradient check at the starting parameters (" + Describe.start(config, options) + ")");
        out.println("network   " + Describe.network(config));
        out.println("loss      L = " + Fmt.sig(check.loss(), 10));
        out.println("numeric   " + Describe.numeric(check.difference(), check.epsilon()));
        out.println("chain     one forward and one backward pass (backpropagation)");
        out.println();
        String head = "%-9s %10s %16s %16s %9s %9s  %-10s %s%n";
        out.printf(head, "parameter", "value", "numeric dL/dw", "chain rule dL/dw", "abs diff", "rel error",
                "verdict", "reason");
        int[] counts = new int[GradientCheck.Verdict.values().length];
        for (GradientCheck.Entry e : check.entries()) {
            out.printf(head, e.name(), Fmt.parameter(e.value()), Fmt.sci(e.numeric(), 9), Fmt.sci(e.chainRule(), 9),
                    Fmt.sci(e.absoluteError(), 2), Fmt.sci(e.relativeError(), 2), e.verdict().id(), reason(e.reason()));
            counts[e.verdict().ordinal()]++;
        }
        out.println();
        out.println("relative error = |chain - numeric| / max(|chain|, |numeric|), 0 when both are 0");
        out.println("verdicts: good       <= 1e-7  the two gradients agree");
        out.println("          acceptable <= 1e-4  expected from a one-sided difference or near a ReLU kink");
        out.println("          bad         > 1e-4  look for a bug");
        out.println("reasons:  one-sided O(eps)  a forward difference is off by about eps * L''/2");
        out.println("          ReLU kink         a hidden input within eps of 0: the nudge crosses the kink");
        out.println("          rounding          both gradients below 1e-10, lost in the rounding of L");
        out.println("summary:  " + counts[0] + " good, " + counts[1] + " acceptable, " + counts[2] + " bad");
        out.println();
        out.println("learning rate lr = " + Fmt.plain(lr.learningRate()) + ": the loss after the next step, L(w - lr*g),"
                + " differentiated by lr");
        out.println("  chain rule -grad L(w')*g = " + Fmt.sci(lr.chainRule(), 9) + "  numeric (nudging lr by "
                + Fmt.sci(lr.nudge(), 2) + ") = " + Fmt.sci(lr.numeric(), 9) + "  relative error "
                + Fmt.sci(lr.relativeError(), 2));
        out.println("  " + lr.advice().text());
    }
}
