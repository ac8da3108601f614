package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import org.backproplab.train.Snapshot;

/** One row that says what matters now: a warning from the trainer, a note of this screen, or a hint. */
final class NotesPanel {
    private NotesPanel() {
    }

    static String text(Snapshot s, UiState ui, Theme t) {
        if (!s.message().isEmpty()) return s.message();
        if (!ui.note().isEmpty()) return ui.note();
        if (s.learned()) {
            return "learned: all four rows right (" + t.yhat() + " rounded to 0 or 1 equals the target)";
        }
        if (s.epoch() == 0 && !s.running()) {
            return "paused at epoch 0: space runs, n steps one epoch, ? shows every key";
        }
        return "";
    }

    static void draw(TextGraphics g, Area a, Snapshot s, UiState ui, Theme t) {
        t.apply(g, s.diverged() ? Theme.Role.BAD : Theme.Role.NORMAL);
        Text.put(g, a, 0, 0, text(s, ui, t));
        t.apply(g, Theme.Role.NORMAL);
    }
}
