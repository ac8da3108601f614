package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several servers behind one balancer share one host key file, and may start at the same moment. */
class HostKeyTest {
    @TempDir
    Path dir;

    /** A server whose key is made only once {@code together} other servers have looked for the file too. */
    private static final class Racing extends HostKey {
        private final CyclicBarrier together;

        Racing(Path file, CyclicBarrier together) throws java.io.IOException {
            super(file);
            this.together = together;
        }

        @Override
        protected KeyPair generateKeyPair(String algorithm) throws java.security.GeneralSecurityException {
            try {
                together.await(20, TimeUnit.SECONDS); // every server has seen no file, and makes a key
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return super.generateKeyPair(algorithm);
        }
    }

    private static String fingerprint(HostKey k) {
        List<KeyPair> keys = k.loadKeys(null);
        assertThat(keys).as("a key, not: %s", k.problem()).isNotEmpty();
        KeyPair p = keys.get(0);
        return KeyUtils.getFingerPrint(p.getPublic());
    }

    @Test
    void serversThatMakeTheKeyAtTheSameMomentAllUseTheOneInTheFile() throws Exception {
        Path file = dir.resolve("host-key");
        int servers = 4;
        CyclicBarrier together = new CyclicBarrier(servers);
        ExecutorService pool = Executors.newFixedThreadPool(servers);
        try {
            List<Future<String>> prints = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                prints.add(pool.submit(() -> fingerprint(new Racing(file, together))));
            }
            List<String> seen = new ArrayList<>();
            for (Future<String> f : prints) {
                seen.add(f.get(60, TimeUnit.SECONDS));
            }
            // the file, read by MINA's own parser: the key every server uses
            KeyPair inFile;
            try (var in = Files.newInputStream(file)) {
                inFile = SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in, null).iterator().next();
            }
            assertThat(seen).containsOnly(KeyUtils.getFingerPrint(inFile.getPublic()));
            assertThat(fingerprint(new HostKey(file))).as("a server started later").isEqualTo(seen.get(0));
            try (var left = Files.list(dir)) {
                assertThat(left).extracting(p -> p.getFileName().toString()).containsExactly("host-key");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyFileThatCannotBeReadIsAnErrorAndIsNeverReplaced() throws Exception {
        Path file = dir.resolve("host-key");
        Files.writeString(file, "-----BEGIN OPENSSH PRIVATE KEY-----\ncut short\n");
        HostKey k = new HostKey(file);
        assertThat(k.loadKeys(null)).isEmpty();
        assertThat(k.problem()).isNotNull();
        assertThat(Files.readString(file)).isEqualTo("-----BEGIN OPENSSH PRIVATE KEY-----\ncut short\n");
    }
}
