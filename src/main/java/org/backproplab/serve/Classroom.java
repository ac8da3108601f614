package org.backproplab.serve;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Who is in: admits learners within the caps (all labs, labs from one address), ends those idle
 * too long, and ends everyone when the class is over. Thread-safe.
 */
final class Classroom {
    private final int maxSessions;
    private final int maxPerAddress;
    private final Duration idleTimeout;
    private final List<Learner> learners = new ArrayList<>();
    private boolean closed;
    private boolean driverTaken;

    Classroom(int maxSessions, int maxPerAddress, Duration idleTimeout) {
        this.maxSessions = maxSessions;
        this.maxPerAddress = maxPerAddress;
        this.idleTimeout = idleTimeout;
    }

    /** The outcome of asking to come in: the learner, or the line that explains why not. */
    sealed interface Admission permits Admitted, Refused {
    }

    record Admitted(Learner learner) implements Admission {
    }

    record Refused(String reason) implements Admission {
    }

    /**
     * Admits a learner or says why not. The first learner admitted while no one drives becomes
     * the driver (it matters only for a shared lab).
     */
    synchronized Admission admit(String name, InetAddress address, long nowNanos) {
        if (closed) {
            return new Refused("The class is over: the server is shutting down.");
        }
        if (learners.size() >= maxSessions) {
            return new Refused("Server full: " + maxSessions + " labs are open, the most this server allows."
                    + " Try again when someone leaves.");
        }
        long fromHere = learners.stream().filter(l -> l.address().equals(address)).count();
        if (fromHere >= maxPerAddress) {
            return new Refused("Server full for " + address.getHostAddress() + ": " + maxPerAddress
                    + " labs are open from this address, the most allowed for one address.");
        }
        boolean driver = !driverTaken;
        driverTaken = true;
        Learner l = new Learner(name, address, Instant.now(), driver, nowNanos);
        learners.add(l);
        return new Admitted(l);
    }

    synchronized void leave(Learner l) {
        learners.remove(l);
        if (l.driver()) {
            driverTaken = false;
        }
        notifyAll();
    }

    synchronized List<Learner> learners() {
        return List.copyOf(learners);
    }

    synchronized int size() {
        return learners.size();
    }

    /** Ends every lab whose learner has pressed no key for the idle timeout. */
    void endIdle(long nowNanos) {
        long limit = idleTimeout.toNanos();
        for (Learner l : learners()) {
            if (!l.ended() && nowNanos - l.lastKeyNanos() >= limit) {
                l.end("Closed after " + describe(idleTimeout) + " without a key press. Connect again for a new lab.");
            }
        }
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

    /** Waits until everyone has left, or the time is up; returns whether everyone left. */
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
