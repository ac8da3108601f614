package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.List;
import org.backproplab.format.Numbers;
import org.backproplab.grad.PlantedBug;
import org.backproplab.train.BugHunt;
import org.backproplab.train.Snapshot;

/**
 * The bug hunt's two boxes: the question (which of the planted bugs is it? keys 1 to 6), and the
 * answer (right or not, what the bug was, and the difference it made: the chain rule with it and
 * without it, the rows it made bad, the loss while it trained).
 */
final class HuntOverlay {
    private HuntOverlay() {
    }

    /** The bug numbered {@code key} ('1' for the first) in the question's list, or null. */
    static PlantedBug answer(char key) {
        int i = key - '1';
        PlantedBug[] bugs = PlantedBug.values();
        return i >= 0 && i < bugs.length ? bugs[i] : null;
    }

    static void drawQuestion(TextGraphics g, Area screen, Theme t) {
        int width = Math.min(screen.width(), 100);
        List<String> lines = new ArrayList<>();
        lines.addAll(Text.wrap("Which mistake is planted in the chain rule? The numeric gradient is still right."
                + " Look at which rows read bad and by how much (Enter explains a row, E studies its "
                + t.epsilon() + ").", width - 4));
        lines.add("");
        PlantedBug[] bugs = PlantedBug.values();
        for (int i = 0; i < bugs.length; i++) {
            String head = (i + 1) + " " + Text.padRight(bugs[i].id(), 16) + " ";
            List<String> wrapped = Text.wrap(t.notation(bugs[i].mistake()), width - 4 - head.length());
            for (int j = 0; j < wrapped.size(); j++) {
                lines.add((j == 0 ? head : " ".repeat(head.length())) + wrapped.get(j));
            }
        }
        box(g, screen, width, "Bug hunt: which bug is it? 1-" + bugs.length + " answers, Esc keeps looking", lines,
                Theme.Role.NORMAL, t);
    }

    static void drawResult(TextGraphics g, Area screen, Snapshot s, long number, Theme t) {
        int width = Math.min(screen.width(), 100);
        BugHunt h = s.lesson().hunt();
        List<String> lines = new ArrayList<>();
        Theme.Role role = Theme.Role.NORMAL;
        if (h == null || h.number() < number) {
            lines.add("taking the bug out ...");
        } else {
            role = h.right() ? Theme.Role.GOOD : Theme.Role.FAIR;
            lines.add(h.guess() == null ? "You gave up: it was " + h.bug().id() + "."
                    : h.right() ? "Right: it was " + h.bug().id() + "."
                    : "Not that one: you named " + h.guess().id() + ", it was " + h.bug().id() + ".");
            lines.addAll(Text.wrap(h.bug().id() + ": " + t.notation(h.bug().mistake()) + ".", width - 4));
            lines.add("");
            lines.add("The difference it made, where the hunt ended (" + t.partial() + "L/" + t.partial() + t.theta() + "):");
            lines.add(Text.padRight("param", 8) + Text.padLeft("with the bug", 14) + Text.padLeft("without", 14)
                    + "  check");
            var arch = s.config().architecture();
            double[] buggy = h.buggy();
            double[] correct = h.correct();
            for (int k = 0; k < buggy.length; k++) {
                if (buggy[k] == correct[k]) continue; // only what the bug changed
                String name = buggy.length == arch.parameterCount() ? arch.label(k, t.ascii()) : h.names().get(k);
                lines.add(Text.padRight(name, 8) + Text.padLeft(Numbers.sci(buggy[k], 4), 14)
                        + Text.padLeft(Numbers.sci(correct[k], 4), 14) + (h.badRows().contains(h.names().get(k))
                        ? "  bad" : "  not bad"));
            }
            lines.add("");
            lines.addAll(Text.wrap("It trained " + Numbers.count(h.epochs()) + (h.epochs() == 1 ? " epoch" : " epochs")
                    + " with the bug: the loss went from " + Numbers.sig(h.lossBefore(), 4) + " to "
                    + Numbers.sig(h.lossAfter(), 4) + ". The bug is out now: the chain rule is right again.", width - 4));
        }
        box(g, screen, width, "Bug hunt: the answer (Esc closes)", lines, role, t);
    }

    private static void box(TextGraphics g, Area screen, int width, String title, List<String> lines,
                            Theme.Role first, Theme t) {
        int height = Math.min(screen.height(), lines.size() + 2);
        Area box = Text.overlay(g, screen, width, height, t, title, "Bug hunt");
        Area inner = Text.inside(box);
        for (int i = 0; i < lines.size() && i < inner.height(); i++) {
            t.apply(g, i == 0 ? first : Theme.Role.NORMAL);
            Text.put(g, inner, 0, i, lines.get(i));
        }
        t.apply(g, Theme.Role.NORMAL);
    }
}
