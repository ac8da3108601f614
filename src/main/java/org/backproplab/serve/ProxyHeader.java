package org.backproplab.serve;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the PROXY protocol header a balancer such as HAProxy puts before the connection it
 * relays, version 1 (one line of text) or version 2 (binary), as haproxy's doc/proxy-protocol.txt
 * specifies them: who the client is and which address it reached. Strict: anything that does not
 * match exactly is invalid, never guessed at.
 *
 * <p>A header that says to use the connection's own endpoints has no source: the balancer's own
 * connection (version 2's LOCAL command, which HAProxy's health checks send, and version 1's
 * UNKNOWN, which older balancers sent for them), or one it relays from an address that is not IP
 * (version 2's unspecified or UNIX family).
 */
final class ProxyHeader {
    /** The binary header's first 12 bytes. */
    static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    private static final byte[] V1_SIGNATURE = "PROXY".getBytes(StandardCharsets.US_ASCII);
    /** The longest text header, its CRLF included ("PROXY UNKNOWN" with two IPv6 addresses). */
    static final int V1_LONGEST = 107;
    private static final int V2_FIXED = 16;

    private ProxyHeader() {
    }

    /** What the first bytes of a connection are. */
    sealed interface Reading permits Incomplete, NotAHeader, Invalid, Header {
    }

    /** Could still be a header: more bytes are needed to tell. */
    record Incomplete() implements Reading {
    }

    /** Starts with neither header's signature (an SSH client's own first line, say). */
    record NotAHeader() implements Reading {
    }

    /** Starts with a header's signature but is not a valid header; {@code reason} is our own words. */
    record Invalid(String reason) implements Reading {
    }

    /**
     * A complete header of {@code length} bytes. {@code source} is the client the balancer relays
     * and {@code destination} the address it reached, both null when the connection's own are to
     * be used; {@code local}: the balancer's own connection, such as a health check.
     */
    record Header(int version, int length, InetSocketAddress source, InetSocketAddress destination, boolean local)
            implements Reading {
        boolean relayed() {
            return source != null;
        }
    }

    private static final Incomplete INCOMPLETE = new Incomplete();
    private static final NotAHeader NOT_A_HEADER = new NotAHeader();

    /** Reads {@code length} bytes of {@code bytes} from {@code offset}: the start of a connection. */
    static Reading read(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return INCOMPLETE;
        }
        if (startsWith(bytes, offset, length, V2_SIGNATURE)) {
            return length < V2_SIGNATURE.length ? INCOMPLETE : v2(bytes, offset, length);
        }
        if (startsWith(bytes, offset, length, V1_SIGNATURE)) {
            return length < V1_SIGNATURE.length ? INCOMPLETE : v1(bytes, offset, length);
        }
        return NOT_A_HEADER;
    }

    /** Whether the first bytes (as many as there are, up to the signature's length) are the signature's. */
    private static boolean startsWith(byte[] bytes, int offset, int length, byte[] signature) {
        int n = Math.min(length, signature.length);
        for (int i = 0; i < n; i++) {
            if (bytes[offset + i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    // ---- version 1: "PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\n" ----

    private static Reading v1(byte[] bytes, int offset, int length) {
        int n = Math.min(length, V1_LONGEST);
        int end = -1;
        for (int i = 0; i < n; i++) {
            byte b = bytes[offset + i];
            if (b == '\n') {
                if (i == 0 || bytes[offset + i - 1] != '\r') {
                    return new Invalid("its text header ends in a line feed without a carriage return");
                }
                end = i - 1;
                break;
            }
            if (i > 0 && bytes[offset + i - 1] == '\r') {
                return new Invalid("its text header has a carriage return inside the line");
            }
            if (b != '\r' && (b < 0x20 || b > 0x7e)) {
                return new Invalid("its text header holds a byte that is not printable US-ASCII");
            }
        }
        if (end < 0) {
            return length < V1_LONGEST ? INCOMPLETE
                    : new Invalid("its text header has no end of line within " + V1_LONGEST + " bytes");
        }
        String line = new String(bytes, offset, end, StandardCharsets.US_ASCII);
        int total = end + 2;
        String[] f = line.split(" ", -1);
        if (!f[0].equals("PROXY") || f.length < 2) {
            return new Invalid("its text header does not begin with 'PROXY '");
        }
        if (f[1].equals("UNKNOWN")) {
            return new Header(1, total, null, null, true); // the rest of the line is to be ignored
        }
        boolean four = f[1].equals("TCP4");
        if (!four && !f[1].equals("TCP6")) {
            return new Invalid("its text header names a protocol other than TCP4, TCP6 or UNKNOWN");
        }
        if (f.length != 6) {
            return new Invalid("its text header has " + (f.length - 2) + " fields after the protocol, not 4");
        }
        InetAddress src = address(f[2], four);
        InetAddress dst = address(f[3], four);
        int srcPort = IpLiteral.decimal(f[4], 65535);
        int dstPort = IpLiteral.decimal(f[5], 65535);
        if (src == null || dst == null) {
            return new Invalid("its text header has an address that is not a plain " + (four ? "IPv4" : "IPv6") + " one");
        }
        if (srcPort < 0 || dstPort < 0) {
            return new Invalid("its text header has a port that is not a number 0..65535 without leading zeros");
        }
        return new Header(1, total, new InetSocketAddress(src, srcPort), new InetSocketAddress(dst, dstPort), false);
    }

    private static InetAddress address(String s, boolean four) {
        if (four != IpLiteral.isV4(s)) {
            return null;
        }
        return IpLiteral.parse(s);
    }

    // ---- version 2: the signature, version and command, family and protocol, length, addresses ----

    private static Reading v2(byte[] bytes, int offset, int length) {
        if (length < V2_FIXED) {
            return INCOMPLETE;
        }
        int versionCommand = bytes[offset + 12] & 0xff;
        int family = bytes[offset + 13] & 0xff;
        int addressLength = ((bytes[offset + 14] & 0xff) << 8) | (bytes[offset + 15] & 0xff);
        if (versionCommand >> 4 != 2) {
            return new Invalid("its binary header is of version " + (versionCommand >> 4) + ", not 2");
        }
        int command = versionCommand & 0x0f;
        if (command > 1) {
            return new Invalid("its binary header has command " + command + ", neither LOCAL (0) nor PROXY (1)");
        }
        if (family >> 4 > 3 || (family & 0x0f) > 2) {
            return new Invalid(String.format("its binary header has address family and protocol 0x%02x, which are undefined", family));
        }
        int total = V2_FIXED + addressLength;
        if (length < total) {
            return INCOMPLETE;
        }
        if (command == 0) {
            return new Header(2, total, null, null, true); // LOCAL: the balancer's own connection; addresses ignored
        }
        if ((family & 0x0f) == 2) {
            return new Invalid("its binary header relays a datagram (UDP) connection, not TCP");
        }
        int size = switch (family) {
            case 0x11 -> 4;
            case 0x21 -> 16;
            default -> 0; // unspecified, or UNIX: no IP address to use, so the connection's own
        };
        if (size == 0) {
            return new Header(2, total, null, null, false);
        }
        if (addressLength < 2 * size + 4) {
            return new Invalid("its binary header's address block is " + addressLength + " bytes, "
                    + (2 * size + 4) + " needed");
        }
        int a = offset + V2_FIXED;
        InetAddress src = ip(bytes, a, size);
        InetAddress dst = ip(bytes, a + size, size);
        int srcPort = port(bytes, a + 2 * size);
        int dstPort = port(bytes, a + 2 * size + 2);
        return new Header(2, total, new InetSocketAddress(src, srcPort), new InetSocketAddress(dst, dstPort), false);
    }

    private static InetAddress ip(byte[] bytes, int at, int size) {
        byte[] b = new byte[size];
        System.arraycopy(bytes, at, b, 0, size);
        try {
            return InetAddress.getByAddress(b); // no lookup; an IPv4-mapped IPv6 address comes back as IPv4
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 4 or 16 bytes: cannot happen
        }
    }

    private static int port(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }
}
