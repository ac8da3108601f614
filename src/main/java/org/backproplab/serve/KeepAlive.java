package org.backproplab.serve;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * Notices clients that vanished without closing (a laptop lid shut, Wi-Fi gone). MINA's own idle
 * timeout counts network silence, which an animated lab never has; so each tick asks every
 * client for a reply ({@code keepalive@openssh.com}, which OpenSSH answers) and closes a session
 * after {@code maxMisses} ticks without one. (A signed-in connection that holds no lab is the
 * classroom's to close.)
 */
final class KeepAlive {
    static final String REQUEST = "keepalive@openssh.com";

    private final int maxMisses;
    private final Map<Session, AtomicInteger> unanswered = new ConcurrentHashMap<>();

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
                k.addCloseFutureListener(f -> unanswered.remove(k));
                return new AtomicInteger();
            });
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
}
