package org.backproplab.serve;

import java.net.InetSocketAddress;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.ServerFactoryManager;
import org.apache.sshd.server.session.ServerSessionImpl;
import org.apache.sshd.server.session.SessionFactory;
import org.backproplab.serve.ProxyHeader.Header;
import org.backproplab.serve.ProxyHeader.Incomplete;
import org.backproplab.serve.ProxyHeader.Invalid;
import org.backproplab.serve.ProxyHeader.NotAHeader;

/**
 * Sessions of a server behind balancers that speak the PROXY protocol (MINA's hook for it,
 * ServerProxyAcceptor, runs only after the server has sent its version line; this reads the header
 * first, as the protocol asks of a server that speaks first). A connection from a trusted balancer
 * must begin with a valid header, version 1 or 2: until it has, the server sends nothing and
 * the connection is the doorway's to bound ({@link Doorway#heard}); then the learner's address
 * from the header is the session's client address, which every per-address decision, the console
 * and the log lines read. A connection from any other address is served as it is, unless it
 * begins with a header: an untrusted header is never believed, and the connection is closed.
 */
final class ProxiedSessions extends SessionFactory {
    private static final AttributeKey<InetSocketAddress> REACHED = new AttributeKey<>();

    private final Balancers balancers;
    private final Doorway doorway;
    private final Notices notices;

    ProxiedSessions(ServerFactoryManager server, Balancers balancers, Doorway doorway, Notices notices) {
        super(server);
        this.balancers = balancers;
        this.doorway = doorway;
        this.notices = notices;
    }

    @Override
    protected ServerSessionImpl doCreateSession(IoSession io) throws Exception {
        return new Proxied(getServer(), io, balancers.trust(Doorway.inetOf(io.getRemoteAddress())));
    }

    /** Whether this connection comes from a trusted balancer and has not sent its header yet. */
    static boolean awaitsHeader(Session s) {
        return s instanceof Proxied p && p.fromBalancer && !p.pastHeader;
    }

    /** The address the learner reached (the balancer's), when a header said so; else null. */
    static InetSocketAddress reached(Session s) {
        return s.getAttribute(REACHED);
    }

    private final class Proxied extends ServerSessionImpl {
        private final boolean fromBalancer;
        private volatile boolean pastHeader;
        private boolean refused;

        Proxied(ServerFactoryManager server, IoSession io, boolean fromBalancer) throws Exception {
            super(server, io);
            this.fromBalancer = fromBalancer;
        }

        /** Sends the server's version line, except to a balancer before its header. */
        @Override
        public void start() throws Exception {
            if (!fromBalancer) {
                super.start();
            }
        }

        @Override
        protected boolean readIdentification(Buffer buffer) throws Exception {
            if (refused) {
                return false;
            }
            if (!pastHeader) {
                ProxyHeader.Reading r = ProxyHeader.read(buffer.array(), buffer.rpos(), buffer.available());
                if (r instanceof Incomplete) {
                    return false;
                }
                if (fromBalancer) {
                    if (!(r instanceof Header h)) {
                        return refuse(Notices.Kind.NO_HEADER, r instanceof Invalid i ? i.reason() : "it began without one");
                    }
                    buffer.rpos(buffer.rpos() + h.length());
                    if (h.relayed()) {
                        setClientAddress(h.source());
                        setAttribute(REACHED, h.destination());
                    }
                    pastHeader = true;
                    doorway.heard(this, h.local());
                    super.start(); // now the server's version line
                } else {
                    if (!(r instanceof NotAHeader)) {
                        return refuse(Notices.Kind.UNTRUSTED_HEADER, null);
                    }
                    pastHeader = true;
                }
            }
            return super.readIdentification(buffer);
        }

        private boolean refuse(Notices.Kind kind, String why) {
            refused = true;
            notices.closed(kind, Doorway.peerOf(this), why);
            close(true);
            return false;
        }
    }
}
