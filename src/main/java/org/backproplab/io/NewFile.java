package org.backproplab.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes a file that did not exist before: name, then name-1, name-2 ... never overwriting one. */
final class NewFile {
    /** More than this many files of one name in one place is surely a mistake, not a lesson. */
    private static final int MAX_SUFFIX = 10_000;

    private NewFile() {
    }

    static Path write(Path dir, String stem, String extension, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i <= MAX_SUFFIX; i++) {
            Path file = dir.resolve(stem + (i == 0 ? "" : "-" + i) + extension);
            try {
                // CREATE_NEW checks and creates in one step: two labs saving at once cannot both get one name.
                Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return file;
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            }
        }
        throw new IOException(stem + extension + " and " + MAX_SUFFIX + " numbered copies exist already");
    }
}
