package org.backproplab.serve;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.helpers.AbstractConnectionService;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * Notices clients that vanished without closing (a laptop lid shut, Wi-Fi gone). MINA's own idle
 * timeout counts network silence, which an animated lab never has; so each tick asks every
 * client for a reply ({@code keepalive@openssh.com}, which OpenSSH answers) and closes a session
 * after {@code maxMisses} ticks without one. A signed-in connection that holds no channel for
 * {@value #NO_CHANNEL_TICKS} ticks (a minute at the default 5 s; {@code ssh -N}, or a refused
 * forwarding left open) is closed too: it can hold nothing but a connection.
 */
final class KeepAlive {
    static final String REQUEST = "keepalive@openssh.com";

    private final int maxMisses;
    static final int NO_CHANNEL_TICKS = 12;

    private final Map<Session, AtomicInteger> unanswered = new ConcurrentHashMap<>();
    private final Map<Session, AtomicInteger> withoutChannel = new ConcurrentHashMap<>();

    KeepAlive(int maxMisses) {
        this.maxMisses = maxMisses;
    }

    /** One tick over the sessions that are signed in. */
    void tick(Iterable<? extends AbstractSession> sessions) {
        for (AbstractSession s : sessions) {
            if (!s.isAuthenticated() || !s.isOpen()) {
                continue;
            }
            AtomicInteger misses = unanswered.computeIfAbsent(s, k -> {
                k.addCloseFutureListener(f -> {
                    unanswered.remove(k);
                    withoutChannel.remove(k);
                });
                return new AtomicInteger();
            });
            AtomicInteger empty = withoutChannel.computeIfAbsent(s, k -> new AtomicInteger());
            if (hasChannels(s)) {
                empty.set(0);
            } else if (empty.incrementAndGet() >= NO_CHANNEL_TICKS) {
                s.close(true);
                continue;
            }
            if (misses.get() >= maxMisses) {
                unanswered.remove(s);
                s.close(true);
                continue;
            }
            misses.incrementAndGet();
            try {
                Buffer b = s.createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST, REQUEST.length() + 8);
                b.putString(REQUEST);
                b.putBoolean(true);
                s.request(b, REQUEST, (cmd, reply) -> misses.set(0)); // success or failure: either is an answer
            } catch (IOException | RuntimeException e) {
                s.close(true);
            }
        }
    }

    private static boolean hasChannels(AbstractSession s) {
        try {
            AbstractConnectionService c = s.getService(AbstractConnectionService.class);
            return c == null || !c.getChannels().isEmpty();
        } catch (RuntimeException notReadyYet) {
            return true; // no connection service yet: give it the benefit of the doubt
        }
    }
}
