package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;
import org.backproplab.format.Numbers;
import org.backproplab.grad.Difference;
import org.backproplab.nn.Architecture;
import org.backproplab.train.Bench;
import org.backproplab.train.Cost;
import org.backproplab.train.Method;
import org.backproplab.train.Snapshot;

/**
 * Key {@code c}: what an epoch costs by each method (the guide's "significant computational
 * savings", measured). The passes per epoch follow from P ({@link Cost}); the epochs per second
 * are measured on this machine by a short {@link Bench} run in the background when the view opens
 * (and again when P changes), "measuring..." until then.
 */
final class CostView {
    private CostView() {
    }

    static String methodName(Cost c) {
        if (c.method() == Method.CHAIN) return "chain rule (backprop)";
        return c.difference() == Difference.FORWARD ? "numeric, one-sided" : "numeric, central";
    }

    static Bench.Result result(Bench.Results r, Cost c) {
        if (c.method() == Method.CHAIN) return r.chain();
        return c.difference() == Difference.FORWARD ? r.numericForward() : r.numericCentral();
    }

    static void draw(TextGraphics g, Area a, Snapshot s, CostFigures figures, Theme t) {
        Architecture arch = s.config().architecture();
        int p = arch.parameterCount();
        String title = "The cost of each method: passes through the network per epoch, P = " + p + " parameters";
        Text.heading(g, a, t, title, "The cost of each method per epoch, P = " + p + " parameters");
        List<Cost> costs = Cost.all(arch);
        boolean fresh = figures != null && figures.architecture().equals(arch) && !figures.measuring();
        int cPass = 24;
        int cRate = cPass + 29;
        int cRatio = cRate + 13;
        t.apply(g, Theme.Role.DIM);
        Text.put(g, a, 1, 2, "method");
        Text.put(g, a, cPass, 2, "passes per epoch");
        Text.putRight(g, a, cRate + 11, 2, "epochs/s");
        Text.put(g, a, cRatio, 2, "vs chain rule");
        for (int i = 0; i < costs.size(); i++) {
            Cost c = costs.get(i);
            int row = 3 + i;
            boolean current = c.method() == s.config().method()
                    && (c.method() == Method.CHAIN || c.difference() == s.config().difference());
            t.apply(g, current ? Theme.Role.ACCENT : Theme.Role.NORMAL);
            Text.put(g, a, 0, row, (current ? ">" : " ") + methodName(c));
            Text.put(g, a, cPass, row, c.describe());
            if (fresh) {
                Bench.Result r = result(figures.results(), c);
                Text.putRight(g, a, cRate + 11, row, Numbers.rate(r.epochsPerSecond()));
                double ratio = figures.results().ratio(r);
                // how long an epoch takes against the chain rule's: "3.40× the time" (a bare 3.40× did not say slower)
                Text.put(g, a, cRatio, row, Numbers.sig(ratio, 3) + t.times() + " the time");
            } else if (i == 0) {
                t.apply(g, Theme.Role.DIM);
                Text.putRight(g, a, cRate + 11, row, "measuring...");
            }
        }
        t.apply(g, Theme.Role.NORMAL);
        String[] notes = {
            "The chain rule gets all P gradients from one forward and one backward pass, whatever P is."
                    + " A numeric gradient runs the network again for every nudged parameter, so its cost grows with P"
                    + " (P = 4H + 1: u changes the hidden units H, and this table with them).",
            fresh ? "Measured here when the view opened and after each change of the network: the median of five"
                    + " short timed runs. The passes are exact; the times wander (a run in the background slows them"
                    + " all); 'backprop-lab bench' measures longer."
                    : "Measuring on this machine: a short training run of each method, the median of a few timed"
                    + " batches; the figures appear here in a second or so.",
            "> marks the method driving training now (m and d switch it). c or Esc goes back."};
        int row = 7;
        for (String note : notes) {
            for (String line : Text.wrap(note, a.width())) {
                Text.put(g, a, 0, row++, line);
            }
            row++;
        }
    }
}
