package org.newsroom.notify.service;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SSRF guard of outbound webhook requests: parses an endpoint URL strictly, resolves its host through a
 * {@link HostResolver}, and accepts it only when every address is public (or allow-listed). The caller connects to the
 * returned, already checked address, so a DNS answer that changes between check and connect (rebinding) cannot
 * redirect the request. Used at subscription and again before every request.
 */
public final class EndpointGuard {

    /** The largest endpoint URL accepted. */
    public static final int MAX_URL_LENGTH = 2048;

    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");
    private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]*");
    private static final Pattern CANONICAL_V4 =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?)(\\.[a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?)*\\.?");

    private final List<Cidr> allowedRanges = new ArrayList<>();
    private final List<Cidr> nat64Prefixes = new ArrayList<>();
    private final boolean allowHttp;
    private final HostResolver resolver;

    /** A guard that accepts http and https endpoints and knows no network-specific NAT64 prefix (tests). */
    public EndpointGuard(List<String> allowList, HostResolver resolver) {
        this(allowList, List.of(), true, resolver);
    }

    /**
     * @param allowList     IP addresses and CIDR ranges that may be used although not public; host names in it open
     *                      nothing by themselves (the addresses they resolve to are checked all the same)
     * @param nat64Prefixes the network's own NAT64 prefixes (IPv6 CIDRs of 32, 40, 48, 56, 64 or 96 bits)
     * @param allowHttp     whether plain {@code http} endpoints are accepted (else https only)
     * @param resolver      name resolution (the system resolver in production)
     */
    public EndpointGuard(List<String> allowList, List<String> nat64Prefixes, boolean allowHttp, HostResolver resolver) {
        this.resolver = resolver;
        this.allowHttp = allowHttp;
        for (String raw : nat64Prefixes) {
            if (raw.isBlank()) {
                continue;
            }
            Cidr prefix = Cidr.parse(raw.trim().toLowerCase(Locale.ROOT));
            if (prefix == null || prefix.network().length != 16 || !List.of(32, 40, 48, 56, 64, 96).contains(prefix.prefix())) {
                throw new IllegalArgumentException("bad NAT64 prefix in newsroom.webhooks.nat64-prefixes: " + raw
                        + " (an IPv6 CIDR of 32, 40, 48, 56, 64 or 96 bits)");
            }
            this.nat64Prefixes.add(prefix);
        }
        for (String raw : allowList) {
            String entry = raw.trim().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.startsWith("[") && entry.endsWith("]")) {
                entry = entry.substring(1, entry.length() - 1);
            }
            Cidr cidr = Cidr.parse(entry);
            if (cidr != null) {
                allowedRanges.add(cidr);
            }
            // a host name is accepted in the list but opens nothing by itself: a name could be made to resolve to any
            // address, so only the addresses it resolves to are judged (public, or on the list as addresses)
        }
    }

    /** An endpoint that passed the guard: connect to {@code address}, send {@code Host: host}. */
    public record Checked(URI uri, String host, int port, boolean https, InetAddress address, String pathAndQuery) {
    }

    /** Parses and checks a URL's form only (scheme, user info, host syntax, port), without resolving it. */
    public URI parse(String endpoint) throws EndpointRejectedException {
        if (endpoint == null || endpoint.isBlank()) {
            throw new EndpointRejectedException("the endpoint URL is missing");
        }
        if (endpoint.length() > MAX_URL_LENGTH) {
            throw new EndpointRejectedException("the endpoint URL is longer than " + MAX_URL_LENGTH + " characters");
        }
        for (int i = 0; i < endpoint.length(); i++) {
            char c = endpoint.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                throw new EndpointRejectedException("the endpoint URL contains spaces, control or non-ASCII characters"
                        + " (use punycode and percent-encoding)");
            }
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new EndpointRejectedException("the endpoint is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new EndpointRejectedException("the endpoint must be an http or https URL");
        }
        if (scheme.equals("http") && !allowHttp) {
            throw new EndpointRejectedException("the endpoint must be an https URL");
        }
        if (uri.isOpaque() || uri.getRawAuthority() == null) {
            throw new EndpointRejectedException("the endpoint URL has no host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            throw new EndpointRejectedException("the endpoint URL must not contain user information");
        }
        if (uri.getRawFragment() != null) {
            throw new EndpointRejectedException("the endpoint URL must not contain a fragment");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new EndpointRejectedException("the endpoint URL has no valid host");
        }
        int port = uri.getPort();
        if (port == -1 && uri.getRawAuthority().endsWith(":")) {
            throw new EndpointRejectedException("the endpoint URL has an empty port");
        }
        int effective = port == -1 ? (scheme.equals("https") ? 443 : 80) : port;
        if (effective != 80 && effective != 443 && (effective < 1024 || effective > 65535)) {
            throw new EndpointRejectedException("the endpoint port must be 80, 443 or 1024-65535");
        }
        String bare = bareHost(host);
        if (!bare.contains(":") && isNumericLooking(bare) && !CANONICAL_V4.matcher(bare).matches()) {
            throw new EndpointRejectedException("the endpoint host is an ambiguous numeric address; write a dotted-quad IPv4");
        }
        if (!bare.contains(":") && !CANONICAL_V4.matcher(bare).matches() && !HOST_NAME.matcher(bare).matches()) {
            throw new EndpointRejectedException("the endpoint URL has no valid host");
        }
        return uri;
    }

    /** Parses, resolves and checks an endpoint; the answer names the address to connect to. */
    public Checked check(String endpoint) throws EndpointRejectedException {
        URI uri = parse(endpoint);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = bareHost(uri.getHost()).toLowerCase(Locale.ROOT);
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        List<InetAddress> addresses = resolve(name);
        for (InetAddress address : addresses) {
            // an allow-listed name opens nothing by itself: each address it resolves to is checked as well
            if (!permits(address)) {
                throw new EndpointRejectedException("the endpoint resolves to a loopback, private, link-local, "
                        + "multicast or otherwise non-public address");
            }
        }
        InetAddress chosen = addresses.stream().filter(a -> a instanceof Inet4Address).findFirst()
                .orElse(addresses.get(0));
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new Checked(uri, name, port, scheme.equals("https"), chosen, pathAndQuery);
    }

    /** The decision for one resolved address (address allow-list first, then the public-address policy). */
    public boolean permits(InetAddress address) {
        if (isAllowed(address)) {
            return true;
        }
        for (Cidr prefix : nat64Prefixes) {
            if (prefix.contains(address)) {
                // a translation of the IPv4 address it embeds: that address decides
                byte[] v4 = AddressPolicy.embeddedV4(address.getAddress(), prefix.prefix());
                return isAllowed(AddressPolicy.v4(v4)) || !AddressPolicy.isForbiddenV4(v4);
            }
        }
        return !AddressPolicy.isForbidden(address);
    }

    private boolean isAllowed(InetAddress address) {
        for (Cidr cidr : allowedRanges) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private List<InetAddress> resolve(String host) throws EndpointRejectedException {
        if (host.contains(":") || CANONICAL_V4.matcher(host).matches()) {
            try {
                return List.of(InetAddress.getByName(host));   // a literal: no lookup happens
            } catch (UnknownHostException e) {
                throw new EndpointRejectedException("the endpoint host is not a valid IP address");
            }
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | RuntimeException e) {
            throw new EndpointRejectedException("the endpoint host cannot be resolved");
        }
        if (addresses == null || addresses.isEmpty()) {
            throw new EndpointRejectedException("the endpoint host cannot be resolved");
        }
        return addresses;
    }

    private static String bareHost(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Every label decimal or 0x-hex: a form some resolvers read as an IPv4 number (2130706433, 0x7f.1, 0177.0.0.1). */
    private static boolean isNumericLooking(String host) {
        String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (trimmed.isEmpty()) {
            return false;
        }
        for (String label : trimmed.split("\\.", -1)) {
            if (!DECIMAL.matcher(label).matches() && !HEX.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** An address range of the allow-list. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String entry) {
            String address = entry;
            int prefix = -1;
            int slash = entry.indexOf('/');
            if (slash >= 0) {
                address = entry.substring(0, slash);
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad CIDR in newsroom.webhooks.allowed-hosts: " + entry);
                }
            }
            if (!address.contains(":") && !CANONICAL_V4.matcher(address).matches()) {
                if (slash >= 0) {
                    throw new IllegalArgumentException("bad CIDR in newsroom.webhooks.allowed-hosts: " + entry);
                }
                return null;   // a host name
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("bad address in newsroom.webhooks.allowed-hosts: " + entry);
            }
            int bits = bytes.length * 8;
            if (prefix < 0) {
                prefix = bits;
            }
            if (prefix > bits) {
                throw new IllegalArgumentException("bad prefix in newsroom.webhooks.allowed-hosts: " + entry);
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
