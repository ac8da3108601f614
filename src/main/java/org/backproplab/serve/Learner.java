package org.backproplab.serve;

import java.net.InetAddress;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.backproplab.serve.LabFactory.Progress;
import org.backproplab.serve.LabFactory.RunningLab;

/**
 * One learner's lab: who, from where, on which connection, their lab, when they last pressed a
 * key, and in a shared class whether they drive and who does.
 */
final class Learner {
    /** The most of a driver's name a shared lab's title shows. */
    static final int NAME_IN_TITLE = 12;

    private final String name;
    private final InetAddress address;
    private final Instant since;
    private final Classroom.Visit visit;
    /** In a shared class: whether this learner drives, and who does (null otherwise). */
    private volatile Role role;
    private volatile long lastKeyNanos;
    private volatile RunningLab lab;
    private volatile String endMessage;
    private volatile boolean ended;
    private volatile LongSupplier bytesSent = () -> 0;

    Learner(String name, InetAddress address, Instant since, Classroom.Visit visit, long nowNanos) {
        this.name = name;
        this.address = address;
        this.since = since;
        this.visit = visit;
        this.lastKeyNanos = nowNanos;
    }

    String name() {
        return name;
    }

    InetAddress address() {
        return address;
    }

    Instant since() {
        return since;
    }

    Classroom.Visit visit() {
        return visit;
    }

    private record Role(boolean drives, String driver) {
    }

    /** In a shared lab, whether this learner drives it (everyone else watches). */
    boolean driver() {
        Role r = role;
        return r != null && r.drives();
    }

    /** A shared lab: whether this learner drives, and who does; the lab's screen follows at once. */
    void role(boolean drives, String driverName) {
        role = new Role(drives, driverName);
        RunningLab l = lab;
        if (l != null) {
            l.setRole(watches(), title());
        }
    }

    /** Whether this learner only watches a shared lab that someone else drives. */
    boolean watches() {
        Role r = role;
        return r != null && !r.drives();
    }

    /** The lab's title: plain, or in a shared class who drives it, so everyone sees. */
    String title() {
        Role r = role;
        if (r == null) {
            return "Backprop Lab";
        }
        return r.drives() ? "Shared lab, you drive" : "Shared lab, " + Printable.of(r.driver(), NAME_IN_TITLE) + " drives";
    }

    void keyPressed(long nowNanos) {
        lastKeyNanos = nowNanos;
    }

    long lastKeyNanos() {
        return lastKeyNanos;
    }

    void countBytes(LongSupplier sent) {
        bytesSent = sent;
    }

    /** Bytes of screen sent to this learner so far. */
    long bytesSent() {
        return bytesSent.getAsLong();
    }

    Progress progress() {
        RunningLab l = lab;
        return l != null ? l.progress() : Progress.NONE;
    }

    /**
     * Gives the learner their lab, with the role they have now (it may have changed while the lab
     * was made); if the session already ended, stops it at once.
     */
    void attach(RunningLab l) {
        lab = l;
        if (role != null) {
            l.setRole(watches(), title());
        }
        if (ended) {
            l.stop();
        }
    }

    /**
     * Ends the lab from outside (idle, shutdown, a dropped connection). The message, if not null,
     * is printed on the learner's restored terminal.
     */
    void end(String message) {
        if (endMessage == null) {
            endMessage = message;
        }
        ended = true;
        RunningLab l = lab;
        if (l != null) {
            l.stop();
        }
    }

    String endMessage() {
        return endMessage;
    }

    boolean ended() {
        return ended;
    }
}
