package org.backproplab.serve;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything that defines a class server. {@code port} 0 picks a free port (tests).
 * {@code keepAliveInterval} × {@code keepAliveMisses} bounds how long a vanished client holds a lab.
 */
public record ServeSettings(String bind, int port, Path hostKey, SignIn signIn, int maxSessions,
                            int maxPerAddress, Duration idleTimeout, Duration keepAliveInterval,
                            int keepAliveMisses, boolean shared) {
    public static final int DEFAULT_PORT = 2222;
    public static final int DEFAULT_MAX_SESSIONS = 50;
    public static final int DEFAULT_MAX_PER_ADDRESS = 20;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(5);
    public static final int DEFAULT_KEEP_ALIVE_MISSES = 3;

    public ServeSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (maxSessions < 1 || maxPerAddress < 1) {
            throw new IllegalArgumentException("session caps must be at least 1");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || keepAliveInterval.isNegative()
                || keepAliveInterval.isZero() || keepAliveMisses < 1) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }
}
