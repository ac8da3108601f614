package org.backproplab.serve;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backproplab.format.Numbers;

/**
 * The teacher's live table of sessions: who, from where, for how long, the screen bytes sent per
 * second on average, epoch, loss, state.
 */
public final class ConsoleTable {
    private static final String FORMAT = "%-16s %-22s %9s %7s %12s %10s  %s";

    private ConsoleTable() {
    }

    /** The table's lines for these rows at {@code now}, a header first. */
    public static List<String> render(List<SessionRow> rows, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, FORMAT, "WHO", "FROM", "CONNECTED", "KB/S", "EPOCH", "LOSS", "STATE").stripTrailing());
        if (rows.isEmpty()) {
            lines.add("(no one yet)");
        }
        for (SessionRow r : rows) {
            LabFactory.Progress p = r.progress();
            Duration connected = Duration.between(r.since(), now);
            lines.add(String.format(Locale.ROOT, FORMAT, clip(r.who(), 16), clip(r.from(), 22),
                    duration(connected), rate(r.bytesSent(), connected), Numbers.count(p.epoch()),
                    loss(p.loss()), p.state() + (r.drives() ? " (drives)" : "")).stripTrailing());
        }
        return lines;
    }

    /** Kilobytes (1000 B) per second sent since joining, one decimal; "-" in the first second. */
    static String rate(long bytes, Duration connected) {
        double seconds = connected.toNanos() / 1e9;
        return seconds < 1 ? "-" : Numbers.fixed(bytes / 1000.0 / seconds, 1);
    }

    /** h:mm:ss, or m:ss under an hour. */
    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Four significant digits rounded from the exact value (as the lab shows them); "-" when unknown. */
    static String loss(double loss) {
        return Double.isNaN(loss) ? "-" : Numbers.sig(loss, 4);
    }

    /** Cut to the column, never inside an escape of a learner's text. */
    private static String clip(String s, int width) {
        return Printable.clip(s, width);
    }
}
