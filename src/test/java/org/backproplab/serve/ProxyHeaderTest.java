package org.backproplab.serve;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.backproplab.serve.ProxyHeader.Header;
import org.backproplab.serve.ProxyHeader.Incomplete;
import org.backproplab.serve.ProxyHeader.Invalid;
import org.backproplab.serve.ProxyHeader.NotAHeader;
import org.backproplab.serve.ProxyHeader.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PROXY protocol's headers as haproxy's doc/proxy-protocol.txt gives them: its own examples
 * and limits for version 1, and version 2's bytes laid out by hand from its structures.
 */
class ProxyHeaderTest {
    /** The version 2 signature, written out from the spec: \r\n\r\n\0\r\nQUIT\n. */
    private static final byte[] SIG = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 'Q', 'U', 'I', 'T', 0x0A};

    private static Reading read(byte[] b) {
        return ProxyHeader.read(b, 0, b.length);
    }

    private static Reading read(String s) {
        return read(s.getBytes(US_ASCII));
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static InetSocketAddress at(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    // ---- version 1 ----

    @Test
    void theSpecsExampleBeforeAnHttpRequest() throws Exception {
        // "PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\n": 5+1+4+1+11+1+12+1+5+1+3+2 = 47 bytes
        Reading r = read("PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\nGET / HTTP/1.1\r\nHost: 192.168.0.11\r\n\r\n");
        assertThat(r).isEqualTo(new Header(1, 47, at("192.168.0.1", 56324), at("192.168.0.11", 443), false));
    }

    @Test
    void theLongestLinesOfEachKindAreRead() throws Exception {
        // the spec: 56 chars for TCP/IPv4, 104 for TCP/IPv6, 15 for the short UNKNOWN, 107 for the worst case
        String v4 = "PROXY TCP4 255.255.255.255 255.255.255.255 65535 65535\r\n";
        String f = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff";
        String v6 = "PROXY TCP6 " + f + " " + f + " 65535 65535\r\n";
        String worst = "PROXY UNKNOWN " + f + " " + f + " 65535 65535\r\n";
        assertThat(read(v4)).isEqualTo(new Header(1, 56, at("255.255.255.255", 65535), at("255.255.255.255", 65535), false));
        assertThat(read(v6)).isEqualTo(new Header(1, 104, at(f, 65535), at(f, 65535), false));
        assertThat(read("PROXY UNKNOWN\r\n")).isEqualTo(new Header(1, 15, null, null, true));
        assertThat(read(worst)).isEqualTo(new Header(1, 107, null, null, true));
    }

    @Test
    void ipv6AsInetNtopWritesIt() throws Exception {
        Reading r = read("PROXY TCP6 2001:db8::7 ::1 40000 2222\r\nSSH-2.0-OpenSSH_9.2\r\n");
        // 5+1+4+1+11+1+3+1+5+1+4 = 37, and CRLF
        assertThat(r).isEqualTo(new Header(1, 39, at("2001:db8:0:0:0:0:0:7", 40000), at("0:0:0:0:0:0:0:1", 2222), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\n",         // LF alone
        "PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\rX\r\n",    // CR alone
        "PROXY TCP4 192.168.00.1 192.168.0.11 56324 443\r\n",      // a leading zero: octal?
        "PROXY TCP4 192.168.0.1 192.168.0.11 056324 443\r\n",
        "PROXY TCP4 192.168.0.1 192.168.0.11 65536 443\r\n",
        "PROXY TCP4 192.168.0.1 192.168.0.256 56324 443\r\n",
        "PROXY TCP4 192.168.0.1 192.168.0 56324 443\r\n",
        "PROXY TCP4 ::1 ::1 56324 443\r\n",                        // the wrong family
        "PROXY TCP6 192.168.0.1 192.168.0.11 56324 443\r\n",
        "PROXY TCP6 fe80::1%eth0 ::1 56324 443\r\n",               // a zone
        "PROXY TCP6 ::ffff:1.2.3.4 ::1 56324 443\r\n",             // a dotted tail
        "PROXY TCP6 1::2::3 ::1 56324 443\r\n",
        "PROXY TCP6 1:2:3:4:5:6:7:8:9 ::1 56324 443\r\n",
        "PROXY TCP6 12345:: ::1 56324 443\r\n",
        "PROXY TCP4  192.168.0.1 192.168.0.11 56324 443\r\n",      // two spaces
        "PROXY TCP4 192.168.0.1 192.168.0.11 56324\r\n",
        "PROXY TCP4 192.168.0.1 192.168.0.11 56324 443 \r\n",
        "PROXY UDP4 192.168.0.1 192.168.0.11 56324 443\r\n",
        "PROXY\r\n",
        "PROXYTCP4 192.168.0.1 192.168.0.11 56324 443\r\n",
        "PROXY TCP4 192.168.0.1 192.168.0.11 56324 4é3\r\n",
    })
    void anythingThatDoesNotMatchExactlyIsInvalid(String header) {
        assertThat(read(header.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isInstanceOf(Invalid.class);
    }

    @Test
    void noLineEndWithin107BytesIsInvalidAndShorterIsNotYetKnown() {
        String noEnd = "PROXY UNKNOWN " + "x".repeat(93); // 107 bytes, no CRLF
        assertThat(noEnd).hasSize(107);
        assertThat(read(noEnd)).isInstanceOf(Invalid.class);
        assertThat(read(noEnd.substring(0, 106))).isInstanceOf(Incomplete.class);
        assertThat(read("PROX")).isInstanceOf(Incomplete.class);
        assertThat(read("PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r")).isInstanceOf(Incomplete.class);
    }

    @Test
    void anSshClientsFirstLineIsNotAHeader() {
        assertThat(read("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n")).isInstanceOf(NotAHeader.class);
        assertThat(read("S")).isInstanceOf(NotAHeader.class);
        assertThat(read("PUT / HTTP/1.1\r\n")).isInstanceOf(NotAHeader.class);
        assertThat(read(bytes(0x0D, 0x0A, 0x0D, 0x0B))).isInstanceOf(NotAHeader.class);
        assertThat(read(new byte[0])).isInstanceOf(Incomplete.class);
    }

    // ---- version 2: struct proxy_hdr_v2 { sig[12]; ver_cmd; fam; len (big-endian) } and the addresses ----

    /** PROXY, TCP over IPv4: 192.0.2.1:56400 to 198.51.100.7:22, then the client's first bytes. */
    private static final byte[] TCP4 = concat(SIG, bytes(0x21, 0x11, 0x00, 0x0C,
            192, 0, 2, 1, 198, 51, 100, 7, 0xDC, 0x50, 0x00, 0x16), "SSH-2.0-x\r\n".getBytes(US_ASCII));

    @Test
    void tcpOverIpv4() throws Exception {
        assertThat(read(TCP4)).isEqualTo(new Header(2, 28, at("192.0.2.1", 56400), at("198.51.100.7", 22), false));
    }

    @Test
    void tcpOverIpv6AndAnIpv4MappedSourceAsHaproxyWritesAMixedPair() throws Exception {
        byte[] src = bytes(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x07);
        byte[] mapped = bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1); // ::ffff:192.0.2.1
        byte[] tail = bytes(0x9C, 0x40, 0x08, 0xAE); // 40000, 2222
        byte[] six = concat(SIG, bytes(0x21, 0x21, 0x00, 0x24), src, mapped, tail);
        assertThat(read(six)).isEqualTo(new Header(2, 52, at("2001:db8::7", 40000), at("192.0.2.1", 2222), false));
        byte[] flipped = concat(SIG, bytes(0x21, 0x21, 0x00, 0x24), mapped, src, tail);
        Header h = (Header) read(flipped);
        assertThat(h.source().getAddress()).isInstanceOf(java.net.Inet4Address.class);
        assertThat(h.source().getAddress().getHostAddress()).isEqualTo("192.0.2.1");
    }

    @Test
    void localIsTheBalancersOwnConnectionWhateverItsLengthHolds() {
        assertThat(read(concat(SIG, bytes(0x20, 0x00, 0x00, 0x00)))).isEqualTo(new Header(2, 16, null, null, true));
        // "Receivers MUST always consider this field to skip the appropriate number of bytes"
        byte[] padded = concat(SIG, bytes(0x20, 0x11, 0x00, 0x0C, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
        assertThat(read(padded)).isEqualTo(new Header(2, 28, null, null, true));
    }

    @Test
    void tlvsAfterTheAddressesArePartOfTheHeader() throws Exception {
        // 12 address bytes, then PP2_TYPE_NOOP (0x04) with 4 bytes of value: 12 + 3 + 4 = 19
        byte[] h = concat(SIG, bytes(0x21, 0x11, 0x00, 0x13, 10, 0, 0, 9, 10, 0, 0, 1, 0x30, 0x39, 0x00, 0x16,
                0x04, 0x00, 0x04, 0, 0, 0, 0));
        assertThat(read(h)).isEqualTo(new Header(2, 35, at("10.0.0.9", 12345), at("10.0.0.1", 22), false));
    }

    @Test
    void unspecifiedOrUnixFamiliesUseTheConnectionsOwnAddressesButAreNotTheBalancersOwn() {
        assertThat(read(concat(SIG, bytes(0x21, 0x00, 0x00, 0x00)))).isEqualTo(new Header(2, 16, null, null, false));
        byte[] unix = concat(SIG, bytes(0x21, 0x31, 0x00, 0xD8), new byte[216]);
        assertThat(read(unix)).isEqualTo(new Header(2, 232, null, null, false));
    }

    @Test
    void aWrongVersionCommandFamilyDatagramOrShortAddressIsInvalid() {
        byte[] addresses = bytes(0x00, 0x0C, 192, 0, 2, 1, 198, 51, 100, 7, 0xDC, 0x50, 0x00, 0x16);
        assertThat(read(concat(SIG, bytes(0x11, 0x11), addresses))).isInstanceOf(Invalid.class); // version 1
        assertThat(read(concat(SIG, bytes(0x31, 0x11), addresses))).isInstanceOf(Invalid.class); // version 3
        assertThat(read(concat(SIG, bytes(0x22, 0x11), addresses))).isInstanceOf(Invalid.class); // command 2
        assertThat(read(concat(SIG, bytes(0x21, 0x41), addresses))).isInstanceOf(Invalid.class); // family 4
        assertThat(read(concat(SIG, bytes(0x21, 0x13), addresses))).isInstanceOf(Invalid.class); // protocol 3
        assertThat(read(concat(SIG, bytes(0x21, 0x12), addresses))).isInstanceOf(Invalid.class); // UDP
        assertThat(read(concat(SIG, bytes(0x21, 0x11, 0x00, 0x08, 192, 0, 2, 1, 198, 51, 100, 7))))
                .isInstanceOf(Invalid.class); // 8 bytes where TCP4 needs 12
    }

    @Test
    void aHeaderCutShortAnywhereIsNotYetKnown() {
        for (int n = 1; n < 28; n++) {
            assertThat(read(Arrays.copyOf(TCP4, n))).as("%d bytes", n).isInstanceOf(Incomplete.class);
        }
    }

    @Test
    void readsFromAnOffsetInsideALargerBuffer() throws Exception {
        byte[] inside = concat("junk".getBytes(US_ASCII), TCP4);
        assertThat(ProxyHeader.read(inside, 4, TCP4.length))
                .isEqualTo(new Header(2, 28, at("192.0.2.1", 56400), at("198.51.100.7", 22), false));
    }

    // ---- properties: Java's own formatting and byte layout of random addresses read back ----

    @Property(tries = 300)
    void anyTcpHeaderReadsBackInBothVersions(@ForAll @Size(16) byte[] src, @ForAll @Size(16) byte[] dst,
                                             @ForAll boolean four, @ForAll @IntRange(max = 65535) int srcPort,
                                             @ForAll @IntRange(max = 65535) int dstPort) throws Exception {
        int size = four ? 4 : 16;
        byte[] s = Arrays.copyOf(src, size);
        byte[] d = Arrays.copyOf(dst, size);
        if (!four) {
            s[0] = (byte) 0x20; // not IPv4-mapped (Java would turn that into an IPv4 address)
            d[0] = (byte) 0x20;
        }
        InetAddress sa = InetAddress.getByAddress(s);
        InetAddress da = InetAddress.getByAddress(d);
        String line = "PROXY " + (four ? "TCP4 " : "TCP6 ") + sa.getHostAddress() + " " + da.getHostAddress() + " "
                + srcPort + " " + dstPort + "\r\n";
        assertThat(read(line + "SSH-2.0-x\r\n")).isEqualTo(new Header(1, line.length(), new InetSocketAddress(sa, srcPort),
                new InetSocketAddress(da, dstPort), false));

        byte[] v2 = concat(SIG, bytes(0x21, four ? 0x11 : 0x21, 0, 2 * size + 4), s, d,
                bytes(srcPort >> 8, srcPort, dstPort >> 8, dstPort));
        assertThat(read(v2)).isEqualTo(new Header(2, v2.length, new InetSocketAddress(sa, srcPort),
                new InetSocketAddress(da, dstPort), false));
        for (int n = 1; n < v2.length; n++) {
            assertThat(read(Arrays.copyOf(v2, n))).isInstanceOf(Incomplete.class);
        }
    }

    @Property(tries = 500)
    void anyBytesAtAllAreReadWithoutAnException(@ForAll @Size(max = 140) byte[] junk, @ForAll boolean asV2) {
        byte[] b = asV2 ? concat(SIG, junk) : concat("PROXY ".getBytes(US_ASCII), junk);
        assertThat(read(b)).isNotNull();
    }
}
