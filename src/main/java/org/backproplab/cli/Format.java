package org.backproplab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.backproplab.io.Json;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** How a command prints its result: a table for people, JSON or CSV for scripts. */
enum Format {
    TABLE, JSON, CSV;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** For commands that print a table or JSON. */
    static final class TableOrJson extends ConfigOptions.IdConverter<Format> {
        TableOrJson() {
            super(new Format[] {TABLE, JSON}, Format::id);
        }
    }

    /** The --format option of the commands that print a table or JSON, declared once for all of them. */
    static final class TableOrJsonOption {
        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = TableOrJson.class,
                completionCandidates = TableOrJson.class,
                description = "Output: ${COMPLETION-CANDIDATES} (default: table).")
        Format format;

        /** The command these options belong to: its standard output is where {@link #print} prints. */
        @Spec(Spec.Target.MIXEE)
        CommandSpec command;

        /** Prints the command's result on its standard output, as JSON or as the table; returns exit code 0. */
        int print(Supplier<Map<String, Object>> json, Consumer<PrintWriter> table) {
            PrintWriter out = command.commandLine().getOut();
            if (format == JSON) {
                out.print(Json.write(json.get()));
            } else {
                table.accept(out);
            }
            out.flush();
            return 0;
        }
    }

    /** For train, whose one-row result also reads well as CSV. */
    static final class TableJsonOrCsv extends ConfigOptions.IdConverter<Format> {
        TableJsonOrCsv() {
            super(new Format[] {TABLE, JSON, CSV}, Format::id);
        }
    }
}
