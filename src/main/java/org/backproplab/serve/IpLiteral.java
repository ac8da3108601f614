package org.backproplab.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Numeric IP addresses read strictly, without ever asking DNS: IPv4 as exactly four decimal
 * numbers 0..255 without leading zeros ("010" could be read as octal), IPv6 as up to eight groups
 * of 1 to 4 hex digits with at most one "::" (as inet_ntop writes them), no zone and no dotted tail.
 * That is the form the PROXY protocol's text header uses, and the form a range of trusted balancers
 * is given in. {@link InetAddress#getByName} would accept more ("1.2.3", a zone) and look names up.
 */
final class IpLiteral {
    private IpLiteral() {
    }

    /** The address {@code s} spells, or null when it is not one of the forms above. */
    static InetAddress parse(String s) {
        byte[] bytes = s.indexOf(':') >= 0 ? v6(s) : v4(s);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes); // an IPv4-mapped IPv6 address comes back as IPv4
        } catch (UnknownHostException e) {
            return null; // only for a length other than 4 or 16
        }
    }

    /** Whether {@code s} spells an IPv4 address (for a family check: TCP4 wants one, TCP6 the other). */
    static boolean isV4(String s) {
        return v4(s) != null;
    }

    static byte[] v4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            int n = decimal(parts[i], 255);
            if (n < 0) {
                return null;
            }
            b[i] = (byte) n;
        }
        return b;
    }

    /** A decimal number 0..max without a leading zero, or -1. */
    static int decimal(String s, int max) {
        if (s.isEmpty() || s.length() > 5 || (s.length() > 1 && s.charAt(0) == '0')) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n <= max ? n : -1;
    }

    static byte[] v6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null; // two gaps: ambiguous
        }
        int[] head = groups(gap >= 0 ? s.substring(0, gap) : s);
        int[] tail = gap >= 0 ? groups(s.substring(gap + 2)) : new int[0];
        if (head == null || tail == null) {
            return null;
        }
        int given = head.length + tail.length;
        if (gap < 0 ? given != 8 : given > 7) {
            return null; // exactly 128 bits: 8 groups, or fewer and a gap of at least one group
        }
        byte[] b = new byte[16];
        for (int i = 0; i < head.length; i++) {
            put(b, i, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            put(b, 8 - tail.length + i, tail[i]);
        }
        return b;
    }

    private static void put(byte[] b, int group, int value) {
        b[2 * group] = (byte) (value >> 8);
        b[2 * group + 1] = (byte) value;
    }

    /** Colon-separated groups of 1..4 hex digits ("" is none), or null. */
    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] g = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int n = 0;
            for (int j = 0; j < p.length(); j++) {
                int d = Character.digit(p.charAt(j), 16);
                if (d < 0 || p.charAt(j) > 'f') {
                    return null; // Character.digit also takes full-width digits
                }
                n = n * 16 + d;
            }
            g[i] = n;
        }
        return g;
    }
}
