package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.backproplab.io.Json;
import picocli.CommandLine.Option;

/**
 * The options of a command that reports on one run (gradcheck, explain, epsilon, trace, bench,
 * sweep): the run's settings, and the report's --format, declared once for all of them.
 */
final class ReportOptions extends ConfigOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = Format.TableOrJson.class,
            completionCandidates = Format.TableOrJson.class,
            description = "Output: ${COMPLETION-CANDIDATES} (default: table).")
    Format format;

    /** The run's starting point, for the commands that look at it (gradcheck, explain, epsilon). */
    StartingPoint start() {
        return StartingPoint.of(toConfig());
    }

    /** Prints the command's result on its standard output, as JSON or as the table; returns exit code 0. */
    int print(Supplier<Map<String, Object>> json, Consumer<PrintWriter> table) {
        PrintWriter out = mixee.commandLine().getOut();
        if (format == Format.JSON) {
            out.print(Json.write(json.get()));
        } else {
            table.accept(out);
        }
        out.flush();
        return 0;
    }
}
