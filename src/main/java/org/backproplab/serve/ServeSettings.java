package org.backproplab.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything that defines a class server. {@code bind} is the address as the teacher typed it (the
 * console shows it); {@code addresses} is every address it resolved to, each of which is bound,
 * so a name is resolved once and what is checked is what is bound. {@code port} 0 picks a free
 * port (tests). {@code balancers}: whose PROXY protocol headers are believed ({@link Balancers#NONE}:
 * none is read).
 */
public record ServeSettings(String bind, List<InetAddress> addresses, int port, Path hostKey, SignIn signIn,
                            Limits limits, boolean shared, Balancers balancers) {

    public static final int DEFAULT_PORT = 2222;

    public ServeSettings {
        addresses = List.copyOf(addresses);
        balancers = balancers != null ? balancers : Balancers.NONE;
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no address to listen on");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (signIn.open() && notLoopback(addresses) != null) {
            throw new IllegalArgumentException("open sign-in on " + notLoopback(addresses).getHostAddress()
                    + ", which is not a loopback address");
        }
        if (signIn.open() && balancers.any()) {
            throw new IllegalArgumentException("open sign-in behind a balancer, which brings learners from other machines");
        }
    }

    /** Every address {@code bind} stands for: a numeric address itself, a name all it resolves to. */
    public static List<InetAddress> resolve(String bind) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(bind));
    }

    /** The first of {@code addresses} that is not a loopback address, or null when all are. */
    public static InetAddress notLoopback(List<InetAddress> addresses) {
        return addresses.stream().filter(a -> !a.isLoopbackAddress()).findFirst().orElse(null);
    }

    /** A server on 127.0.0.1 (tests). */
    static ServeSettings loopback(int port, Path hostKey, SignIn signIn, Limits limits, boolean shared) {
        return loopback(port, hostKey, signIn, limits, shared, Balancers.NONE);
    }

    /** A server on 127.0.0.1 behind these balancers (tests). */
    static ServeSettings loopback(int port, Path hostKey, SignIn signIn, Limits limits, boolean shared,
                                  Balancers balancers) {
        return new ServeSettings("127.0.0.1", List.of(InetAddress.getLoopbackAddress()), port, hostKey, signIn, limits,
                shared, balancers);
    }

    /**
     * What one client may hold, and for how long.
     *
     * @param maxSessions       places in all: a place is a lab, or a connection signed in that has no lab yet
     * @param maxPerAddress     places from one address; also the connections from one address still signing in
     * @param idleTimeout       a lab without a key press this long ends
     * @param maxSigningIn      connections not signed in yet, from everyone together
     * @param signInTime        a connection not signed in this long after it opened is closed, whatever it sends
     * @param labWait           a signed-in connection that holds no lab this long is closed
     * @param keepAliveInterval × {@code keepAliveMisses}: how long a client that vanished holds its lab
     */
    public record Limits(int maxSessions, int maxPerAddress, Duration idleTimeout, int maxSigningIn,
                         Duration signInTime, Duration labWait, Duration keepAliveInterval, int keepAliveMisses) {
        public static final int DEFAULT_MAX_SESSIONS = 50;
        public static final int DEFAULT_MAX_PER_ADDRESS = 20;
        public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
        public static final int DEFAULT_MAX_SIGNING_IN = 100;
        /** Time to compare the host key's fingerprint and type the class code (OpenSSH's sshd gives 120 s). */
        public static final Duration DEFAULT_SIGN_IN_TIME = Duration.ofSeconds(60);
        /** An SSH client asks for its terminal within milliseconds of signing in. */
        public static final Duration DEFAULT_LAB_WAIT = Duration.ofSeconds(10);
        public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(5);
        public static final int DEFAULT_KEEP_ALIVE_MISSES = 3;

        /** Sign-in requests over one connection, counted across service requests (MINA's own count restarts). */
        public static final int TRIES_PER_CONNECTION = 20;
        /**
         * How long a balancer's connection has to send its PROXY header (HAProxy sends it with the
         * connection; the protocol asks a server to wait at least 3 s, a TCP retransmit).
         */
        public static final Duration PROXY_HEADER_TIME = Duration.ofSeconds(10);

        public Limits {
            if (maxSessions < 1 || maxPerAddress < 1 || maxSigningIn < 1 || keepAliveMisses < 1) {
                throw new IllegalArgumentException("limits must be at least 1");
            }
            for (Duration d : new Duration[] {idleTimeout, signInTime, labWait, keepAliveInterval}) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("times must be positive");
                }
            }
        }

        /**
         * How long a balancer's connection has to send its PROXY header: half the time to sign in if
         * that is shorter, so that the header's deadline, not the sign-in's, closes a silent one.
         */
        public Duration headerTime() {
            Duration half = signInTime.dividedBy(2);
            return half.compareTo(PROXY_HEADER_TIME) < 0 ? half : PROXY_HEADER_TIME;
        }

        public static Limits defaults() {
            return new Limits(DEFAULT_MAX_SESSIONS, DEFAULT_MAX_PER_ADDRESS, DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_SIGNING_IN,
                    DEFAULT_SIGN_IN_TIME, DEFAULT_LAB_WAIT, DEFAULT_KEEP_ALIVE, DEFAULT_KEEP_ALIVE_MISSES);
        }
    }
}
