package org.backproplab.cli;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a long command, as a request to stop at the next safe point
 * instead of the JVM's exit on the spot: the command polls {@link #requested()} between pieces of
 * work (train between epochs), finishes its files, says what it kept, and exits with
 * {@link #exitCode()} (130 for INT, 143 for TERM, as a shell reports a process killed so).
 *
 * <pre>
 *   try (StopRequest stop = StopRequest.onSignals()) {
 *       while (moreWork() &amp;&amp; !stop.requested()) { ... }
 *       ... write what was done ...
 *       return stop.requested() ? stop.exitCode() : 0;
 *   }
 * </pre>
 *
 * A second signal while the first is being honoured exits at once, for a command that does not
 * stop. {@link #close()} gives the signals back to the handlers they had before.
 */
final class StopRequest implements AutoCloseable {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile String signal;

    private StopRequest() {
    }

    /** Catches INT and TERM from now until {@link #close()}. */
    static StopRequest onSignals() {
        StopRequest r = new StopRequest();
        r.handle("INT");
        r.handle("TERM");
        return r;
    }

    /** A request that no signal can make (for code that stops only by {@link #request}, as tests do). */
    static StopRequest none() {
        return new StopRequest();
    }

    private void handle(String name) {
        try {
            Signal s = new Signal(name);
            SignalHandler before = Signal.handle(s, this::received);
            if (before == SignalHandler.SIG_IGN) {
                Signal.handle(s, before); // ignored when we started (nohup): stay so
                return;
            }
            signals.add(s);
            previous.add(before);
        } catch (IllegalArgumentException e) {
            // not available on this platform, or kept by the JVM: its default stays
        }
    }

    private void received(Signal s) {
        if (signal != null) {
            System.exit(exitCode(s.getName()));
        }
        request(s.getName());
    }

    /** Asks to stop as the signal {@code name} ("INT" or "TERM") would. */
    void request(String name) {
        signal = name;
    }

    /** Whether a stop has been asked for. */
    boolean requested() {
        return signal != null;
    }

    /** 128 + the signal's number: 130 for INT, 143 for TERM (0 when none came). */
    int exitCode() {
        return signal == null ? 0 : exitCode(signal);
    }

    private static int exitCode(String name) {
        return name.equals("INT") ? 130 : name.equals("TERM") ? 143 : 128 + new Signal(name).getNumber();
    }

    /** The signal in words: "Ctrl-C (SIGINT)" or "SIGTERM" (null when none came). */
    String what() {
        return signal == null ? null : signal.equals("INT") ? "Ctrl-C (SIGINT)" : "SIG" + signal;
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
        signals.clear();
        previous.clear();
    }
}
