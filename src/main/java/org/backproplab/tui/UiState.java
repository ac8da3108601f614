package org.backproplab.tui;

/**
 * What one screen shows besides the snapshot: the selected parameter row, the loss scale, the
 * overlay on top (help, an explanation), the view (the lab, the cost of each method, the output
 * surface), a note of this screen, and the cost figures measured for it. Each lab has its own, so
 * watchers of a shared trainer scroll and open views independently.
 */
public record UiState(int selected, boolean logScale, Overlay overlay, View view, String note, CostFigures cost,
                      long hunt) {

    /** What is drawn over the panels: help, an explanation, the bug hunt's question or its answer. */
    public enum Overlay { NONE, HELP, EXPLAIN, HUNT_QUESTION, HUNT_RESULT }

    /** What fills the screen between the status lines and the notes. */
    public enum View { LAB, COST, SURFACE, EPSILON }

    public static UiState initial() {
        return new UiState(0, false, Overlay.NONE, View.LAB, "", null, 0);
    }

    /**
     * The bug hunt's answer opened: the trainer's {@link org.backproplab.train.BugHunt} numbered
     * {@code number} (shown once the trainer has it).
     */
    public UiState withHuntResult(long number) {
        return new UiState(selected, logScale, Overlay.HUNT_RESULT, view, note, cost, number);
    }

    /** Selection moved by {@code delta}, kept within [0, count). */
    public UiState select(int delta, int count) {
        int s = Math.max(0, Math.min(count - 1, selected + delta));
        return new UiState(s, logScale, overlay, view, note, cost, hunt);
    }

    public UiState toggleLogScale() {
        return new UiState(selected, !logScale, overlay, view, note, cost, hunt);
    }

    public UiState withOverlay(Overlay o) {
        return new UiState(selected, logScale, o, view, note, cost, hunt);
    }

    /** Opens {@code v}, or goes back to the lab when it is open already. */
    public UiState toggleView(View v) {
        return new UiState(selected, logScale, Overlay.NONE, view == v ? View.LAB : v, note, cost, hunt);
    }

    public UiState withView(View v) {
        return new UiState(selected, logScale, overlay, v, note, cost, hunt);
    }

    public UiState withNote(String n) {
        return new UiState(selected, logScale, overlay, view, n == null ? "" : n, cost, hunt);
    }

    public UiState withCost(CostFigures c) {
        return new UiState(selected, logScale, overlay, view, note, c, hunt);
    }
}
