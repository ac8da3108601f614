package org.backproplab.serve;

import java.time.Instant;
import org.backproplab.serve.LabFactory.Progress;

/** One line of the teacher's console table; {@code bytesSent}: screen bytes sent to the learner so far. */
public record SessionRow(String who, String from, Instant since, boolean drives, Progress progress, long bytesSent) {
}
