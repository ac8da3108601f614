package org.backproplab.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import org.backproplab.train.Snapshot;

/**
 * One whole frame as a pure function of (snapshot, screen state, size, theme): every cell is
 * written (spaces where there is nothing), so a delta refresh sends exactly what changed.
 */
public final class Frame {
    private Frame() {
    }

    public static void draw(TextGraphics g, int width, int height, Snapshot s, UiState ui, Theme t, LabOptions o) {
        t.apply(g, Theme.Role.NORMAL);
        blank(g, width, height);
        if (!Layout.fits(width, height)) {
            TooSmall.draw(g, width, height, t);
            return;
        }
        Layout l = Layout.of(width, height, s.parameterCount());
        StatusPanel.draw(g, l.status(), s, o, t);
        switch (ui.view()) {
            case LAB -> {
                WeightsPanel.draw(g, l.weights(), s, ui, t);
                GradientsPanel.draw(g, l.gradients(), s, ui, t);
                TruthTablePanel.draw(g, l.truth(), s, t);
                LossPanel.draw(g, l.loss(), s, ui, t);
                if (l.network().width() > 0) NetworkView.draw(g, l.network(), s, ui, t);
                t.apply(g, Theme.Role.DIM);
                verticalRule(g, l.weights().right(), l.weights().row() + 1, l.weights().height() - 1, t);
                verticalRule(g, l.truth().right(), l.truth().row() + 1, l.truth().height() - 1, t);
                if (l.network().width() > 0) {
                    verticalRule(g, l.loss().right(), l.loss().row() + 1, l.loss().height() - 1, t);
                }
            }
            case COST -> CostView.draw(g, l.view(), s, ui.cost(), t);
            case SURFACE -> SurfaceView.draw(g, l.view(), s, t);
            case NETWORK -> NetworkView.draw(g, l.view(), s, ui, t);
            case TRACE -> TraceView.draw(g, l.view(), s, ui, t);
            case EPSILON -> EpsilonView.draw(g, l.view(), s, Math.min(ui.selected(), s.parameterCount() - 1), t);
        }
        RatePanel.draw(g, l.rate(), s, t);
        NotesPanel.draw(g, l.notes(), s, ui, t, o);
        FooterPanel.draw(g, l.footer(), o, t);
        // overlays leave the first status row in view: it says when a bug is planted
        Area below = new Area(0, 1, width, height - 1);
        if (ui.overlay() == UiState.Overlay.HELP) {
            HelpOverlay.draw(g, below, o, t);
        } else if (ui.overlay() == UiState.Overlay.LEGEND) {
            HelpOverlay.drawLegend(g, below, o, t);
        } else if (ui.overlay() == UiState.Overlay.REASONS) {
            HelpOverlay.drawReasons(g, below, t);
        } else if (ui.overlay() == UiState.Overlay.EXPLAIN && ui.selected() < s.parameterCount()) {
            ExplainOverlay.draw(g, below, s, ui.selected(), GradientsPanel.digits(l.gradients().width()), t);
        } else if (ui.overlay() == UiState.Overlay.HUNT_QUESTION) {
            HuntOverlay.drawQuestion(g, below, t);
        } else if (ui.overlay() == UiState.Overlay.HUNT_RESULT) {
            HuntOverlay.drawResult(g, below, s, ui.hunt(), t);
        }
        t.apply(g, Theme.Role.NORMAL);
    }

    /** Every cell blank, from one shared cell: allocates nothing (TextGraphics.fill makes a new cell each time). */
    private static void blank(TextGraphics g, int width, int height) {
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                g.setCharacter(c, r, Cells.BLANK);
            }
        }
    }

    /** The line between two panels side by side, from their title row (part of the rule) down. */
    private static void verticalRule(TextGraphics g, int col, int row, int rows, Theme t) {
        Cells.put(g, col, row - 1, t.ascii() ? '+' : '┬');
        for (int r = 0; r < rows; r++) {
            Cells.put(g, col, row + r, t.vertical());
        }
    }
}
