package org.backproplab.serve;

import java.net.InetAddress;
import java.time.Instant;
import java.util.function.LongSupplier;
import org.backproplab.serve.LabFactory.Progress;
import org.backproplab.serve.LabFactory.RunningLab;

/** One connected learner: who, from where, their lab, and when they last pressed a key. */
final class Learner {
    private final String name;
    private final InetAddress address;
    private final Instant since;
    private final boolean driver;
    private volatile long lastKeyNanos;
    private volatile RunningLab lab;
    private volatile String endMessage;
    private volatile boolean ended;
    private volatile LongSupplier bytesSent = () -> 0;

    Learner(String name, InetAddress address, Instant since, boolean driver, long nowNanos) {
        this.name = name;
        this.address = address;
        this.since = since;
        this.driver = driver;
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

    /** In a shared lab, whether this learner drives it (everyone else watches). */
    boolean driver() {
        return driver;
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

    /** Gives the learner their lab; if the session already ended, stops it at once. */
    void attach(RunningLab l) {
        lab = l;
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
