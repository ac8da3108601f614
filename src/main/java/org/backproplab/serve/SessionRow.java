package org.backproplab.serve;

import java.time.Instant;
import org.backproplab.serve.LabFactory.Progress;

/**
 * One line of the teacher's console table; {@code bytesSent}: screen bytes sent to the learner so
 * far. {@code who} and {@code from} are made printable here ({@link Printable}), so no consumer of a
 * row can write a learner's escape codes to the teacher's terminal.
 */
public record SessionRow(String who, String from, Instant since, boolean drives, Progress progress, long bytesSent) {
    /** The longest name or address a row keeps. */
    static final int LONGEST = 40;

    public SessionRow {
        who = Printable.of(who, LONGEST);
        from = Printable.of(from, LONGEST);
    }
}
