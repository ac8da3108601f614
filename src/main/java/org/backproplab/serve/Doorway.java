package org.backproplab.serve;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * The connections that have not signed in yet. Each is closed a fixed time after it opened,
 * whatever it sends meanwhile (MINA's own sign-in timeout starts again with every service
 * request, so a client could stall for ever). There are at most {@code maxInAll} of them, and at
 * most {@code maxPerAddress} from one address: a newcomer beyond its address's share is closed at
 * once, and when all are taken, one of them makes room for it: one that has not finished the key
 * exchange if there is any (a real client does that in milliseconds), else one from the address
 * holding the most, the oldest first. So a flood of silent or stalling sockets cannot keep a
 * learner from another address out, nor run the server out of file descriptors.
 *
 * <p>Behind a balancer ({@link ProxiedSessions}) a connection's address is known only once its
 * PROXY header has been read: until then it is held apart, not counted against any address (all
 * would count against the balancer's), at most {@code maxInAll} of them, each closed if its header
 * has not come {@code headerNanos} after it opened. The header read, it is let in here as if it had
 * just arrived from the learner's own address ({@link #heard}).
 *
 * <p>Signing in hands the connection to the classroom ({@code signedIn}); its closing tells it
 * ({@code signedOut}).
 */
final class Doorway implements SessionListener {
    /** What the classroom learns of a connection that signed in. */
    interface Arrivals {
        void signedIn(Session s, InetAddress address);

        void signedOut(Session s);
    }

    private final int maxInAll;
    private final int maxPerAddress;
    private final long signInNanos;
    private final LongSupplier clock;
    private final Executor closer;
    private final Arrivals arrivals;
    private final long headerNanos;
    private final Notices notices;
    /** Not signed in yet, in the order they came. */
    private final Map<Session, Waiting> waiting = new LinkedHashMap<>();
    /** From a balancer, their PROXY header not read yet: when each opened, in that order. */
    private final Map<Session, Long> unheard = new LinkedHashMap<>();

    private static final class Waiting {
        final InetAddress address;
        final long since;
        boolean keyed;

        Waiting(InetAddress address, long since) {
            this.address = address;
            this.since = since;
        }
    }

    /**
     * {@code closer} closes sessions off MINA's own threads (a session is being set up when it is
     * created); {@code headerNanos}: how long a balancer's connection has to send its PROXY header.
     */
    Doorway(int maxInAll, int maxPerAddress, long signInNanos, long headerNanos, LongSupplier clock, Executor closer,
            Notices notices, Arrivals arrivals) {
        this.maxInAll = maxInAll;
        this.maxPerAddress = maxPerAddress;
        this.signInNanos = signInNanos;
        this.headerNanos = headerNanos;
        this.clock = clock;
        this.closer = closer;
        this.notices = notices;
        this.arrivals = arrivals;
    }

    @Override
    public void sessionCreated(Session s) {
        if (!ProxiedSessions.awaitsHeader(s)) {
            arrived(s);
            return;
        }
        Session close = null;
        synchronized (this) {
            unheard.put(s, clock.getAsLong());
            if (unheard.size() > maxInAll) {
                close = unheard.keySet().iterator().next(); // the one waited for longest
                unheard.remove(close);
            }
        }
        if (close != null) {
            notices.closed(Notices.Kind.NO_HEADER, peerOf(close), "more than " + maxInAll + " waited for theirs at once");
            closeLater(close);
        }
    }

    /**
     * A balancer's connection has sent its PROXY header: from now on it is a connection from the
     * address in it (the session's client address), counted as any other that has just arrived.
     * {@code healthCheck}: the balancer's own connection (a LOCAL header), counted as one.
     */
    void heard(Session s, boolean healthCheck) {
        synchronized (this) {
            if (unheard.remove(s) == null) {
                return; // closed meanwhile
            }
        }
        if (healthCheck) {
            notices.healthCheck();
        }
        arrived(s);
    }

    /** Counts a connection from its address, closing it or another as the caps say. */
    private void arrived(Session s) {
        Session close;
        synchronized (this) {
            InetAddress a = addressOf(s);
            if (count(a) >= maxPerAddress) {
                close = s;
            } else {
                waiting.put(s, new Waiting(a, clock.getAsLong()));
                close = waiting.size() > maxInAll ? makeRoom(s) : null;
            }
            if (close != null) {
                waiting.remove(close);
            }
        }
        if (close != null) {
            closeLater(close);
        }
    }

    private void closeLater(Session s) {
        closer.execute(() -> s.close(true));
    }

    /**
     * The connection to close so that the others fit, never the newcomer unless it is alone: one
     * that has not finished the key exchange first (a silent socket costs its sender nothing), then
     * one from the address holding the most, then the oldest. (The newcomer has not finished its key
     * exchange either: put first, it was the one closed whenever stallers past the key exchange
     * held every place, and a few addresses of them kept every learner out.)
     */
    private Session makeRoom(Session newcomer) {
        Map<InetAddress, Integer> perAddress = new LinkedHashMap<>();
        waiting.values().forEach(w -> perAddress.merge(w.address, 1, Integer::sum));
        Comparator<Map.Entry<Session, Waiting>> first = Comparator
                .comparing((Map.Entry<Session, Waiting> e) -> e.getValue().keyed) // not keyed first
                .thenComparing(e -> -perAddress.get(e.getValue().address))
                .thenComparingLong(e -> e.getValue().since);
        return waiting.entrySet().stream().filter(e -> e.getKey() != newcomer).min(first)
                .map(Map.Entry::getKey).orElse(newcomer);
    }

    private int count(InetAddress a) {
        int n = 0;
        for (Waiting w : waiting.values()) {
            if (w.address.equals(a)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void sessionEvent(Session s, Event event) {
        if (event == Event.KeyEstablished) {
            synchronized (this) {
                Waiting w = waiting.get(s);
                if (w != null) {
                    w.keyed = true;
                }
            }
        } else if (event == Event.Authenticated) {
            Waiting w;
            synchronized (this) {
                w = waiting.remove(s);
            }
            arrivals.signedIn(s, w != null ? w.address : addressOf(s));
        }
    }

    @Override
    public void sessionClosed(Session s) {
        synchronized (this) {
            waiting.remove(s);
            unheard.remove(s);
        }
        arrivals.signedOut(s);
    }

    /**
     * Closes every connection that has not signed in within the time since it opened, and every
     * balancer's connection that has not sent its header in time.
     */
    void tick() {
        long now = clock.getAsLong();
        List<Session> late = new ArrayList<>();
        List<Session> silent = new ArrayList<>();
        synchronized (this) {
            waiting.entrySet().removeIf(e -> {
                boolean over = now - e.getValue().since >= signInNanos;
                if (over) {
                    late.add(e.getKey());
                }
                return over;
            });
            unheard.entrySet().removeIf(e -> {
                boolean over = now - e.getValue() >= headerNanos;
                if (over) {
                    silent.add(e.getKey());
                }
                return over;
            });
        }
        late.forEach(s -> s.close(true));
        String why = "none came within " + Classroom.describe(java.time.Duration.ofNanos(headerNanos));
        for (Session s : silent) {
            notices.closed(Notices.Kind.NO_HEADER, peerOf(s), why);
            s.close(true);
        }
    }

    /** Connections not signed in yet, a balancer's whose header has not come yet among them (the console, tests). */
    synchronized int size() {
        return waiting.size() + unheard.size();
    }

    /**
     * Where a connection comes from, as every part of the server counts it: the learner's address,
     * from the PROXY header when a balancer relays it.
     */
    static InetAddress addressOf(Session s) {
        java.net.SocketAddress a = s instanceof org.apache.sshd.server.session.ServerSession ss ? ss.getClientAddress()
                : s != null && s.getIoSession() != null ? s.getIoSession().getRemoteAddress() : null;
        return inetOf(a);
    }

    /** The other end of the connection itself (a balancer's, behind one). */
    static InetAddress peerOf(Session s) {
        return inetOf(s.getIoSession() != null ? s.getIoSession().getRemoteAddress() : null);
    }

    /** The IP address of a socket address (loopback when there is none: an in-memory test session). */
    static InetAddress inetOf(java.net.SocketAddress a) {
        if (a instanceof InetSocketAddress i && i.getAddress() != null) {
            return i.getAddress();
        }
        return InetAddress.getLoopbackAddress();
    }
}
