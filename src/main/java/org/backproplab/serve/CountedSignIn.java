package org.backproplab.serve;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.session.ServerUserAuthService;
import org.apache.sshd.server.session.ServerUserAuthServiceFactory;

/**
 * The sign-in service, with its tries counted per connection. MINA counts sign-in requests per
 * service request, and a client may ask for the service again after every try (paramiko does),
 * which starts its count from 0 each time: here the count belongs to the connection, and the
 * connection is closed when it passes {@code maxTries}.
 */
final class CountedSignIn extends ServerUserAuthServiceFactory {
    private static final AttributeKey<AtomicInteger> TRIES = new AttributeKey<>();

    private final int maxTries;

    CountedSignIn(int maxTries) {
        this.maxTries = maxTries;
    }

    @Override
    public Service create(Session session) throws IOException {
        return new ServerUserAuthService(session) {
            @Override
            protected boolean handleUserAuthRequestMessage(ServerSession s, Buffer buffer,
                                                           AtomicReference<Boolean> authHolder) throws Exception {
                if (!s.isAuthenticated() && tries(s).incrementAndGet() > maxTries) {
                    s.disconnect(SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE,
                            "Too many sign-in tries over one connection (" + maxTries + "): connect again to try more");
                    return false;
                }
                return super.handleUserAuthRequestMessage(s, buffer, authHolder);
            }
        };
    }

    /** Sign-in requests made so far over this connection. */
    static AtomicInteger tries(Session s) {
        return s.computeAttributeIfAbsent(TRIES, k -> new AtomicInteger());
    }
}
