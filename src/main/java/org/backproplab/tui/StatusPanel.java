package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
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
        if (c.method() == Method.CHAIN) return "chain rule";
        return c.difference() == Difference.FORWARD ? "numeric (forward)" : "numeric (central)";
    }

    static String stateLabel(Snapshot s) {
        if (s.diverged()) return "DIVERGED, paused";
        String run = s.running() ? "running" : "paused";
        if (s.learned()) return run + ", learned";
        if (s.stuck()) return run + ", stuck";
        return run;
    }

    /** Appends the second row: speed, learning rate, ε, preset, seed, with {@code sep} between them. */
    private static StringBuilder settings(StringBuilder b, Snapshot s, Theme t, String sep) {
        Config c = s.config();
        Numbers.rate(b.append("speed ").append(s.speed().label()).append(" set, "), s.measuredEpochsPerSecond());
        b.append("/s now").append(sep).append("lr ");
        if (s.lesson().adapting()) {
            Numbers.sig(b, c.learningRate(), 4).append(" adapting");
        } else {
            Numbers.setting(b, c.learningRate());
        }
        Numbers.setting(b.append(sep).append(t.epsilon()).append(' '), c.epsilon());
        b.append(sep).append("preset ").append(s.preset()).append(sep).append("seed ");
        return c.init() != null ? b.append("(saved start)") : b.append(c.seed());
    }

    /** Said in the status line whenever a bug is planted in the chain rule, so nobody takes it for the real program. */
    static final String PLANTED = "a bug is planted";

    static void draw(TextGraphics g, Area a, Snapshot s, LabOptions o, Theme t) {
        Config c = s.config();
        boolean planted = c.plantedBug() != null;
        int rest = !planted ? 0 : t.separator().length() * 3 + "epoch ".length() + Numbers.count(s.epoch()).length()
                + stateLabel(s).length() + "method: ".length() + methodLabel(c).length();
        int col = 0;
        // with a bug planted, the title makes room for saying so when the row is short of it
        if (!planted || o.title().length() + t.separator().length() + PLANTED.length() + rest <= a.width()) {
            t.apply(g, Theme.Role.HEADING);
            col = Text.put(g, a, 0, 0, o.title());
            if (planted) col = Text.put(g, a, col, 0, t.separator());
        }
        if (planted) {
            t.apply(g, Theme.Role.BAD);
            col = Text.put(g, a, col, 0, PLANTED);
        }
        t.apply(g, Theme.Role.NORMAL);
        col = Text.put(g, a, Text.put(g, a, col, 0, t.separator()), 0, "epoch ");
        t.apply(g, Theme.Role.ACCENT);
        StringBuilder b = new StringBuilder(100);
        col = Text.put(g, a, col, 0, Numbers.count(b, s.epoch()));
        t.apply(g, Theme.Role.NORMAL);
        col = Text.put(g, a, col, 0, t.separator());
        t.apply(g, s.diverged() ? Theme.Role.BAD : s.learned() ? Theme.Role.GOOD : s.stuck() ? Theme.Role.FAIR
                : Theme.Role.NORMAL);
        col = Text.put(g, a, col, 0, stateLabel(s));
        t.apply(g, Theme.Role.NORMAL);
        col = Text.put(g, a, Text.put(g, a, col, 0, t.separator()), 0, "method: ");
        t.apply(g, Theme.Role.ACCENT);
        Text.put(g, a, col, 0, methodLabel(c));
        t.apply(g, Theme.Role.NORMAL);

        settings(Text.clear(b), s, t, t.separator());
        if (b.length() > a.width()) {
            settings(Text.clear(b), s, t, "  ");
        }
        Text.put(g, a, 0, 1, b);
    }
}
