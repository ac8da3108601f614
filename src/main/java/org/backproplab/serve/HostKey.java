package org.backproplab.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import java.util.Set;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The server's host key, made at the first start and kept. It is private from its first byte:
 * written to a new file that only its owner may read (MINA's own writer creates the file with
 * the default permissions and narrows them afterwards); a folder made for it is its owner's alone.
 *
 * <p>Several servers may share one key file (behind a balancer, so that a learner's ssh sees the
 * same server whichever answers), and start at the same moment: a key is made in a file of its
 * own, complete, and only then given the key's name, by a link that fails if the name is taken.
 * A server that loses that race uses the key that won, so there is never more than one key, and
 * no server ever reads half a file. A key file that cannot be read is an error, never replaced.
 */
class HostKey extends SimpleGeneratorHostKeyProvider {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    /** Why the key could not be read or made (MINA keeps only a log line of it). */
    private volatile Exception problem;

    HostKey(Path file) throws IOException {
        super(file);
        setAlgorithm(KeyUtils.EC_ALGORITHM);
        setKeySize(256); // P-256: what OpenSSH makes by default for ECDSA, and quicker to sign than P-521
        makeFolder(file);
        keepPrivate(file);
    }

    /** Why there is no key, or null. */
    Exception problem() {
        return problem;
    }

    @Override
    protected Iterable<KeyPair> resolveKeyPairs(SessionContext session, Path file)
            throws IOException, GeneralSecurityException {
        try {
            Iterable<KeyPair> kept = kept(session, file);
            if (kept != null) {
                return kept;
            }
            KeyPair made = generateKeyPair(getAlgorithm());
            if (publish(made, file)) {
                return List.of(made);
            }
            kept = kept(session, file); // another server made the key first: theirs is the key
            if (kept == null) {
                throw new IOException(file + " vanished as it was made");
            }
            return kept;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            problem = e;
            throw e;
        }
    }

    /** The key in the file (of whatever type it is), or null when there is no file. */
    private Iterable<KeyPair> kept(SessionContext session, Path file) throws IOException, GeneralSecurityException {
        if (!Files.exists(file)) {
            return null;
        }
        Iterable<KeyPair> keys = readKeyPairs(session, file);
        if (keys == null || !keys.iterator().hasNext()) {
            throw new IOException(file + " holds no key");
        }
        return keys;
    }

    /**
     * Writes the key to a new owner-only file beside {@code file}, then links it to {@code file}
     * unless that exists: true when this key is now the file's.
     */
    private boolean publish(KeyPair kp, Path file) throws IOException, GeneralSecurityException {
        Path dir = file.toAbsolutePath().getParent();
        Path fresh = posix(dir) ? Files.createTempFile(dir, ".host-key-", ".new", attribute(OWNER_FILE))
                : Files.createTempFile(dir, ".host-key-", ".new");
        try {
            ByteArrayOutputStream key = new ByteArrayOutputStream();
            doWriteKeyPair(new PathResource(file), kp, key);
            try (FileChannel channel = FileChannel.open(fresh, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(key.toByteArray());
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true); // on the disk before it has the key's name
            }
            try {
                Files.createLink(file, fresh);
            } catch (FileAlreadyExistsException taken) {
                return false;
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                Files.move(fresh, file); // no hard links here: a rename that refuses to replace
            }
            return true;
        } catch (FileAlreadyExistsException taken) {
            return false;
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
