package org.newsroom.notify.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of outbound webhook calls: the SSRF allow-list, timeouts and re-verification of pending endpoints. */
@ConfigMapping(prefix = "newsroom.webhooks")
public interface WebhookConfig {

    /**
     * IP addresses and CIDR ranges (comma-separated) that endpoints may use although they are loopback, private or
     * otherwise non-public. A host name in the list opens nothing by itself: the addresses it resolves to must be
     * public or listed. Empty in production; the local stack and tests allow 127.0.0.1 and ::1.
     */
    Optional<List<String>> allowedHosts();

    /**
     * The network's own NAT64 prefixes (RFC 6052 network-specific prefixes, IPv6 CIDRs of 32 to 96 bits): an address
     * under one is judged by the IPv4 address it embeds, like 64:ff9b::/96.
     */
    Optional<List<String>> nat64Prefixes();

    /** Whether plain {@code http} endpoints are accepted; false in production (https only), true in dev and tests. */
    @WithDefault("false")
    boolean allowHttp();

    /** Time allowed to open a TCP (and TLS) connection to a subscriber's endpoint. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** Time allowed for the endpoint's answer once connected (also the idle timeout between packets). */
    @WithDefault("10s")
    Duration readTimeout();

    /** How often pending webhook subscriptions are verified again (intent verification). */
    @WithDefault("15m")
    String reverifyInterval();

    /** How long after subscribing a pending webhook subscription keeps being re-verified automatically. */
    @WithDefault("24h")
    Duration reverifyFor();

    /** Background workers running intent verifications (the POST never waits for the endpoint). */
    @WithDefault("4")
    int verifyWorkers();

    /** Verifications waiting for a worker; beyond it a verification is left to the scheduled re-verification. */
    @WithDefault("200")
    int verifyQueue();

    /** Intent verifications of one host running at once; more wait for the scheduled re-verification. */
    @WithDefault("2")
    int verifyPerHost();

    /** Time allowed for an intent-verification GET as a whole (connect and answer). */
    @WithDefault("5s")
    Duration verifyTimeout();

    /** First delay before a failed verification is tried again; it doubles per failure. */
    @WithDefault("15m")
    Duration reverifyInitialDelay();

    /** Longest delay between two re-verifications of one pending webhook. */
    @WithDefault("6h")
    Duration reverifyMaxDelay();
}
