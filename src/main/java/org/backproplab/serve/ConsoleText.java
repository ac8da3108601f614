package org.backproplab.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The teacher's console lines fitted to a width: a line too long is broken between words and
 * goes on in the next line, indented (under the value of a {@code "  label:   value"} line, else
 * two columns in). Words joined by {@link #KEEP} (a command to type, a count and its noun) are
 * never parted; a word longer than the line (a long path) is cut, the only break inside a word.
 */
public final class ConsoleText {
    /** Joins two words that must stay on one line; printed as a space. */
    public static final char KEEP = '\u00a0';
    /** The width of a console whose width is unknown (a log file), and the least one fitted to. */
    public static final int LOG_WIDTH = 80;
    /** A header line: a label, a colon and at least two spaces, then its value. */
    private static final Pattern LABELLED = Pattern.compile("^ *[^ :][^:]*: {2,}(?=\\S)");

    private ConsoleText() {
    }

    /** Every line of {@code lines} fitted to {@code width}. */
    public static List<String> fit(List<String> lines, int width) {
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.addAll(fit(l, width)));
        return out;
    }

    /** {@code line} in lines of at most {@code width} columns, {@link #KEEP} printed as a space. */
    public static List<String> fit(String line, int width) {
        int indent = continuationIndent(line);
        if (indent > width / 2) {
            indent = 2; // a narrow terminal: room for the words rather than for the layout
        }
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int lead = leadingSpaces(line);
        current.append(line, 0, lead);
        boolean empty = true; // no word on the current line yet
        for (String word : line.substring(lead).split(" ", -1)) {
            boolean fits = current.length() + (empty ? 0 : 1) + word.length() <= width;
            if (word.isEmpty() && (!fits || empty)) {
                continue; // a run of spaces: kept inside a line, dropped where a line breaks
            }
            if (!fits && !empty) {
                lines.add(current.toString().stripTrailing());
                current.setLength(0);
                current.append(" ".repeat(indent));
                empty = true;
            }
            if (!empty) {
                current.append(' ');
            }
            while (current.length() + word.length() > width && width - current.length() > 0) {
                int room = width - current.length(); // a word longer than a whole line: cut it
                current.append(word, 0, room);
                lines.add(current.toString());
                current.setLength(0);
                current.append(" ".repeat(indent));
                word = word.substring(room);
            }
            current.append(word);
            empty = false;
        }
        lines.add(current.toString().stripTrailing());
        lines.replaceAll(l -> l.replace(KEEP, ' '));
        return lines;
    }

    /** Where a continuation of {@code line} begins: under a label's value, else two columns in. */
    static int continuationIndent(String line) {
        Matcher m = LABELLED.matcher(line);
        return m.find() ? m.end() : leadingSpaces(line) + 2;
    }

    private static int leadingSpaces(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
