package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.backproplab.format.Numbers;
import org.backproplab.grad.EpsilonStudy;
import org.backproplab.train.Config;
import org.backproplab.tui.EpsilonChart;
import org.backproplab.tui.Theme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code epsilon}: the ε study of one parameter (the lab's key E), for handouts and scripts. */
@Command(name = "epsilon",
        header = "How one parameter's numeric gradient depends on eps: both differences, eps 1e-1 to 1e-13.",
        description = {
            "The error of the one-sided and the central difference against the chain rule for eps from 1e-1 down"
                    + " to 1e-13, every half decade, at the starting parameters, beside the error predicted for each"
                    + " (truncation from the loss's curvature, rounding from the loss's own rounding): the V of"
                    + " truncation falling and rounding rising, the best eps of each difference measured and"
                    + " predicted, and where the guide's eps = 1e-4 sits. --epsilon does not apply (every eps is"
                    + " tried)."})
public final class EpsilonCommand implements Callable<Integer> {
    /** The chart's and the findings' width: a terminal's 80 columns. */
    private static final int WIDTH = 80;

    @Mixin
    ParamOption param = new ParamOption();

    @Mixin
    ReportOptions options = new ReportOptions();

    @Override
    public Integer call() {
        StartingPoint start = options.start();
        int k = param.index(start.architecture());
        EpsilonStudy study = EpsilonStudy.of(start.network(), start.theta(), k, start.chainRule()[k]);
        return options.print(() -> json(start.config(), study),
                out -> table(out, start.config(), study, start.architecture().label(k, true)));
    }

    private Map<String, Object> json(Config config, EpsilonStudy s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("parameter", s.parameter());
        m.put("value", s.value());
        m.put("chainRule", s.chainRule());
        m.put("loss", s.loss());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EpsilonStudy.Row r : s.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epsilon", r.epsilon());
            row.put("forward", r.forward());
            row.put("central", r.central());
            row.put("forwardError", r.forwardError());
            row.put("centralError", r.centralError());
            row.put("predictedForwardError", r.predictedForwardError());
            row.put("predictedCentralError", r.predictedCentralError());
            rows.add(row);
        }
        m.put("rows", rows);
        m.put("bestForward", best(s.bestForward()));
        m.put("bestCentral", best(s.bestCentral()));
        m.put("predictedBestForward", s.predictedBestForward());
        m.put("predictedBestCentral", s.predictedBestCentral());
        m.put("curvature", s.curvature());
        m.put("thirdDerivative", s.thirdDerivative());
        m.put("lossRounding", s.lossRounding());
        m.put("deadPath", s.deadPath() == null ? null : deadPath(s.deadPath()));
        m.put("plantedBug", config.plantedBug() == null ? null : config.plantedBug().id());
        m.put("config", Describe.json(config, options.preset()));
        return m;
    }

    private static Map<String, Object> deadPath(EpsilonStudy.DeadPath p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", p.unit());
        m.put("input", p.input());
        return m;
    }

    /** epsilon is null (NaN) where several ε are exact: none of them is the best. */
    private static Map<String, Object> best(EpsilonStudy.Best b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epsilon", b.epsilon());
        m.put("error", b.error());
        m.put("exact", b.exact());
        return m;
    }

    private void table(PrintWriter out, Config config, EpsilonStudy s, String label) {
        out.println("Epsilon study of dL/d" + s.parameter() + " (" + label + ") at the starting parameters ("
                + Describe.start(config, options) + ")");
        out.println(Describe.networkLines(config, ""));
        out.println("value     " + s.parameter() + " = " + Numbers.exact(s.value()));
        out.println("loss      L = " + Numbers.sig(s.loss(), 10));
        out.println("chain     chain rule dL/d" + s.parameter() + " = " + Numbers.sci(s.chainRule(), 9)
                + (config.plantedBug() == null ? "" : " (with the planted bug)") + "; every error below is against it");
        out.println();
        String head = "%8s  %16s %9s %9s  %16s %9s %9s%n";
        out.printf(head, "eps", "one-sided dL/dw", "|error|", "predicted", "central dL/dw", "|error|", "predicted");
        for (EpsilonStudy.Row r : s.rows()) {
            out.printf(head, Numbers.sci(r.epsilon(), 2), Numbers.sci(r.forward(), 9), Numbers.sci(r.forwardError(), 2),
                    Numbers.sci(r.predictedForwardError(), 2), Numbers.sci(r.central(), 9), Numbers.sci(r.centralError(), 2),
                    Numbers.sci(r.predictedCentralError(), 2));
        }
        out.println();
        Theme ascii = new Theme(false, true);
        for (String line : EpsilonChart.findings(s, ascii, WIDTH)) {
            out.println(line);
        }
        out.println();
        EpsilonChart chart = EpsilonChart.of(s, WIDTH, 18, true);
        for (int r = 0; r < chart.height(); r++) {
            out.println(chart.row(r).stripTrailing());
        }
        out.println(EpsilonChart.legend(ascii, WIDTH));
    }
}
