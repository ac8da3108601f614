package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;
import java.util.Locale;
import org.backproplab.format.Numbers;
import org.backproplab.grad.Difference;
import org.backproplab.train.Config;
import org.backproplab.train.Method;
import org.backproplab.train.Snapshot;

/**
 * Three rows: what is happening (epoch, run state, the method that drives training); the network
 * and how its numeric gradient is taken (architecture, hidden activation, output, loss, gate,
 * difference, ε), so every key that changes one of them shows on the main screen; then the run's
 * settings (learning rate, speed set and measured, preset, seed). Each row says it in its longest
 * form that fits, never cut.
 */
final class StatusPanel {
    static final int ROWS = 3;

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

    /**
     * The network row in form 0 (longest) to 2: "network 2-2-1 · hidden sigmoid, output sigmoid ·
     * loss squared error · gate XOR · numeric: forward difference, ε 0.0001" down to "2-2-1,
     * hidden sigmoid, squared error, XOR · forward, ε 0.0001".
     */
    static StringBuilder network(StringBuilder b, Config c, Theme t, int form) {
        String gate = c.dataset().id().toUpperCase(Locale.ROOT);
        String diff = c.difference().id();
        String sep = t.separator();
        if (form == 0) {
            b.append("network 2-").append(c.hidden()).append("-1").append(sep).append("hidden ")
                    .append(c.activation().id()).append(", output sigmoid").append(sep).append("loss ")
                    .append(c.loss().title()).append(sep).append("gate ").append(gate).append(sep)
                    .append("numeric: ").append(diff).append(" difference, ");
        } else {
            b.append(form == 1 ? "network 2-" : "2-").append(c.hidden()).append("-1, hidden ")
                    .append(c.activation().id()).append(", ").append(c.loss().title()).append(", ").append(gate)
                    .append(sep).append(form == 1 ? "numeric: " : "").append(diff).append(", ");
        }
        return Numbers.setting(b.append(t.epsilon()).append(' '), c.epsilon());
    }

    /** The saved start's shortest form, where even the file's name does not fit. */
    static final String SAVED = "saved";

    /**
     * The settings row: learning rate, speed, preset (unless {@code preset} is false), and the
     * seed or where the saved start came from ({@code start} of the forms of
     * {@link LabOptions#savedStart}, {@link #SAVED} past the last), with {@code sep} between them.
     */
    private static StringBuilder settings(StringBuilder b, Snapshot s, String sep, List<String> savedStart,
                                          int start, boolean preset) {
        Config c = s.config();
        b.append("lr ");
        int from = b.length();
        Numbers.setting(b, c.learningRate());
        if (s.lesson().adapting() || b.length() - from > 8) {
            // an adapted rate, or one saved while adapting, has all 17 digits: four say it
            b.setLength(from);
            Numbers.sig(b, c.learningRate(), 4);
        }
        if (s.lesson().adapting()) {
            b.append(" adapting");
        }
        Numbers.rate(b.append(sep).append("speed ").append(s.speed().label()).append(" set, "),
                s.measuredEpochsPerSecond());
        b.append("/s now").append(sep);
        if (preset) {
            b.append("preset ").append(s.preset()).append(sep);
        }
        if (c.init() == null) {
            return b.append("seed ").append(c.seed());
        }
        return b.append("start ").append(start < savedStart.size() ? savedStart.get(start) : SAVED);
    }

    /** Said in the status line whenever a bug is planted in the chain rule, so nobody takes it for the real program. */
    static final String PLANTED = "a bug is planted";

    static void draw(TextGraphics g, Area a, Snapshot s, LabOptions o, Theme t) {
        Config c = s.config();
        StringBuilder b = new StringBuilder(120);
        boolean planted = c.plantedBug() != null;
        // after the title: "epoch N · state · method: M", and its separators
        int rest = t.separator().length() * 3 + "epoch ".length() + Numbers.count(b, s.epoch()).length()
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
        // "method: " only when the whole first row fits with it
        boolean roomy = col + rest <= a.width();
        t.apply(g, Theme.Role.NORMAL);
        col = Text.put(g, a, Text.put(g, a, col, 0, t.separator()), 0, "epoch ");
        t.apply(g, Theme.Role.ACCENT);
        col = Text.put(g, a, col, 0, Numbers.count(Text.clear(b), s.epoch()));
        t.apply(g, Theme.Role.NORMAL);
        col = Text.put(g, a, col, 0, t.separator());
        t.apply(g, s.diverged() ? Theme.Role.BAD : s.learned() ? Theme.Role.GOOD : s.stuck() ? Theme.Role.FAIR
                : Theme.Role.NORMAL);
        col = Text.put(g, a, col, 0, stateLabel(s));
        t.apply(g, Theme.Role.NORMAL);
        col = Text.put(g, a, Text.put(g, a, col, 0, t.separator()), 0, roomy ? "method: " : "");
        t.apply(g, Theme.Role.ACCENT);
        Text.put(g, a, col, 0, methodLabel(c));
        t.apply(g, Theme.Role.NORMAL);

        for (int form = 0; form < 3; form++) {
            network(Text.clear(b), c, t, form);
            if (b.length() <= a.width()) break;
        }
        Text.put(g, a, 0, 1, b);

        // the widest form that fits: the saved start said shorter, then narrower separators, then
        // no preset (the row's least needed part: the settings are all in the rows above)
        List<String> saved = o.savedStart() == null ? List.of() : o.savedStart().forms();
        for (int form = 0; form <= 2 * saved.size() + 2; form++) {
            boolean last = form == 2 * saved.size() + 2;
            settings(Text.clear(b), s, form % 2 == 0 && !last ? t.separator() : "  ", saved,
                    Math.min(form / 2, saved.size()), !last);
            if (b.length() <= a.width()) break;
        }
        Text.put(g, a, 0, 2, b);
    }
}
