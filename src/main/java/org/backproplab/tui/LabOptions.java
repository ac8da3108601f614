package org.backproplab.tui;

import java.nio.file.Path;
import org.backproplab.io.ParametersFile;

/**
 * How one lab looks and what its user may do.
 *
 * @param colour   colours on (off: monochrome that still reads, verdicts as words and symbols)
 * @param ascii    only ASCII characters (for terminals or locales without UTF-8)
 * @param readOnly a watcher of a shared lab: sees everything, cannot drive the trainer
 * @param title    shown at the top left ("Backprop Lab" when blank)
 * @param saveDirectory where {@code w} and {@code e} write their files; null when this lab writes
 *                 no files (a lab served over SSH must not write on the server)
 * @param mouse    the mouse selects, explains and scrolls ({@code --no-mouse}: the terminal's own
 *                 selection of text instead)
 * @param savedStart where saved starting parameters came from (the status row says it, and w
 *                 saves it with the run's settings); null when not known
 */
public record LabOptions(boolean colour, boolean ascii, boolean readOnly, String title, Path saveDirectory,
                         boolean mouse, ParametersFile.Origin savedStart) {
    public LabOptions {
        title = title == null || title.isBlank() ? "Backprop Lab" : title;
    }

    public LabOptions(boolean colour, boolean ascii, boolean readOnly, String title, Path saveDirectory,
                      boolean mouse) {
        this(colour, ascii, readOnly, title, saveDirectory, mouse, null);
    }

    /** With the mouse on. */
    public LabOptions(boolean colour, boolean ascii, boolean readOnly, String title, Path saveDirectory) {
        this(colour, ascii, readOnly, title, saveDirectory, true);
    }

    /** A lab that writes no files. */
    public LabOptions(boolean colour, boolean ascii, boolean readOnly, String title) {
        this(colour, ascii, readOnly, title, null);
    }

    public static LabOptions defaults() {
        return new LabOptions(true, false, false, null, null);
    }

    public LabOptions withSaveDirectory(Path dir) {
        return new LabOptions(colour, ascii, readOnly, title, dir, mouse, savedStart);
    }

    /** The same look with another role: a watcher or the driver of a shared lab, and its title. */
    public LabOptions withRole(boolean watcher, String newTitle) {
        return new LabOptions(colour, ascii, watcher, newTitle, saveDirectory, mouse, savedStart);
    }

    /** The same lab, told where its saved starting parameters came from (see {@code savedStart}). */
    public LabOptions withSavedStart(ParametersFile.Origin origin) {
        return new LabOptions(colour, ascii, readOnly, title, saveDirectory, mouse, origin);
    }
}
