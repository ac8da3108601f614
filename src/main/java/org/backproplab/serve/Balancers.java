package org.backproplab.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The balancers whose PROXY protocol headers are believed: addresses and CIDR ranges
 * ({@code 10.0.0.5}, {@code 10.0.0.0/24}, {@code fd00::/8}), or names, each resolved once to every
 * address it stands for. {@link #NONE} trusts nobody: no header is accepted.
 */
public final class Balancers {
    /** No balancer: the server reads no PROXY header (the default). */
    public static final Balancers NONE = new Balancers(List.of(), "");

    /** What turns a name into its addresses (the system's resolver; tests give their own). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] addresses(String name) throws UnknownHostException;
    }

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] a) {
            if (a.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> ranges;
    private final String described;

    private Balancers(List<Range> ranges, String described) {
        this.ranges = ranges;
        this.described = described;
    }

    /**
     * The balancers {@code items} name: each an address, an address/prefix length, or a name.
     *
     * @throws IllegalArgumentException for a range that is not one (the message says which)
     * @throws UnknownHostException     for a name that resolves to nothing
     */
    public static Balancers of(List<String> items, Resolver names) throws UnknownHostException {
        List<Range> ranges = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String raw : items) {
            String item = raw.strip();
            if (item.isEmpty()) {
                throw new IllegalArgumentException("an empty address");
            }
            int slash = item.indexOf('/');
            if (slash >= 0) {
                ranges.add(range(item, slash));
                shown.add(item);
                continue;
            }
            InetAddress literal = IpLiteral.parse(item);
            InetAddress[] all = literal != null ? new InetAddress[] {literal} : resolve(item, names);
            List<String> of = new ArrayList<>();
            for (InetAddress a : all) {
                byte[] b = normal(a);
                ranges.add(new Range(b, b.length * 8));
                of.add(a.getHostAddress());
            }
            shown.add(literal != null ? item : item + " (" + String.join(", ", of) + ")");
        }
        return new Balancers(List.copyOf(ranges), String.join(", ", shown));
    }

    /** Every address {@code name} stands for; an UnknownHostException whose message is the name alone. */
    private static InetAddress[] resolve(String name, Resolver names) throws UnknownHostException {
        InetAddress[] all;
        try {
            all = names.addresses(name);
        } catch (UnknownHostException e) {
            all = null; // its message is the resolver's ("Unable to resolve host ..."): ours names the name
        }
        if (all == null || all.length == 0) {
            throw new UnknownHostException(name);
        }
        return all;
    }

    private static Range range(String item, int slash) {
        InetAddress network = IpLiteral.parse(item.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("'" + item + "' is not a range: a range is a numeric address and a"
                    + " prefix length, such as 10.0.0.0/24");
        }
        byte[] b = network.getAddress();
        int bits = IpLiteral.decimal(item.substring(slash + 1), b.length * 8);
        if (bits < 0) {
            throw new IllegalArgumentException("'" + item + "': the prefix length must be 0.." + b.length * 8);
        }
        return new Range(b, bits);
    }

    /** The address's bytes, an IPv4-mapped IPv6 address as its IPv4 address. */
    private static byte[] normal(InetAddress a) {
        try {
            return InetAddress.getByAddress(a.getAddress()).getAddress();
        } catch (UnknownHostException e) {
            return a.getAddress(); // cannot happen: the bytes came from an address
        }
    }

    /** Whether any balancer is trusted, so that the server reads PROXY headers at all. */
    public boolean any() {
        return !ranges.isEmpty();
    }

    /** Whether a connection from {@code peer} comes from a trusted balancer. */
    public boolean trust(InetAddress peer) {
        byte[] a = normal(peer);
        for (Range r : ranges) {
            if (r.contains(a)) {
                return true;
            }
        }
        return false;
    }

    /** The list as given, each name with the addresses it was resolved to: "127.0.0.1, lb (10.0.0.5)". */
    @Override
    public String toString() {
        return described;
    }
}
