package org.backproplab.tui;

/**
 * What one screen shows besides the snapshot: the selected parameter row, the loss scale, the
 * overlay on top (help, an explanation, the bug hunt), the view (the lab, the cost of each method,
 * the output surface, the ε study, the network, a trace), a note of this screen, the cost figures
 * measured for it, the truth-table row the network shows, the step of a trace, and the bug hunt
 * whose answer is open. Each lab has its own, so watchers of a shared trainer scroll and open
 * views independently.
 */
public record UiState(int selected, boolean logScale, Overlay overlay, View view, String note, CostFigures cost,
                      int row, int traceStep, long hunt) {

    /**
     * What is drawn over the panels: help (and its second page, the legend, where the first has no
     * room for it), an explanation, the bug hunt's question or its answer.
     */
    public enum Overlay { NONE, HELP, LEGEND, REASONS, EXPLAIN, HUNT_QUESTION, HUNT_RESULT }

    /** What fills the screen between the status lines and the notes. */
    public enum View { LAB, COST, SURFACE, EPSILON, NETWORK, TRACE }

    public static UiState initial() {
        return new UiState(0, false, Overlay.NONE, View.LAB, "", null, 0, 0, 0);
    }

    /** The truth-table row (0..3) whose values the network view shows. */
    public UiState withRow(int r) {
        return new UiState(selected, logScale, overlay, view, note, cost, Math.max(0, Math.min(3, r)), traceStep, hunt);
    }

    /** The step of the epoch's trace on screen, kept within [0, steps). */
    public UiState withTraceStep(int step, int steps) {
        return new UiState(selected, logScale, overlay, view, note, cost, row, Math.max(0, Math.min(steps - 1, step)),
                hunt);
    }

    /**
     * The bug hunt's answer opened: the trainer's {@link org.backproplab.train.BugHunt} numbered
     * {@code number} (shown once the trainer has it).
     */
    public UiState withHuntResult(long number) {
        return new UiState(selected, logScale, Overlay.HUNT_RESULT, view, note, cost, row, traceStep, number);
    }

    /** Selection moved by {@code delta}, kept within [0, count). */
    public UiState select(int delta, int count) {
        int s = Math.max(0, Math.min(count - 1, selected + delta));
        return new UiState(s, logScale, overlay, view, note, cost, row, traceStep, hunt);
    }

    public UiState toggleLogScale() {
        return new UiState(selected, !logScale, overlay, view, note, cost, row, traceStep, hunt);
    }

    public UiState withOverlay(Overlay o) {
        return new UiState(selected, logScale, o, view, note, cost, row, traceStep, hunt);
    }

    /** Opens {@code v}, or goes back to the lab when it is open already. */
    public UiState toggleView(View v) {
        return new UiState(selected, logScale, Overlay.NONE, view == v ? View.LAB : v, note, cost, row, traceStep, hunt);
    }

    public UiState withView(View v) {
        return new UiState(selected, logScale, overlay, v, note, cost, row, traceStep, hunt);
    }

    public UiState withNote(String n) {
        return new UiState(selected, logScale, overlay, view, n == null ? "" : n, cost, row, traceStep, hunt);
    }

    public UiState withCost(CostFigures c) {
        return new UiState(selected, logScale, overlay, view, note, c, row, traceStep, hunt);
    }
}
