package org.newsroom.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.newsroom.notify.service.AddressPolicy;
import org.newsroom.notify.service.EndpointGuard;
import org.newsroom.notify.service.EndpointRejectedException;
import org.newsroom.notify.service.HostResolver;

/**
 * The SSRF guard's decision function. Only resolves names through a fake resolver and sends nothing anywhere.
 */
class EndpointGuardTest {

    /** A resolver that knows a few names and never asks DNS. */
    private static final HostResolver FAKE = host -> {
        Map<String, String> names = Map.of(
                "public.example", "93.184.216.34",
                "private.example", "10.1.2.3",
                "mixed.example", "93.184.216.34,192.168.1.1",
                "v6.example", "2606:2800:220:1:248:1893:25c8:1946",
                "mapped.example", "::ffff:127.0.0.1",
                "hook.internal", "10.9.9.9");
        String value = names.get(host);
        if (value == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> result = new java.util.ArrayList<>();
        for (String address : value.split(",")) {
            result.add(InetAddress.getByName(address));
        }
        return result;
    };

    private final EndpointGuard guard = new EndpointGuard(List.of("127.0.0.1", "hook.internal", "192.0.2.0/28"), FAKE);
    private final EndpointGuard strict = new EndpointGuard(List.of(), FAKE);

    @ParameterizedTest(name = "{0} forbidden={1}")
    @CsvSource({
            "0.0.0.0, true", "10.0.0.1, true", "10.255.255.255, true", "100.64.0.1, true", "100.127.255.254, true",
            "100.128.0.1, false", "127.0.0.1, true", "127.255.0.9, true", "169.254.169.254, true", "172.16.0.1, true",
            "172.31.255.255, true", "172.32.0.1, false", "192.168.0.1, true", "192.0.2.1, true", "198.18.0.1, true",
            "224.0.0.1, true", "239.255.255.250, true", "255.255.255.255, true", "240.0.0.1, true",
            "8.8.8.8, false", "93.184.216.34, false", "1.1.1.1, false",
            "::, true", "::1, true", "fc00::1, true", "fd12:3456::1, true", "fe80::1, true", "fec0::1, true",
            "ff02::1, true", "::ffff:10.0.0.1, true", "::ffff:127.0.0.1, true", "::ffff:169.254.169.254, true",
            "::ffff:8.8.8.8, false", "::127.0.0.1, true", "64:ff9b::a00:1, true", "64:ff9b::808:808, false",
            "2002:c0a8:101::1, true", "2002:808:808::1, false", "2001::1, true", "2001:db8::1, true",
            "2606:2800:220:1:248:1893:25c8:1946, false", "2a00:1450:4001:81c::200e, false",
            "192.31.196.1, true", "192.175.48.53, true", "192.31.197.1, false", "192.175.49.1, false",
            "3fff::1, true", "3fff:fff:ffff::1, true", "3fff:1000::1, false", "64:ff9b:1::a00:1, true"
    })
    void addressDecisions(String address, boolean forbidden) throws Exception {
        assertThat(AddressPolicy.isForbidden(InetAddress.getByName(address))).isEqualTo(forbidden);
        assertThat(strict.permits(InetAddress.getByName(address))).isEqualTo(!forbidden);
    }

    @Test
    void ipv4MappedAddressesBuiltByteWiseAreCheckedByTheirIpv4Part() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 127;
        mapped[15] = 1;
        assertThat(AddressPolicy.isForbidden(java.net.Inet6Address.getByAddress(null, mapped, -1))).isTrue();
        mapped[12] = 8;
        mapped[13] = 8;
        mapped[14] = 8;
        mapped[15] = 8;
        assertThat(AddressPolicy.isForbidden(java.net.Inet6Address.getByAddress(null, mapped, -1))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "https://10.0.0.1/hook", "http://127.0.0.2:8080/hook", "http://[::1]:8080/hook", "http://[fe80::1]/x",
            "http://[::ffff:127.0.0.1]:8080/", "http://[::ffff:a9fe:a9fe]/latest/meta-data", "http://169.254.169.254/",
            "http://0.0.0.0:8080/", "http://100.64.1.1/", "http://224.0.0.1/", "https://private.example/hook",
            "https://mixed.example/hook", "https://mapped.example/hook", "http://2130706433/", "http://0x7f.0.0.1/",
            "http://0177.0.0.1/", "http://127.1/", "http://017700000001/", "http://0x7f000001/",
            "ftp://public.example/x", "file:///etc/passwd", "gopher://public.example/", "javascript:alert(1)",
            "https://user:pw@public.example/hook", "https://user@public.example/hook", "https://public.example:22/",
            "https://public.example:0/", "https://public.example:70000/", "https://public.example:/x",
            "https://public.example/x#frag", "https:///nohost", "https://unknown.example/", "https://exa mple.com/",
            "https://例子.example/", "", "   ", "http://public.example/\r\nX-Injected: 1"
    })
    void refusedEndpoints(String endpoint) {
        assertThatThrownBy(() -> strict.check(endpoint)).isInstanceOf(EndpointRejectedException.class);
    }

    @Test
    void publicEndpointsPassAndTheCheckedAddressIsTheOneToConnectTo() throws Exception {
        EndpointGuard.Checked checked = strict.check("https://public.example/hooks/news?x=1");
        assertThat(checked.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(checked.host()).isEqualTo("public.example");
        assertThat(checked.port()).isEqualTo(443);
        assertThat(checked.https()).isTrue();
        assertThat(checked.pathAndQuery()).isEqualTo("/hooks/news?x=1");
        assertThat(strict.check("http://v6.example:8080").pathAndQuery()).isEqualTo("/");
        assertThat(strict.check("https://[2606:2800:220:1:248:1893:25c8:1946]/h").address().getHostAddress())
                .isEqualTo("2606:2800:220:1:248:1893:25c8:1946");
        assertThat(strict.check("https://8.8.8.8/").port()).isEqualTo(443);
    }

    @Test
    void allowListAcceptsAddressesAndRangesAndANameOnlyWhenItsAddressesAreListedToo() throws Exception {
        assertThat(guard.check("http://127.0.0.1:9000/hook").address().getHostAddress()).isEqualTo("127.0.0.1");
        // the name is listed, its private address is not: the address check is not skipped
        assertThatThrownBy(() -> guard.check("https://hook.internal/hook")).isInstanceOf(EndpointRejectedException.class);
        EndpointGuard withAddress = new EndpointGuard(List.of("hook.internal", "10.9.9.9"), FAKE);
        assertThat(withAddress.check("https://hook.internal/hook").address().getHostAddress()).isEqualTo("10.9.9.9");
        assertThatThrownBy(() -> withAddress.check("https://private.example/hook")).isInstanceOf(EndpointRejectedException.class);
        assertThat(guard.check("https://192.0.2.5/hook").host()).isEqualTo("192.0.2.5");
        assertThatThrownBy(() -> guard.check("https://192.0.2.17/hook")).isInstanceOf(EndpointRejectedException.class);
        assertThatThrownBy(() -> guard.check("http://127.0.0.2:9000/hook")).isInstanceOf(EndpointRejectedException.class);
        assertThatThrownBy(() -> guard.check("http://[::1]:9000/hook")).isInstanceOf(EndpointRejectedException.class);
        assertThatThrownBy(() -> strict.check("http://127.0.0.1:9000/hook")).isInstanceOf(EndpointRejectedException.class);
    }

    @Test
    void addressesUnderTheNetworksOwnNat64PrefixesAreJudgedByTheIpv4AddressTheyEmbed() throws Exception {
        EndpointGuard nat64 = new EndpointGuard(List.of("192.0.2.0/28"), List.of("2a01:4f8:64::/96", "2a01:4f8:48::/48"),
                true, FAKE);
        assertThat(nat64.permits(InetAddress.getByName("2a01:4f8:64::808:808"))).isTrue();        // 8.8.8.8
        assertThat(nat64.permits(InetAddress.getByName("2a01:4f8:64::a00:1"))).isFalse();         // 10.0.0.1
        assertThat(nat64.permits(InetAddress.getByName("2a01:4f8:64::a9fe:a9fe"))).isFalse();     // 169.254.169.254
        assertThat(nat64.permits(InetAddress.getByName("2a01:4f8:64::c000:205"))).isTrue();       // 192.0.2.5, allow-listed
        assertThat(nat64.permits(InetAddress.getByName("2a01:4f8:48:a00:0:100::"))).isFalse();    // /48: 10.0.0.1
        assertThat(nat64.permits(InetAddress.getByName("2a01:4f8:48:808:8:800::"))).isTrue();     // /48: 8.8.8.8
        assertThat(guard.permits(InetAddress.getByName("2a01:4f8:64::a00:1"))).isTrue();          // unknown prefix: public v6
        assertThatThrownBy(() -> new EndpointGuard(List.of(), List.of("2a01:4f8:64::/80"), true, FAKE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EndpointGuard(List.of(), List.of("10.0.0.0/8"), true, FAKE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() throws Exception {
        EndpointGuard httpsOnly = new EndpointGuard(List.of(), List.of(), false, FAKE);
        assertThatThrownBy(() -> httpsOnly.check("http://public.example/hook"))
                .isInstanceOf(EndpointRejectedException.class).hasMessageContaining("https");
        assertThat(httpsOnly.check("https://public.example/hook").https()).isTrue();
    }

    @Test
    void aBadAllowListEntryIsAConfigurationError() {
        assertThatThrownBy(() -> new EndpointGuard(List.of("10.0.0.0/99"), FAKE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EndpointGuard(List.of("host/8"), FAKE)).isInstanceOf(IllegalArgumentException.class);
    }
}
