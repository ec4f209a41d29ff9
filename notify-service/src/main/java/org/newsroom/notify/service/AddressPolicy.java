package org.newsroom.notify.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Decides whether an IP address is a public unicast address a webhook may be sent to. Loopback, private (RFC 1918,
 * CGNAT, ULA), link-local, multicast, unspecified, documentation/benchmark/reserved ranges and the IPv6 forms that
 * embed such an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) are not. A network's own NAT64 prefixes
 * (RFC 6052 network-specific prefixes, configured) are read like 64:ff9b::/96: the embedded IPv4 address decides.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** True when the address must never be the target of an outbound webhook request (unless allow-listed). */
    public static boolean isForbidden(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isForbiddenV4(b);
        }
        if (address instanceof Inet6Address) {
            return isForbiddenV6(b);
        }
        return true;
    }

    static boolean isForbiddenV4(byte[] b) {
        int a0 = b[0] & 0xFF;
        int a1 = b[1] & 0xFF;
        int a2 = b[2] & 0xFF;
        return a0 == 0                                   // 0.0.0.0/8 "this network", unspecified
                || a0 == 10                              // 10/8 private
                || a0 == 100 && (a1 & 0xC0) == 64        // 100.64/10 CGNAT
                || a0 == 127                             // loopback
                || a0 == 169 && a1 == 254                // link-local
                || a0 == 172 && (a1 & 0xF0) == 16        // 172.16/12 private
                || a0 == 192 && a1 == 0 && a2 == 0       // 192.0.0/24 IETF protocol assignments
                || a0 == 192 && a1 == 0 && a2 == 2       // TEST-NET-1
                || a0 == 192 && a1 == 31 && a2 == 196    // 192.31.196/24 AS112-v4
                || a0 == 192 && a1 == 88 && a2 == 99     // 6to4 relay anycast
                || a0 == 192 && a1 == 168                // 192.168/16 private
                || a0 == 192 && a1 == 175 && a2 == 48    // 192.175.48/24 AS112 direct delegation
                || a0 == 198 && (a1 & 0xFE) == 18        // 198.18/15 benchmarking
                || a0 == 198 && a1 == 51 && a2 == 100    // TEST-NET-2
                || a0 == 203 && a1 == 0 && a2 == 113     // TEST-NET-3
                || a0 >= 224;                            // multicast, reserved, broadcast
    }

    static boolean isForbiddenV6(byte[] b) {
        int w0 = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
        int w1 = ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        if (allZero(b, 0, 10)) {
            int w5 = ((b[10] & 0xFF) << 8) | (b[11] & 0xFF);
            if (w5 == 0xFFFF) {
                return isForbiddenV4(tail(b, 12));       // ::ffff:a.b.c.d IPv4-mapped
            }
            return true;                                 // ::, ::1, ::a.b.c.d IPv4-compatible (deprecated)
        }
        if (allZero(b, 0, 8) && (b[8] & 0xFF) == 0xFF && (b[9] & 0xFF) == 0xFF && b[10] == 0 && b[11] == 0) {
            return isForbiddenV4(tail(b, 12));           // ::ffff:0:a.b.c.d IPv4-translated (SIIT)
        }
        if (w0 == 0x0064 && w1 == 0xFF9B) {
            if (allZero(b, 4, 12)) {
                return isForbiddenV4(tail(b, 12));       // 64:ff9b::/96 NAT64
            }
            return true;                                 // 64:ff9b:1::/48 local-use NAT64
        }
        if (w0 == 0x0100 && allZero(b, 2, 8)) {
            return true;                                 // 100::/64 discard
        }
        if (w0 == 0x2001 && (w1 & 0xFE00) == 0) {
            return true;                                 // 2001::/23 IETF (Teredo 2001::/32 and others)
        }
        if (w0 == 0x2001 && w1 == 0x0DB8) {
            return true;                                 // documentation
        }
        if (w0 == 0x3FFF && (w1 & 0xF000) == 0) {
            return true;                                 // 3fff::/20 documentation (RFC 9637)
        }
        if (w0 == 0x2002) {
            return isForbiddenV4(new byte[] {b[2], b[3], b[4], b[5]});   // 6to4
        }
        return (w0 & 0xFE00) == 0xFC00                  // fc00::/7 unique local
                || (w0 & 0xFFC0) == 0xFE80               // fe80::/10 link-local
                || (w0 & 0xFFC0) == 0xFEC0               // fec0::/10 site-local (deprecated)
                || (w0 & 0xFF00) == 0xFF00;              // multicast
    }

    /**
     * The IPv4 address embedded in an IPv6 address under a NAT64 prefix of {@code prefixLength} bits (32, 40, 48, 56,
     * 64 or 96; RFC 6052 section 2.2: the bits 64 to 71 are skipped).
     */
    static byte[] embeddedV4(byte[] v6, int prefixLength) {
        byte[] v4 = new byte[4];
        int from = prefixLength / 8;
        for (int i = from, n = 0; n < 4; i++) {
            if (i == 8) {
                continue;
            }
            v4[n++] = v6[i];
        }
        return v4;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] tail(byte[] b, int from) {
        byte[] v4 = new byte[4];
        System.arraycopy(b, from, v4, 0, 4);
        return v4;
    }

    /** An Inet4Address of the given bytes (for tests and CIDR matching). */
    static InetAddress v4(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
