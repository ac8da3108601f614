package org.backproplab.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.global.KeepAliveHandler;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSessionFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.global.NoMoreSessionsHandler;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The class server: an SSH server that gives every signed-in learner with a terminal their own
 * lab, and nothing else (no commands, no file transfer, no forwarding).
 */
public final class ClassServer implements AutoCloseable {
    /** How long stopping waits for every learner's terminal to be restored. */
    private static final Duration GOODBYE = Duration.ofSeconds(5);

    private final ServeSettings settings;
    private final LabFactory labs;
    private final SshServer sshd;
    private final Classroom classroom;
    private final Gatekeeper gatekeeper;
    private final ScheduledExecutorService chores;
    private final String fingerprint;
    private boolean stopped;

    private ClassServer(ServeSettings settings, LabFactory labs) throws IOException {
        this.settings = settings;
        this.labs = labs;
        this.classroom = new Classroom(settings.maxSessions(), settings.maxPerAddress(), settings.idleTimeout());
        this.gatekeeper = new Gatekeeper(settings.signIn(), System::nanoTime);

        prepareHostKeyFolder(settings.hostKey());
        SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(settings.hostKey());
        hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        hostKeys.setKeySize(256); // P-256: what OpenSSH makes by default for ECDSA, and quicker to sign than P-521
        this.fingerprint = fingerprintOf(hostKeys); // makes and saves the key now, not at the first sign-in
        keepPrivate(settings.hostKey());

        sshd = SshServer.setUpDefaultServer();
        sshd.setHost(settings.bind());
        sshd.setPort(settings.port());
        sshd.setKeyPairProvider(hostKeys);
        lockDown(sshd);
        signIn(sshd, settings.signIn(), gatekeeper);
        sshd.setShellFactory(channel -> new LabShell(classroom, labs, settings.shared()));

        chores = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "class chores");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a server; the host key is made (or read) before the port opens. */
    public static ClassServer start(ServeSettings settings, LabFactory labs) throws IOException {
        ClassServer s = new ClassServer(settings, labs);
        s.sshd.start();
        KeepAlive keepAlive = new KeepAlive(settings.keepAliveMisses());
        long every = settings.keepAliveInterval().toMillis();
        s.chores.scheduleWithFixedDelay(() -> guarded(() -> keepAlive.tick(s.sshd.getActiveSessions())),
                every, every, TimeUnit.MILLISECONDS);
        long idleCheck = Math.max(100, Math.min(1000, settings.idleTimeout().toMillis() / 10));
        s.chores.scheduleWithFixedDelay(() -> guarded(() -> s.classroom.endIdle(System.nanoTime())),
                idleCheck, idleCheck, TimeUnit.MILLISECONDS);
        return s;
    }

    /** A failing chore must not end the schedule (an executor silently drops it). */
    private static void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // the next tick tries again
        }
    }

    /** Only an interactive shell: no exec, no subsystems (SFTP), no forwarding of any kind. */
    private static void lockDown(SshServer sshd) {
        sshd.setCommandFactory(null);
        sshd.setSubsystemFactories(List.of());
        sshd.setAgentFactory(null);
        sshd.setChannelFactories(List.of(ChannelSessionFactory.INSTANCE));
        sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        sshd.setGlobalRequestHandlers(List.of(KeepAliveHandler.INSTANCE, NoMoreSessionsHandler.INSTANCE));
        sshd.setHostBasedAuthenticator(null);
        sshd.setGSSAuthenticator(null);
    }

    /** Exactly the sign-in methods asked for (by default MINA would read this user's own authorized_keys). */
    private static void signIn(SshServer sshd, SignIn signIn, Gatekeeper gate) {
        List<UserAuthFactory> methods = new ArrayList<>();
        sshd.setPublickeyAuthenticator(null);
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        if (signIn.authorizedKeys() != null) {
            methods.add(UserAuthPublicKeyFactory.INSTANCE);
            sshd.setPublickeyAuthenticator(gate);
        }
        if (signIn.classCode() != null || signIn.open()) {
            // keyboard-interactive first: OpenSSH then shows our "Class code:" prompt
            methods.add(UserAuthKeyboardInteractiveFactory.INSTANCE);
            sshd.setKeyboardInteractiveAuthenticator(gate);
        }
        if (signIn.classCode() != null) {
            methods.add(UserAuthPasswordFactory.INSTANCE);
            sshd.setPasswordAuthenticator(gate);
        }
        sshd.setUserAuthFactories(methods);
    }

    private static String fingerprintOf(KeyPairProvider keys) throws IOException {
        try {
            for (KeyPair k : keys.loadKeys(null)) {
                return KeyUtils.getKeyType(k.getPublic()) + " " + KeyUtils.getFingerPrint(k.getPublic());
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("cannot read the host key: " + e.getMessage(), e);
        }
        throw new IOException("no host key could be made");
    }

    public int port() {
        return sshd.getPort();
    }

    /** The host key's type and SHA-256 fingerprint, as OpenSSH shows it on first connection. */
    public String fingerprint() {
        return fingerprint;
    }

    public ServeSettings settings() {
        return settings;
    }

    /** What the console shows: one row per learner. */
    public List<SessionRow> sessions() {
        List<SessionRow> rows = new ArrayList<>();
        for (Learner l : classroom.learners()) {
            rows.add(new SessionRow(l.name(), l.address().getHostAddress(), l.since(),
                    settings.shared() && l.driver(), l.progress(), l.bytesSent()));
        }
        return rows;
    }

    /** Failed sign-ins since the start. */
    public long failedSignIns() {
        return gatekeeper.failures();
    }

    /**
     * Ends the class: every learner's lab is stopped and their terminal restored, with a line
     * saying why, before the server closes. Safe to call twice.
     */
    public synchronized void stop() throws IOException {
        if (stopped) {
            return;
        }
        stopped = true;
        classroom.endAll("The class is over: the teacher stopped the server.");
        try {
            classroom.awaitEmpty(GOODBYE);
            Thread.sleep(200); // lets the last lines and exit statuses reach the clients
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        chores.shutdownNow();
        sshd.stop(true);
        labs.close();
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    /** Makes the folder for the host key (the user's config folder by default). */
    private static void prepareHostKeyFolder(Path hostKey) throws IOException {
        Path dir = hostKey.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
    }

    /** The private key is for this server alone: owner-only, where the file system knows owners. */
    private static void keepPrivate(Path hostKey) {
        try {
            Files.setPosixFilePermissions(hostKey, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: leave it as made
        }
    }

    /** Where the host key is kept unless --host-key says otherwise: the user's config folder. */
    public static Path defaultHostKey() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("backprop-lab").resolve("host-key");
    }
}
