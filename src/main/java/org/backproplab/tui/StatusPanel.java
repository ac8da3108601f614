package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.grad.Difference;
import org.backproplab.train.Config;
import org.backproplab.train.Method;
import org.backproplab.train.Snapshot;

/**
 * Two rows: what is happening (epoch, run state, the method that drives training), then the
 * settings (speed set and measured, learning rate, ε, preset, seed).
 */
final class StatusPanel {
    private StatusPanel() {
    }

    /** "chain rule", "numeric (forward)" or "numeric (central)". */
    static String methodLabel(Config c) {
        return c.method() == Method.CHAIN ? "chain rule"
                : "numeric (" + (c.difference() == Difference.FORWARD ? "forward" : "central") + ")";
    }

    static String stateLabel(Snapshot s) {
        if (s.diverged()) return "DIVERGED, paused";
        String run = s.running() ? "running" : "paused";
        return s.learned() ? run + ", learned" : run;
    }

    static void draw(TextGraphics g, Area a, Snapshot s, LabOptions o, Theme t) {
        Config c = s.config();
        t.apply(g, Theme.Role.HEADING);
        int col = Text.put(g, a, 0, 0, o.title());
        t.apply(g, Theme.Role.NORMAL);
        col = Text.put(g, a, col, 0, t.separator() + "epoch ");
        t.apply(g, Theme.Role.ACCENT);
        col = Text.put(g, a, col, 0, Numbers.count(s.epoch()));
        t.apply(g, Theme.Role.NORMAL);
        col = Text.put(g, a, col, 0, t.separator());
        t.apply(g, s.diverged() ? Theme.Role.BAD : s.learned() ? Theme.Role.GOOD : Theme.Role.NORMAL);
        col = Text.put(g, a, col, 0, stateLabel(s));
        t.apply(g, Theme.Role.NORMAL);
        col = Text.put(g, a, col, 0, t.separator() + "method: ");
        t.apply(g, Theme.Role.ACCENT);
        Text.put(g, a, col, 0, methodLabel(c));
        t.apply(g, Theme.Role.NORMAL);

        List<String> parts = new ArrayList<>();
        parts.add("speed " + s.speed().label() + " set, " + Numbers.rate(s.measuredEpochsPerSecond()) + "/s now");
        parts.add(s.lesson().adapting() ? "lr " + Numbers.sig(c.learningRate(), 4) + " adapting"
                : "lr " + Numbers.setting(c.learningRate()));
        parts.add(t.epsilon() + " " + Numbers.setting(c.epsilon()));
        parts.add("preset " + s.preset());
        parts.add("seed " + (c.init() != null ? "(saved start)" : Long.toString(c.seed())));
        String line = String.join(t.separator(), parts);
        if (line.length() > a.width()) {
            line = String.join("  ", parts);
        }
        Text.put(g, a, 0, 1, line);
    }
}
