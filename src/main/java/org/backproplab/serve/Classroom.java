package org.backproplab.serve;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Who is in. Every signed-in connection takes a place (its lab's, or one of its own while it has
 * no lab yet), so connections that sign in and hold nothing count against the caps like labs do,
 * and one that holds no lab for {@code labWait} is closed. Admits labs within the caps (places in
 * all, places from one address), ends those idle too long, hands a shared lab to the next learner
 * when its driver leaves, and ends everyone when the class is over. Thread-safe.
 */
final class Classroom {
    private final ServeSettings.Limits limits;
    private final boolean shared;
    private final Map<Object, Visit> visits = new HashMap<>();
    private final List<Learner> learners = new ArrayList<>();
    private boolean closed;
    private Learner driver;

    Classroom(ServeSettings.Limits limits, boolean shared) {
        this.limits = limits;
        this.shared = shared;
    }

    /**
     * One signed-in connection: where from, how it is closed, whether it holds a place, how many labs
     * it has, and since when it has none.
     */
    static final class Visit {
        final InetAddress address;
        final Runnable close;
        boolean placed;
        int labs;
        long noLabSince;

        Visit(InetAddress address, Runnable close, long nowNanos) {
            this.address = address;
            this.close = close;
            this.noLabSince = nowNanos;
        }

        /** The places it takes: one per lab, and one while it has none. */
        int places() {
            return placed ? Math.max(1, labs) : 0;
        }
    }

    /** The outcome of asking to come in: the learner, or the line that explains why not. */
    sealed interface Admission permits Admitted, Refused {
    }

    record Admitted(Learner learner) implements Admission {
    }

    record Refused(String reason) implements Admission {
    }

    /**
     * A connection has signed in: it takes a place if there is one. One that finds none is told
     * "server full" when it asks for a lab; either way, {@code close} ends it if it holds no lab
     * for the wait.
     */
    synchronized void signedIn(Object connection, InetAddress address, Runnable close, long nowNanos) {
        Visit v = new Visit(address, close, nowNanos);
        v.placed = !closed && noRoom(address) == null;
        visits.put(connection, v);
    }

    /** The connection has closed: its place is free. */
    synchronized void signedOut(Object connection) {
        visits.remove(connection);
        notifyAll();
    }

    /**
     * Admits a lab on a signed-in connection or says why not. The first lab of a connection uses
     * its place; each further one needs a place of its own. In a shared class the first learner in
     * while nobody drives becomes the driver.
     */
    synchronized Admission admit(Object connection, String name, InetAddress address, long nowNanos) {
        if (closed) {
            return new Refused("The class is over: the server is shutting down.");
        }
        Visit v = visits.computeIfAbsent(connection, c -> new Visit(address, () -> { }, nowNanos));
        if (!v.placed || v.labs > 0) {
            String why = noRoom(v.address);
            if (why != null) {
                return new Refused(why);
            }
            v.placed = true;
        }
        v.labs++;
        Learner l = new Learner(name, address, Instant.now(), v, nowNanos);
        learners.add(l);
        if (driver == null) {
            driver = l;
        }
        if (shared) {
            l.role(driver == l, driver.name());
        }
        return new Admitted(l);
    }

    /** Why one more place from {@code address} is not to be had, or null when it is. */
    private String noRoom(InetAddress address) {
        if (places(v -> true) >= limits.maxSessions()) {
            return "Server full: all " + limits.maxSessions() + " places are taken, the most this server allows."
                    + " Try again when someone leaves.";
        }
        if (places(v -> v.address.equals(address)) >= limits.maxPerAddress()) {
            return "Server full for " + address.getHostAddress() + ": all " + limits.maxPerAddress()
                    + " places for one address are taken. Try again when someone there leaves.";
        }
        return null;
    }

    private int places(Predicate<Visit> which) {
        int n = 0;
        for (Visit v : visits.values()) {
            if (which.test(v)) {
                n += v.places();
            }
        }
        return n;
    }

    /** A lab has ended; in a shared class, if it drove, the learner in longest drives now, and everyone sees it. */
    synchronized void leave(Learner l, long nowNanos) {
        if (!learners.remove(l)) {
            return;
        }
        Visit v = l.visit();
        if (--v.labs == 0) {
            v.noLabSince = nowNanos;
        }
        if (driver == l) {
            driver = learners.isEmpty() ? null : learners.get(0);
            if (shared) {
                for (Learner other : learners) {
                    other.role(other == driver, driver.name());
                }
            }
        }
        notifyAll();
    }

    synchronized List<Learner> learners() {
        return List.copyOf(learners);
    }

    synchronized int size() {
        return learners.size();
    }

    /** Places taken now (tests). */
    synchronized int places() {
        return places(v -> true);
    }

    /** Ends every lab whose learner has pressed no key for the idle timeout. */
    void endIdle(long nowNanos) {
        long limit = limits.idleTimeout().toNanos();
        for (Learner l : learners()) {
            if (!l.ended() && nowNanos - l.lastKeyNanos() >= limit) {
                l.end("Closed after " + describe(limits.idleTimeout()) + " without a key press. Connect again for a new lab.");
            }
        }
    }

    /** Closes every signed-in connection that has held no lab for the wait (or holds no place). */
    void endLabless(long nowNanos) {
        long wait = limits.labWait().toNanos();
        List<Runnable> close = new ArrayList<>();
        synchronized (this) {
            for (Visit v : visits.values()) {
                if (v.labs == 0 && nowNanos - v.noLabSince >= wait) {
                    close.add(v.close);
                }
            }
        }
        close.forEach(Runnable::run);
    }

    /** Refuses newcomers and ends every lab with the given line. */
    void endAll(String message) {
        synchronized (this) {
            closed = true;
        }
        for (Learner l : learners()) {
            l.end(message);
        }
    }

    /** Waits until every lab has ended, or the time is up; returns whether they all did. */
    boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!learners.isEmpty()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    /** "30 minutes", "90 seconds", "1 minute". */
    static String describe(Duration d) {
        long s = d.toSeconds();
        if (s % 60 == 0 && s >= 60) {
            long m = s / 60;
            return m + (m == 1 ? " minute" : " minutes");
        }
        return s + (s == 1 ? " second" : " seconds");
    }
}
