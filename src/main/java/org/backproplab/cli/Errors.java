package org.backproplab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.backproplab.io.FileErrors;
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

    private Errors() {
    }

    static int usage(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String where = cl.getCommandSpec().qualifiedName();
        String message = ex.getMessage();
        if (ex instanceof UnmatchedArgumentException u && !cl.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + u.getUnmatched().get(0) + "'; the commands are: "
                    + String.join(", ", cl.getSubcommands().keySet());
        } else if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            message = "unexpected argument '" + u.getUnmatched().get(0) + "': " + cl.getCommandName()
                    + " takes options only";
        }
        cl.getErr().println(where + ": " + oneLine(message)
                + " (see '" + where + " --help')");
        cl.getErr().flush();
        return USAGE;
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

    /** Why a file operation failed, in a few words: "permission denied", "is a directory", ... */
    static String reason(IOException e) {
        return FileErrors.reason(e);
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
