package org.backproplab.cli;

import java.util.Locale;

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

    /** For train, whose one-row result also reads well as CSV. */
    static final class TableJsonOrCsv extends ConfigOptions.IdConverter<Format> {
        TableJsonOrCsv() {
            super(new Format[] {TABLE, JSON, CSV}, Format::id);
        }
    }
}
