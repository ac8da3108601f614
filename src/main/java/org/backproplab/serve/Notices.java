package org.backproplab.serve;

import java.net.InetAddress;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.backproplab.format.Numbers;

/**
 * What the teacher's console says about connections closed before SSH began, one line for each
 * kind however many there were (a flood is a count, never a scroll), with the last one's address,
 * time and reason; and how many health checks the balancer made, counted quietly. Thread-safe.
 */
final class Notices {
    /** Why a connection was closed before SSH began. */
    enum Kind {
        /** From a trusted balancer, without a valid PROXY header. */
        NO_HEADER("connection", "from a balancer closed: no valid PROXY header"),
        /** A PROXY header from an address not trusted as a balancer: never believed. */
        UNTRUSTED_HEADER("PROXY header", "from an address not trusted as a balancer, not believed: closed");

        final String noun;
        final String what;

        Kind(String noun, String what) {
            this.noun = noun;
            this.what = what;
        }
    }

    private record Last(long count, InetAddress from, LocalTime at, String why) {
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Supplier<LocalTime> clock;
    private final Map<Kind, Last> last = new EnumMap<>(Kind.class);
    private long healthChecks;

    Notices(Supplier<LocalTime> clock) {
        this.clock = clock;
    }

    /**
     * A connection from {@code from} was closed for {@code why} (our own words, never the client's
     * bytes; null when the kind says it all).
     */
    synchronized void closed(Kind kind, InetAddress from, String why) {
        Last before = last.get(kind);
        last.put(kind, new Last(before == null ? 1 : before.count + 1, from, clock.get(), why));
    }

    /** The balancer's own connection (a health check) came and went without signing in. */
    synchronized void healthCheck() {
        healthChecks++;
    }

    synchronized long healthChecks() {
        return healthChecks;
    }

    /** How many of this kind so far. */
    synchronized long count(Kind kind) {
        Last l = last.get(kind);
        return l == null ? 0 : l.count;
    }

    /**
     * One line for each kind that happened: "3 connections from a balancer closed: no valid PROXY
     * header; last 14:02:11 from 127.0.0.1: none came within 10 seconds".
     */
    synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Kind, Last> e : last.entrySet()) {
            Kind k = e.getKey();
            Last l = e.getValue();
            lines.add(Numbers.count(l.count, k.noun) + " " + k.what + "; last " + CLOCK.format(l.at) + " from "
                    + l.from.getHostAddress() + (l.why != null ? ": " + l.why : ""));
        }
        return lines;
    }
}
