package org.backproplab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** The files a command writes: checked before any work starts, and written whole or not at all. */
final class OutputFiles {
    private OutputFiles() {
    }

    /**
     * Refuses ({@link Errors.UsageException}, exit 2) an output path that cannot be written: a
     * folder, a path in a folder that does not exist, or one without permission to write.
     */
    static void check(String option, Path file) {
        String what = option + " " + file + ": ";
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new Errors.UsageException(what + "is a folder; give the name of a file to write");
        }
        Path dir = abs.getParent();
        String dirName = file.getParent() != null ? file.getParent().toString() : String.valueOf(dir);
        if (dir == null || !Files.exists(dir)) {
            throw new Errors.UsageException(what + "there is no folder " + dirName + " to write it in");
        }
        if (!Files.isDirectory(dir)) {
            throw new Errors.UsageException(what + dirName + " is a file, not a folder");
        }
        if (Files.exists(abs) ? !Files.isWritable(abs) : !Files.isWritable(dir)) {
            throw new Errors.UsageException(what + "permission denied"
                    + (Files.exists(abs) ? "" : " (cannot create files in " + dirName + ")"));
        }
    }

    /** Whether two paths name the same file (compared as absolute, normalised paths: the files may not exist yet). */
    static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * Writes {@code text} to {@code file} whole: into a new file beside it, then renamed over it, so
     * that an interruption or a full disk leaves the old file or the new one, never half of one. A
     * device or a fifo ({@code /dev/stdout}), or a folder we may not create files in, is written in place.
     */
    static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path target = Files.isSymbolicLink(file) && Files.exists(file) ? file.toRealPath() : file;
        Path dir = target.toAbsolutePath().getParent();
        if (Files.exists(target) && !Files.isRegularFile(target) || dir == null || !Files.isWritable(dir)) {
            Files.write(target, bytes);
            return;
        }
        Path part = newPart(dir, target.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** A new, empty ".NAME.part-N" in {@code dir} (created with the usual permissions, unlike a temporary file's 0600). */
    private static Path newPart(Path dir, String name) throws IOException {
        for (int i = 0; ; i++) {
            try {
                return Files.createFile(dir.resolve("." + name + ".part-" + ProcessHandle.current().pid()
                        + (i == 0 ? "" : "-" + i)));
            } catch (FileAlreadyExistsException e) {
                // another writer's: try the next name
            }
        }
    }
}
