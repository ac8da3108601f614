package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * One line per error, never a stack trace: exit 2 for a bad command line (including a bad
 * {@code --init} file), 1 for a failure while running.
 */
final class Errors {
    static final int USAGE = 2;
    static final int FAILURE = 1;
    /** What a shell reports for a program ended by SIGPIPE: its reader closed the pipe (128 + 13). */
    static final int BROKEN_PIPE = 141;

    private Errors() {
    }

    static int usage(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String where = cl.getCommandSpec().qualifiedName();
        String message = ex.getMessage();
        String first = ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                ? u.getUnmatched().get(0) : null;
        if (first != null && first.startsWith("-")) {
            message = "unknown option '" + first + "'" + didYouMean(first, optionNames(cl));
        } else if (first != null && !cl.getSubcommands().isEmpty()) {
            List<String> commands = visibleCommands(cl);
            message = "unknown command '" + first + "'" + didYouMean(first, commands) + "; the commands are: "
                    + String.join(", ", commands);
        } else if (first != null) {
            message = "unexpected argument '" + first + "': " + cl.getCommandName() + " takes options only";
        } else if (message != null && message.startsWith("Invalid value for option '")) {
            // picocli's "Invalid value for option '--epochs': '1.5' is not ..." as "--epochs: '1.5' is not ..."
            message = message.substring("Invalid value for option '".length()).replaceFirst("^([^']*)': ", "$1: ");
        }
        cl.getErr().println(where + ": " + oneLine(message)
                + " (see '" + where + " --help')");
        cl.getErr().flush();
        return USAGE;
    }

    /** The commands a person is offered: the hidden ones (the launcher's warm-up) left out. */
    private static List<String> visibleCommands(CommandLine cl) {
        List<String> names = new ArrayList<>();
        cl.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                names.add(name);
            }
        });
        return names;
    }

    private static List<String> optionNames(CommandLine cl) {
        List<String> names = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            if (!o.hidden()) {
                names.add(o.longestName());
            }
        }
        return names;
    }

    /** " (did you mean --epochs?)" for the nearest names within a few typos of {@code typed}, else "". */
    static String didYouMean(String typed, List<String> names) {
        int best = Integer.MAX_VALUE;
        List<String> nearest = new ArrayList<>();
        for (String name : names) {
            int d = distance(typed.toLowerCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT));
            if (d < best) {
                best = d;
                nearest.clear();
            }
            if (d == best) {
                nearest.add(name);
            }
        }
        boolean close = best <= Math.max(2, typed.length() / 3) && best < typed.length();
        return close ? " (did you mean " + String.join(" or ", nearest) + "?)" : "";
    }

    /** Levenshtein distance: the fewest insertions, deletions and substitutions from a to b. */
    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    static int runtime(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        return report(ex, cl.getCommandSpec().qualifiedName(), cl.getErr());
    }

    /** One line on {@code err} for what a command threw, and its exit code: 2 for usage, 1 for the rest. */
    static int report(Exception ex, String where, PrintWriter err) {
        if (ex instanceof UsageException u) {
            err.println(where + ": " + oneLine(u.getMessage()) + " (see '" + where + " --help')");
            err.flush();
            return USAGE;
        }
        String msg = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
        err.println(where + ": error: " + oneLine(msg));
        err.flush();
        return FAILURE;
    }


    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** A bad value found after parsing (a range, a file's content): reported as usage, exit 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
