package org.backproplab.tui;

/**
 * What one screen shows besides the snapshot: the selected parameter row, the loss scale, the
 * overlay on top (help; later explanations) and the view. Each lab has its own, so watchers of a
 * shared trainer scroll and open help independently.
 */
public record UiState(int selected, boolean logScale, Overlay overlay, View view, String note) {

    /** What is drawn over the panels. */
    public enum Overlay { NONE, HELP }

    /** What fills the screen between status line and footer. */
    public enum View { LAB }

    public static UiState initial() {
        return new UiState(0, false, Overlay.NONE, View.LAB, "");
    }

    /** Selection moved by {@code delta}, kept within [0, count). */
    public UiState select(int delta, int count) {
        int s = Math.max(0, Math.min(count - 1, selected + delta));
        return new UiState(s, logScale, overlay, view, note);
    }

    public UiState toggleLogScale() {
        return new UiState(selected, !logScale, overlay, view, note);
    }

    public UiState withOverlay(Overlay o) {
        return new UiState(selected, logScale, o, view, note);
    }

    public UiState withNote(String n) {
        return new UiState(selected, logScale, overlay, view, n == null ? "" : n);
    }
}
