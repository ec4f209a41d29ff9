package org.newsroom.notify.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Limits of the anonymous subscription endpoint: rate limits per client and per target, confirmation mails. */
@ConfigMapping(prefix = "newsroom.notify.abuse")
public interface AbuseConfig {

    /** Whether subscription creation is rate limited (429 with Retry-After beyond the limits). */
    @WithDefault("true")
    boolean rateLimitEnabled();

    /** Subscription requests one client address may make in a burst (its bucket refills within {@code per-client-period}). */
    @WithDefault("50")
    int perClientCapacity();

    /** Time in which a client address's bucket of {@code per-client-capacity} requests refills completely. */
    @WithDefault("1h")
    Duration perClientPeriod();

    /** Subscription requests for one target (an e-mail address, a webhook host) in a burst. */
    @WithDefault("20")
    int perTargetCapacity();

    /** Time in which a target's bucket of {@code per-target-capacity} requests refills completely. */
    @WithDefault("1h")
    Duration perTargetPeriod();

    /**
     * Request header set by a trusted reverse proxy that carries the client address (e.g. {@code X-Forwarded-For}: its
     * last entry is used). Unset: the TCP peer address is the client address and such headers are ignored.
     */
    @WithName("client-address-header")
    Optional<String> clientAddressHeader();

    /** At most one confirmation mail per e-mail address within this window (re-subscribing and /verify included). */
    @WithDefault("1h")
    Duration confirmationMailWindow();
}
