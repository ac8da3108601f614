package org.backproplab.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalancersTest {
    /** A resolver that knows two names and nothing else (no DNS in tests). */
    private static final Balancers.Resolver NAMES = name -> {
        Map<String, String[]> known = Map.of("lb", new String[] {"10.0.0.5", "10.0.0.6"}, "lb6", new String[] {"fd00::5"});
        String[] a = known.get(name);
        if (a == null) {
            throw new UnknownHostException("the resolver's own words about " + name);
        }
        InetAddress[] out = new InetAddress[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = InetAddress.getByName(a[i]);
        }
        return out;
    };

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private static Balancers of(String... items) throws Exception {
        return Balancers.of(List.of(items), NAMES);
    }

    @Test
    void anAddressTrustsItselfAlone() throws Exception {
        Balancers b = of("127.0.0.1");
        assertThat(b.any()).isTrue();
        assertThat(b.trust(ip("127.0.0.1"))).isTrue();
        assertThat(b.trust(ip("127.0.0.2"))).isFalse();
        assertThat(b.trust(ip("::1"))).isFalse();
        assertThat(Balancers.NONE.any()).isFalse();
        assertThat(Balancers.NONE.trust(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void aRangeTrustsItsPrefix() throws Exception {
        Balancers b = of("10.1.0.0/16", "fd00::/8", "192.0.2.7/31");
        assertThat(b.trust(ip("10.1.255.254"))).isTrue();
        assertThat(b.trust(ip("10.2.0.1"))).isFalse();
        assertThat(b.trust(ip("fdff::1"))).isTrue();
        assertThat(b.trust(ip("fe00::1"))).isFalse();
        assertThat(b.trust(ip("192.0.2.6"))).isTrue(); // 192.0.2.6 and .7 share 31 bits
        assertThat(b.trust(ip("192.0.2.8"))).isFalse();
        assertThat(of("0.0.0.0/0").trust(ip("203.0.113.9"))).isTrue();
    }

    @Test
    void anIpv4MappedPeerIsItsIpv4Address() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3};
        InetAddress peer = Inet6Address.getByAddress(null, mapped, -1); // kept as IPv6, as a dual-stack socket may give it
        assertThat(peer).isInstanceOf(Inet6Address.class);
        assertThat(of("10.1.0.0/16").trust(peer)).isTrue();
    }

    @Test
    void aNameStandsForEveryAddressItResolvesToAndIsShownWithThem() throws Exception {
        Balancers b = of("lb", "127.0.0.1");
        assertThat(b.trust(ip("10.0.0.5"))).isTrue();
        assertThat(b.trust(ip("10.0.0.6"))).isTrue();
        assertThat(b.trust(ip("10.0.0.7"))).isFalse();
        assertThat(b).hasToString("lb (10.0.0.5, 10.0.0.6), 127.0.0.1");
    }

    @Test
    void whatIsNotAnAddressARangeOrAKnownNameIsRefused() {
        assertThatThrownBy(() -> of("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'10.0.0.0/33': the prefix length must be 0..32");
        assertThatThrownBy(() -> of("lb/8")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'lb/8' is not a range");
        assertThatThrownBy(() -> of("10.0.0.0/08")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> of("nowhere")).isInstanceOf(UnknownHostException.class).hasMessage("nowhere");
    }
}
