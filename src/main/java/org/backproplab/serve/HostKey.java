package org.backproplab.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Set;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The server's host key, made at the first start and kept. It is private from its first byte:
 * written to a new file that only its owner may read (MINA's own writer creates the file with
 * the default permissions and narrows them afterwards), which then takes the key's name at once;
 * a folder made for it is its owner's alone.
 */
final class HostKey extends SimpleGeneratorHostKeyProvider {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    HostKey(Path file) throws IOException {
        super(file);
        setAlgorithm(KeyUtils.EC_ALGORITHM);
        setKeySize(256); // P-256: what OpenSSH makes by default for ECDSA, and quicker to sign than P-521
        makeFolder(file);
        keepPrivate(file);
    }

    @Override
    protected void writeKeyPair(KeyPair kp, Path file) throws IOException, GeneralSecurityException {
        Path dir = file.toAbsolutePath().getParent();
        Path fresh = posix(dir) ? Files.createTempFile(dir, ".host-key-", ".new", attribute(OWNER_FILE))
                : Files.createTempFile(dir, ".host-key-", ".new");
        try {
            try (OutputStream out = Files.newOutputStream(fresh, StandardOpenOption.WRITE)) {
                doWriteKeyPair(new PathResource(file), kp, out);
            }
            try {
                Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(fresh);
        }
    }

    /** Makes the key's folder (the user's config folder by default); each folder made is its owner's alone. */
    private static void makeFolder(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        if (posix(dir.getRoot() != null ? dir.getRoot() : dir)) {
            Files.createDirectories(dir, attribute(OWNER_FOLDER));
        } else {
            Files.createDirectories(dir);
        }
    }

    /** A key made by an older version may be readable by others: owner-only now. */
    private static void keepPrivate(Path file) throws IOException {
        if (Files.exists(file) && posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> p) {
        return PosixFilePermissions.asFileAttribute(p);
    }
}
