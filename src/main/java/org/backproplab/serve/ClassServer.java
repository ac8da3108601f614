package org.backproplab.serve;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.global.KeepAliveHandler;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.global.NoMoreSessionsHandler;
import org.apache.sshd.server.session.ServerConnectionServiceFactory;

/**
 * The class server: an SSH server that gives every signed-in learner with a terminal their own
 * lab, and nothing else (no commands, no file transfer, no forwarding). What a client may hold is
 * bounded before and after it signs in ({@link Doorway}, {@link CountedSignIn}, {@link Gatekeeper},
 * {@link Classroom}), and so is what its requests may make the server keep ({@link LabChannel},
 * a channel window of {@value #CHANNEL_WINDOW} bytes, a lab's largest frame).
 */
public final class ClassServer implements AutoCloseable {
    /** How long stopping waits for every learner's terminal to be restored. */
    private static final Duration GOODBYE = Duration.ofSeconds(5);
    /** What a client may send ahead of the lab reading it: plenty for keys, little for a paste. */
    static final long CHANNEL_WINDOW = 64 * 1024;

    private final ServeSettings settings;
    private final LabFactory labs;
    private final SshServer sshd;
    private final Classroom classroom;
    private final Gatekeeper gatekeeper;
    private final Doorway doorway;
    private final Notices notices = new Notices(java.time.LocalTime::now);
    private final ScheduledExecutorService chores;
    private final PublicKey hostKey;
    private boolean stopped;

    private ClassServer(ServeSettings settings, LabFactory labs) throws IOException {
        this.settings = settings;
        this.labs = labs;
        ServeSettings.Limits limits = settings.limits();
        this.classroom = new Classroom(limits, settings.shared());
        this.gatekeeper = new Gatekeeper(settings.signIn(), System::nanoTime);
        chores = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "class chores");
            t.setDaemon(true);
            return t;
        });
        this.doorway = new Doorway(limits.maxSigningIn(), limits.maxPerAddress(), limits.signInTime().toNanos(),
                limits.headerTime().toNanos(), System::nanoTime, chores, notices, new Doorway.Arrivals() {
                    @Override
                    public void signedIn(Session s, InetAddress address) {
                        classroom.signedIn(s, address, () -> s.close(true), System.nanoTime());
                    }

                    @Override
                    public void signedOut(Session s) {
                        classroom.signedOut(s);
                    }
                });

        HostKey hostKeys = new HostKey(settings.hostKey());
        this.hostKey = publicHostKey(hostKeys, settings.hostKey()); // makes and saves the key now, not at the first sign-in

        sshd = SshServer.setUpDefaultServer();
        sshd.setHost(settings.addresses().stream().map(InetAddress::getHostAddress).collect(Collectors.joining(",")));
        sshd.setPort(settings.port());
        sshd.setKeyPairProvider(hostKeys);
        lockDown(sshd);
        signIn(sshd, settings.signIn(), gatekeeper);
        bound(sshd, limits);
        sshd.addSessionListener(doorway);
        if (settings.balancers().any()) {
            sshd.setSessionFactory(new ProxiedSessions(sshd, settings.balancers(), doorway, notices));
        }
        sshd.setShellFactory(channel -> new LabShell(classroom, labs));
    }

    /** Starts a server; the host key is made (or read) before the port opens. */
    public static ClassServer start(ServeSettings settings, LabFactory labs) throws IOException {
        ClassServer s = new ClassServer(settings, labs);
        s.sshd.start();
        KeepAlive keepAlive = new KeepAlive(settings.limits().keepAliveMisses());
        long every = settings.limits().keepAliveInterval().toMillis();
        s.chores.scheduleWithFixedDelay(() -> guarded(() -> keepAlive.tick(s.sshd.getActiveSessions())),
                every, every, TimeUnit.MILLISECONDS);
        ServeSettings.Limits limits = settings.limits();
        long idleCheck = Math.max(100, Math.min(1000, limits.idleTimeout().toMillis() / 10));
        s.chores.scheduleWithFixedDelay(() -> guarded(() -> s.classroom.endIdle(System.nanoTime())),
                idleCheck, idleCheck, TimeUnit.MILLISECONDS);
        long waitCheck = Math.max(50, Math.min(1000,
                Math.min(limits.signInTime().toMillis(), limits.labWait().toMillis()) / 10));
        s.chores.scheduleWithFixedDelay(() -> guarded(() -> {
            s.doorway.tick();
            s.classroom.endLabless(System.nanoTime());
        }), waitCheck, waitCheck, TimeUnit.MILLISECONDS);
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

    /**
     * Only an interactive shell: no subsystems (SFTP), no forwarding of any kind, and a command
     * ({@code ssh host ls}) runs nothing but gets a line saying how to connect.
     */
    private static void lockDown(SshServer sshd) {
        sshd.setCommandFactory(new NoCommands());
        sshd.setSubsystemFactories(List.of());
        sshd.setAgentFactory(null);
        sshd.setChannelFactories(List.of(LabChannel.FACTORY));
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

    /**
     * What one connection may hold: its sign-in tries counted across service requests, a fixed time
     * to sign in (MINA's own limit restarts with each service request: the doorway's does not),
     * as many channels as labs one address may have, and a small window for what it sends.
     */
    private static void bound(SshServer sshd, ServeSettings.Limits limits) {
        int tries = ServeSettings.Limits.TRIES_PER_CONNECTION;
        sshd.setServiceFactories(List.of(new CountedSignIn(tries), ServerConnectionServiceFactory.INSTANCE));
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(sshd, tries);
        CoreModuleProperties.AUTH_TIMEOUT.set(sshd, limits.signInTime());
        CoreModuleProperties.MAX_CONCURRENT_CHANNELS.set(sshd, limits.maxPerAddress());
        CoreModuleProperties.WINDOW_SIZE.set(sshd, CHANNEL_WINDOW);
    }

    private static PublicKey publicHostKey(HostKey keys, Path file) throws IOException {
        for (KeyPair k : keys.loadKeys(null)) {
            return k.getPublic();
        }
        Exception why = keys.problem();
        throw new IOException("cannot use the host key " + file + ": "
                + (why == null ? "no key could be made" : why.getMessage() != null ? why.getMessage() : why.toString()), why);
    }

    public int port() {
        return sshd.getPort();
    }

    /** The host key's SHA-256 fingerprint ({@code SHA256:...}), as OpenSSH shows it on first connection. */
    public String fingerprint() {
        return KeyUtils.getFingerPrint(hostKey);
    }

    /** The host key's type, {@code ecdsa-sha2-nistp256}. */
    public String hostKeyType() {
        return KeyUtils.getKeyType(hostKey);
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

    /** The SSH server itself (tests look at what it keeps). */
    SshServer sshd() {
        return sshd;
    }

    /** Connections open now that have not signed in yet. */
    public int signingIn() {
        return doorway.size();
    }

    /** Failed sign-ins since the start. */
    public long failedSignIns() {
        return gatekeeper.failures();
    }

    /** How long a sign-in try from {@code address} must wait now (tests: whose misses count against whom). */
    long signInWait(InetAddress address) {
        return gatekeeper.waitNow(address);
    }

    /**
     * The console's lines about connections closed before SSH began (behind a balancer: without a
     * valid PROXY header, or with one from an address not trusted), one for each kind.
     */
    public List<String> notices() {
        return notices.lines();
    }

    /** The balancer's health checks so far (its own connections, with a LOCAL header). */
    public long healthChecks() {
        return notices.healthChecks();
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

    /** Where the host key is kept unless --host-key says otherwise: the user's config folder. */
    public static Path defaultHostKey() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("backprop-lab").resolve("host-key");
    }
}
