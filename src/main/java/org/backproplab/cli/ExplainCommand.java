package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backproplab.format.Numbers;
import org.backproplab.grad.Difference;
import org.backproplab.grad.Explanation;
import org.backproplab.grad.GradientCheck;
import org.backproplab.train.Config;
import org.backproplab.tui.PredictionText;
import org.backproplab.tui.Theme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code explain}: how one parameter's gradient comes about, both ways, with the real numbers (for handouts). */
@Command(name = "explain",
        header = "How one parameter's gradient comes about: the numeric steps and the chain-rule product.",
        description = {
            "Explain dL/dw for one weight or bias at the starting parameters, both ways: the guide's numeric"
                    + " steps (nudge by eps, run forward again, read the loss, divide the difference by eps,"
                    + " revert, update) with the real numbers, and the chain rule's product of local derivatives"
                    + " on each of the four rows, whose sum is the chain-rule gradient.",
            "Parameter names: w_x1_h1 (input x1 to hidden unit h1), b_h1 (bias of h1), w_h1_y (h1 to the"
                    + " output), b_y (bias of the output); the labels the lab shows (x1->h1, b h1, h1->y, b y) work too."})
public final class ExplainCommand implements Callable<Integer> {
    /** Significant digits of a loss: enough that L(w+eps) - L(w) shows several digits of its own. */
    private static final int LOSS_DIGITS = 12;

    @Mixin
    ParamOption param = new ParamOption();

    @Mixin
    ReportOptions options = new ReportOptions();

    @Override
    public Integer call() {
        StartingPoint start = options.start();
        Config config = start.config();
        int k = param.index(start.architecture());
        Explanation e = Explanation.of(start.network(), start.theta(), k, config.epsilon(), config.difference());
        // the program's chain rule: the planted bug's when one is planted, else this sum of the rows
        double chainRule = config.plantedBug() == null ? e.chainRule().gradient() : start.chainRule()[k];
        return options.print(() -> json(config, e, chainRule), out -> table(out, config, e, chainRule));
    }

    private Map<String, Object> json(Config config, Explanation e, double chainRule) {
        Explanation.Numeric n = e.numeric();
        Explanation.ChainRuleSteps c = e.chainRule();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parameter", e.parameter());
        m.put("value", e.value());
        m.put("config", Describe.json(config, options));
        Map<String, Object> num = new LinkedHashMap<>();
        num.put("difference", n.difference().id());
        num.put("formula", n.difference() == Difference.FORWARD ? "(L(w+eps) - L(w)) / eps"
                : "(L(w+eps) - L(w-eps)) / (2*eps)");
        num.put("epsilon", n.epsilon());
        num.put("lossBefore", n.lossBefore());
        num.put("nudgedValue", n.nudgedValue());
        num.put("lossAfter", n.lossAfter());
        if (n.difference() == Difference.CENTRAL) {
            num.put("nudgedDownValue", n.nudgedDownValue());
            num.put("lossAfterDown", n.lossAfterDown());
        }
        num.put("gradient", n.gradient());
        m.put("numeric", num);
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("formula", c.asciiFormula());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Explanation.Row r : c.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("inputs", List.of((int) r.x1(), (int) r.x2()));
            row.put("target", (int) r.target());
            List<Map<String, Object>> factors = new ArrayList<>();
            for (Explanation.Factor f : r.factors()) {
                Map<String, Object> factor = new LinkedHashMap<>();
                factor.put("name", f.ascii());
                factor.put("value", f.value());
                factors.add(factor);
            }
            row.put("factors", factors);
            row.put("product", r.product());
            rows.add(row);
        }
        chain.put("rows", rows);
        chain.put("gradient", c.gradient());
        m.put("chainRule", chain);
        if (config.plantedBug() != null) {
            m.put("plantedBug", config.plantedBug().id());
            m.put("plantedBugChainRule", chainRule); // what the buggy backward pass gives instead of the rows' sum
        }
        m.put("absoluteError", Math.abs(chainRule - n.gradient()));
        GradcheckCommand.predicted(m, n.predicted());
        m.put("relativeError", GradientCheck.relativeError(chainRule, n.gradient()));
        GradientCheck.Verdict v = GradientCheck.verdict(n.gradient(), chainRule, n.predicted());
        GradientCheck.Reason why = GradientCheck.reason(v, n.gradient(), chainRule, n.predicted());
        m.put("verdict", v.id());
        m.put("reason", why == GradientCheck.Reason.NONE ? null : why.text());
        return m;
    }

    private void table(PrintWriter out, Config config, Explanation e, double chainRule) {
        Explanation.Numeric n = e.numeric();
        Explanation.ChainRuleSteps c = e.chainRule();
        String w = e.parameter();
        String eps = Numbers.setting(n.epsilon());
        out.println("Explaining dL/d" + w + " (" + e.label().replace("→", "->") + ") at the starting parameters ("
                + Describe.start(config, options) + ")");
        out.println(Describe.networkLines(config, ""));
        out.println("value     " + w + " = " + Numbers.exact(e.value()));
        out.println();
        boolean central = n.difference() == Difference.CENTRAL;
        out.println("The numeric way: nudge " + w + " by eps = " + eps + ", run the network again, compare the loss"
                + (central ? " (central: nudge both ways)" : " (the guide's one-sided difference)"));
        out.println("  1. nudge     " + w + " + eps = " + Numbers.exact(n.nudgedValue())
                + (central ? ";  " + w + " - eps = " + Numbers.exact(n.nudgedDownValue()) : ""));
        out.println("  2. forward   run the four rows through the network with the nudged value"
                + (central ? " (once for each nudge)" : ""));
        int lw = Math.max("L before the nudge".length(), ("L(" + w + " + eps)").length());
        out.println("  3. loss      " + padRight("L before the nudge", lw) + " = " + Numbers.sig(n.lossBefore(), LOSS_DIGITS));
        out.println("               " + padRight("L(" + w + " + eps)", lw) + " = " + Numbers.sig(n.lossAfter(), LOSS_DIGITS));
        if (central) {
            out.println("               " + padRight("L(" + w + " - eps)", lw) + " = "
                    + Numbers.sig(n.lossAfterDown(), LOSS_DIGITS));
            out.println("  4. slope     (L(+eps) - L(-eps)) / (2 eps) = "
                    + Numbers.sci(n.lossAfter() - n.lossAfterDown(), 6) + " / " + Numbers.setting(2 * n.epsilon()) + " = "
                    + Numbers.sci(n.gradient(), 9));
        } else {
            out.println("  4. slope     (L(+eps) - L) / eps = " + Numbers.sci(n.lossAfter() - n.lossBefore(), 6) + " / "
                    + eps + " = " + Numbers.sci(n.gradient(), 9));
        }
        out.println("  5. revert    " + w + " back to " + Numbers.exact(e.value()));
        double step = -config.learningRate() * n.gradient();
        out.println("  6. update    after all " + config.architecture().parameterCount() + " gradients are known: "
                + w + " += -lr * slope = -" + Numbers.setting(config.learningRate()) + " * " + Numbers.sci(n.gradient(), 6)
                + " = " + Numbers.sci(step, 6));
        out.println();
        out.println("The chain-rule way (backpropagation): on each row, the product of the local derivatives from the"
                + " loss back to " + w + ":");
        out.println("  " + c.asciiFormula());
        List<Explanation.Row> rows = c.rows();
        List<Explanation.Factor> names = rows.get(0).factors();
        int[] widths = new int[names.size()];
        StringBuilder head = new StringBuilder("  x1 x2 t ");
        for (int i = 0; i < names.size(); i++) {
            widths[i] = Math.max(names.get(i).ascii().length(), 13);
            head.append(' ').append(pad(names.get(i).ascii(), widths[i]));
        }
        head.append("  ").append(pad("product", 16));
        out.println(head.toString().stripTrailing());
        for (Explanation.Row r : rows) {
            StringBuilder line = new StringBuilder("   " + (int) r.x1() + "  " + (int) r.x2() + " " + (int) r.target() + " ");
            for (int i = 0; i < r.factors().size(); i++) {
                line.append(' ').append(pad(Numbers.sci(r.factors().get(i).value(), 6), widths[i]));
            }
            line.append("  ").append(pad(Numbers.sci(r.product(), 9), 16));
            out.println(line.toString().stripTrailing());
        }
        int sumAt = 10 + java.util.Arrays.stream(widths).map(x -> x + 1).sum();
        String label = "sum of the four rows:  ";
        out.println(" ".repeat(Math.max(0, sumAt + 2 - label.length())) + label + pad(Numbers.sci(c.gradient(), 9), 16));
        if (config.plantedBug() != null) {
            out.println("a bug is planted in the program's chain rule (--planted-bug " + config.plantedBug().id()
                    + "): it gives " + Numbers.sci(chainRule, 9) + ", not this sum");
        }
        out.println();
        out.println("numeric " + Numbers.sci(n.gradient(), 9) + "  chain rule " + Numbers.sci(chainRule, 9)
                + "  abs diff " + Numbers.sci(Math.abs(chainRule - n.gradient()), 2));
        Theme ascii = new Theme(false, true);
        out.println(String.join(" ", PredictionText.predicted(n.predicted(), ascii)));
        GradientCheck.Verdict v = GradientCheck.verdict(n.gradient(), chainRule, n.predicted());
        out.println(PredictionText.observed(Math.abs(chainRule - n.gradient()), n.predicted(), v,
                GradientCheck.reason(v, n.gradient(), chainRule, n.predicted()), ascii));
    }

    private static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** Right-aligned in {@code width} columns. */
    private static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
