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
import org.backproplab.io.FileErrors;

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
        boolean exists = Files.exists(abs);
        String refused = exists ? refusesWriting(abs) : refusesNewFiles(dir, abs.getFileName().toString());
        if (refused != null) {
            throw new Errors.UsageException(what + refused
                    + (exists ? "" : " (cannot create files in " + dirName + ")"));
        }
    }

    /*
     * The permission bits are not the answer: root may write past them (but not into /sys), and a
     * read-only mount or a full quota refuses what they allow. So the check does what the write
     * will do, before the work starts: open the file for appending (which changes nothing), or
     * create the new file's part file beside it and delete it again.
     */

    /** Why an existing file cannot be opened for writing, or null when it can. */
    private static String refusesWriting(Path file) {
        if (!Files.isRegularFile(file)) {
            return Files.isWritable(file) ? null : "permission denied"; // a device or a fifo: opening may block
        }
        try (OutputStream probe = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            return null;
        } catch (IOException e) {
            return FileErrors.reason(e);
        }
    }

    /** Why no new file can be created in {@code dir}, or null when one can. */
    private static String refusesNewFiles(Path dir, String name) {
        try {
            Files.delete(newPart(dir, name));
            return null;
        } catch (IOException e) {
            return FileErrors.reason(e);
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
