package org.newsroom.notify.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The key of the per-client limits: an IPv4 address as it is, an IPv6 address as its /64 network. */
class ClientAddressTest {

    @Test
    void addressesOfOneIpv6NetworkShareOneKey() {
        assertThat(ClientAddress.key("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.key("[2001:db8:1:3::1]")).isEqualTo("2001:db8:1:3::/64");
        assertThat(ClientAddress.key("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.key("::ffff:198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.key("zz:top")).isEqualTo("zz:top");
        assertThat(ClientAddress.key("abc:::def:::1")).isEqualTo("abc:::def:::1");
    }
}
