package org.backproplab.io;

import java.io.IOException;
import java.nio.file.Path;
import org.backproplab.train.LossHistory;

/**
 * The loss history as CSV: a header {@code epoch,loss}, then one row per epoch (or per point of a
 * bounded history), doubles written exactly ({@link Double#toString} reads back to the same bits).
 * {@code train --history} writes it row by row, ending with the loss after the last epoch; the
 * lab's {@code e} key writes a whole {@link LossHistory.Points} at once, with a comment line first
 * that says what each row averages, and ends the same way.
 */
public final class LossHistoryCsv {
    public static final String HEADER = "epoch,loss";

    private LossHistoryCsv() {
    }

    /** One row: "12,0.6931471805599453". */
    public static String row(long epoch, double loss) {
        return epoch + "," + loss;
    }

    /**
     * A bounded history: row i is the mean loss of epochs [i·stride, (i+1)·stride) at the start of
     * each epoch, so its epoch is the first of those (the last row may average fewer epochs, and
     * the comment says how many); then, as train's history ends, the loss now, at {@code epoch}.
     */
    public static String of(LossHistory.Points points, long epoch, double lossNow) {
        StringBuilder b = new StringBuilder();
        long n = points.epochs();
        if (points.stride() == 1) {
            b.append("# loss at the start of each epoch, ").append(n).append(n == 1 ? " epoch" : " epochs");
        } else {
            long last = n - (points.size() - 1) * points.stride();
            b.append("# each row is the mean loss of ").append(points.stride())
                    .append(" epochs from 'epoch' on (the lab keeps at most ").append(LossHistory.DEFAULT_CAPACITY)
                    .append(" points)");
            if (last != points.stride()) {
                b.append(", the last of ").append(last).append(last == 1 ? " epoch" : " epochs");
            }
            b.append("; ").append(n).append(" epochs in all");
        }
        b.append("; then the loss now, after epoch ").append(epoch).append('\n');
        b.append(HEADER).append('\n');
        for (int i = 0; i < points.size(); i++) {
            b.append(row(i * points.stride(), points.value(i))).append('\n');
        }
        b.append(row(epoch, lossNow)).append('\n');
        return b.toString();
    }

    /** Writes the history to a new file {@code stem.csv} (or stem-1.csv ... : never overwriting). */
    public static Path writeNew(Path dir, String stem, LossHistory.Points points, long epoch, double lossNow)
            throws IOException {
        return NewFile.write(dir, stem, ".csv", of(points, epoch, lossNow));
    }
}
