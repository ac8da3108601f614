package org.backproplab.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;
import org.backproplab.nn.Dataset;
import org.backproplab.train.EpochTrace;
import org.backproplab.train.Method;
import org.backproplab.train.Snapshot;

/**
 * Key {@code t}: the next epoch played step by step on the network drawn above. Each step says
 * its phase and where it is ("backward, row 3 of 4, δ_h2"), its formula with the numbers, and
 * what it reuses; the node or edge it computes is marked on the diagram, whose values are those of
 * the step's row. Below, the epoch's chapters (each row forward, the loss, each row backward, the
 * sums, the update) with the current one marked, and the steps around the current one.
 * {@code n} or → goes on, ← back, Esc leaves (the epoch then completes, as traced).
 */
final class TraceView {
    private TraceView() {
    }

    static void draw(TextGraphics g, Area a, Snapshot s, UiState ui, Theme t) {
        EpochTrace trace = s.lesson().trace();
        if (trace == null) {
            Text.heading(g, a, "Trace of the next epoch", t);
            t.apply(g, Theme.Role.DIM);
            Text.put(g, a, 0, 1, Pending.text(s, "tracing the next epoch"));
            t.apply(g, Theme.Role.NORMAL);
            return;
        }
        List<EpochTrace.Step> steps = trace.steps();
        int i = Math.min(ui.traceStep(), steps.size() - 1);
        EpochTrace.Step step = steps.get(i);
        int hidden = s.config().hidden();
        int panel = 9;
        int diagram = Math.max(0, Math.min(NetworkView.diagramRows(hidden, a.height() - panel), a.height() - panel));
        Area top = new Area(a.col(), a.row(), a.width(), diagram);
        Area bottom = new Area(a.col(), a.row() + diagram, a.width(), a.height() - diagram);
        if (diagram > 2) {
            int row = step.row() >= 0 ? step.row() : ui.row();
            NetworkView.draw(g, top, s, new NetworkView.Focus(row, step.parameter(), step.unit(), step.output(), false), t);
        }

        String how = trace.method() == Method.CHAIN ? "chain rule" : "numeric";
        String at = where(step, t) + ", " + label(step, t);
        String stepOf = "step " + (i + 1) + " of " + steps.size();
        String sep = " " + t.separator().strip() + " ";
        Text.heading(g, bottom, t, "Trace, " + how + ": " + stepOf + sep + at, "Trace: " + stepOf + sep + at,
                stepOf + ", " + label(step, t));
        int line = 1;
        t.apply(g, Theme.Role.ACCENT);
        for (String l : Text.wrap(display(step.formula(), t), bottom.width())) {
            if (line > 3) break;
            Text.put(g, bottom, 0, line++, l);
        }
        t.apply(g, Theme.Role.DIM);
        if (!step.note().isEmpty() && line < bottom.height()) {
            for (String l : Text.wrap(display(step.note(), t), bottom.width())) {
                if (line > 4) break;
                Text.put(g, bottom, 0, line++, l);
            }
        }
        int chapters = line;
        if (chapters < bottom.height() - 1) chapters(g, bottom, chapters, trace, step, t);
        // the steps around this one
        int listRow = chapters + 1;
        int shown = Math.max(0, bottom.height() - 1 - listRow);
        int first = Math.max(0, Math.min(i - 1, steps.size() - shown));
        StringBuilder b = new StringBuilder(80);
        for (int r = 0; r < shown && first + r < steps.size(); r++) {
            EpochTrace.Step o = steps.get(first + r);
            Text.clear(b).append(first + r + 1).append(". ").append(where(o, t)).append(": ")
                    .append(display(name(o), t)).append(share(o) ? " += " : " = ").append(EpochTrace.number(o));
            t.apply(g, first + r == i ? Theme.Role.HEADING : Theme.Role.DIM);
            if (first + r == i) g.enableModifiers(SGR.REVERSE);
            Text.put(g, bottom, 0, listRow + r, b);
        }
        t.apply(g, Theme.Role.DIM);
        Text.put(g, bottom, 0, bottom.height() - 1, (t.ascii() ? "n or Right next, Left back" : "n or → next, ← back")
                + ", Esc leaves (the epoch then completes as traced)");
        t.apply(g, Theme.Role.NORMAL);
    }

    /** The epoch's chapters in one line, the current one marked: forward rows, loss, backward rows, sums, update. */
    private static void chapters(TextGraphics g, Area a, int row, EpochTrace trace, EpochTrace.Step step, Theme t) {
        String[] names;
        int current;
        if (trace.method() == Method.CHAIN) {
            names = new String[] {"forward r1", "r2", "r3", "r4", "loss", "backward r1", "r2", "r3", "r4", "sums", "update"};
            current = switch (step.phase()) {
                case FORWARD, LOSS -> step.row() >= 0 ? step.row() : 4;
                case BACKWARD -> step.row() >= 0 ? 5 + step.row() : 9;
                case UPDATE -> 10;
                case NUDGE -> -1;
            };
        } else {
            names = new String[] {"loss", "nudges", "update"};
            current = switch (step.phase()) {
                case FORWARD, LOSS -> 0;
                case NUDGE -> 1;
                default -> 2;
            };
        }
        int col = 0;
        for (int c = 0; c < names.length; c++) {
            t.apply(g, c == current ? Theme.Role.HEADING : Theme.Role.DIM);
            if (c == current) g.enableModifiers(SGR.REVERSE);
            col = Text.put(g, a, col, row, names[c]);
            t.apply(g, Theme.Role.DIM);
            col = Text.put(g, a, col, row, c + 1 < names.length ? (names[c + 1].startsWith("r") ? " " : t.separator()) : "");
        }
        t.apply(g, Theme.Role.NORMAL);
    }

    /** "forward, row 3 of 4", "backward, sums", "nudge", "update". */
    static String where(EpochTrace.Step s, Theme t) {
        String phase = s.phase().id();
        if (s.row() >= 0) {
            return phase + ", row " + (s.row() + 1) + " of 4 (" + (int) Dataset.input(s.row(), 0) + ","
                    + (int) Dataset.input(s.row(), 1) + ")";
        }
        return s.phase() == EpochTrace.Phase.BACKWARD ? "backward, the sum" : phase;
    }

    /**
     * Whether a step adds one row's share to a parameter's gradient: its formula, the trace
     * command and the list of steps write it "∂L/∂b_y += δ_y"; "∂L/∂b_y =" is the sum over the rows.
     */
    private static boolean share(EpochTrace.Step s) {
        return s.phase() == EpochTrace.Phase.BACKWARD && s.row() >= 0 && s.parameter() >= 0;
    }

    /** What a step computes, for the title: "∂L/∂b_y +=" for a row's share, as the step's formula writes it. */
    private static String label(EpochTrace.Step s, Theme t) {
        return display(name(s), t) + (share(s) ? " +=" : "");
    }

    /** What a step computes, as the lab writes it. */
    private static String name(EpochTrace.Step s) {
        return switch (s.quantity()) {
            case "loss_term" -> "term";
            case "dL_dyhat" -> "dL/dyhat";
            // a nudge as its formula writes it, "L(w_x1_h1 + eps)" or "- eps": a central difference has both
            default -> s.phase() == EpochTrace.Phase.NUDGE ? s.formula().substring(0, s.formula().indexOf(" = "))
                    : s.parameter() >= 0 && s.phase() == EpochTrace.Phase.BACKWARD ? "dL/d" + s.quantity()
                    : s.quantity();
        };
    }

    /** A formula of the trace (written in ASCII) in the theme's characters. */
    static String display(String ascii, Theme t) {
        return t.notation(ascii);
    }
}
