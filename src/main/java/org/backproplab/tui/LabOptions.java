package org.backproplab.tui;

/**
 * How one lab looks and what its user may do.
 *
 * @param colour   colours on (off: monochrome that still reads, verdicts as words and symbols)
 * @param ascii    only ASCII characters (for terminals or locales without UTF-8)
 * @param readOnly a watcher of a shared lab: sees everything, cannot drive the trainer
 * @param title    shown at the top left ("Backprop Lab" when blank)
 */
public record LabOptions(boolean colour, boolean ascii, boolean readOnly, String title) {
    public LabOptions {
        title = title == null || title.isBlank() ? "Backprop Lab" : title;
    }

    public static LabOptions defaults() {
        return new LabOptions(true, false, false, null);
    }
}
