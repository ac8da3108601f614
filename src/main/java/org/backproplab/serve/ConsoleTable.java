package org.backproplab.serve;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.backproplab.format.Numbers;

/**
 * The teacher's live table of sessions: who, from where, for how long, the screen bytes sent per
 * second on average, epoch, loss, state. Each column is as wide as its widest cell; where that is
 * wider than the terminal, columns go by priority (as in htop): first KB/S, then CONNECTED, then
 * the names and addresses are cut (with {@code ~}) down to a few characters; a wider terminal shows
 * them whole.
 */
public final class ConsoleTable {
    private static final String GAP = "  ";
    /** Fewest characters a cut name or address keeps (with its {@code ~}). */
    private static final int LEAST_WHO = 8;
    private static final int LEAST_FROM = 9;

    private record Column(String title, boolean right, Function<Cells, String> cell) {
    }

    /** One row's cells, formatted once. */
    private record Cells(String who, String from, String connected, String rate, String epoch, String loss, String state) {
    }

    private static final Column WHO = new Column("WHO", false, Cells::who);
    private static final Column FROM = new Column("FROM", false, Cells::from);
    private static final Column CONNECTED = new Column("CONNECTED", true, Cells::connected);
    private static final Column RATE = new Column("KB/S", true, Cells::rate);
    private static final Column EPOCH = new Column("EPOCH", true, Cells::epoch);
    private static final Column LOSS = new Column("LOSS", true, Cells::loss);
    private static final Column STATE = new Column("STATE", false, Cells::state);
    /** What goes first when the terminal is too narrow for every column. */
    private static final List<Column> DROPPED_FIRST = List.of(RATE, CONNECTED);

    private ConsoleTable() {
    }

    /** The table's lines for these rows at {@code now}, a header first, each at most {@code width} columns. */
    public static List<String> render(List<SessionRow> rows, Instant now, int width) {
        List<Cells> cells = rows.stream().map(r -> cells(r, now)).toList();
        List<Column> shown = new ArrayList<>(List.of(WHO, FROM, CONNECTED, RATE, EPOCH, LOSS, STATE));
        int who = widest(WHO, cells);
        int from = widest(FROM, cells);
        for (Column c : DROPPED_FIRST) {
            if (total(shown, cells, who, from) > width) {
                shown.remove(c);
            }
        }
        while (total(shown, cells, who, from) > width && (who > LEAST_WHO || from > LEAST_FROM)) {
            if (who >= from && who > LEAST_WHO || from <= LEAST_FROM) {
                who--; // the longer of the two gives way first
            } else {
                from--;
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(line(shown, null, cells, who, from, width));
        if (rows.isEmpty()) {
            lines.add("(no one yet)");
        }
        for (Cells c : cells) {
            lines.add(line(shown, c, cells, who, from, width));
        }
        return lines;
    }

    private static Cells cells(SessionRow r, Instant now) {
        LabFactory.Progress p = r.progress();
        Duration connected = Duration.between(r.since(), now);
        return new Cells(r.who(), r.from(), duration(connected), rate(r.bytesSent(), connected),
                Numbers.count(p.epoch()), loss(p.loss()), p.state() + (r.drives() ? " (drives)" : ""));
    }

    /** One line: the header when {@code row} is null. Never wider than {@code width}, however narrow. */
    private static String line(List<Column> shown, Cells row, List<Cells> all, int who, int from, int width) {
        StringBuilder b = new StringBuilder();
        for (Column c : shown) {
            int w = c == WHO ? who : c == FROM ? from : widest(c, all);
            String text = row == null ? c.title : Printable.clip(c.cell.apply(row), w);
            if (b.length() > 0) {
                b.append(GAP);
            }
            String pad = " ".repeat(Math.max(0, w - text.length()));
            b.append(c.right ? pad + text : c == STATE ? text : text + pad);
        }
        String line = b.toString().stripTrailing();
        return line.length() <= width ? line : Printable.clip(line, width);
    }

    private static int total(List<Column> shown, List<Cells> cells, int who, int from) {
        int sum = GAP.length() * (shown.size() - 1);
        for (Column c : shown) {
            sum += c == WHO ? who : c == FROM ? from : widest(c, cells);
        }
        return sum;
    }

    private static int widest(Column c, List<Cells> cells) {
        int w = c.title.length();
        for (Cells row : cells) {
            w = Math.max(w, c.cell.apply(row).length());
        }
        return w;
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
}
