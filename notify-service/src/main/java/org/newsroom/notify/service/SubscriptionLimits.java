package org.newsroom.notify.service;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.common.problem.ProblemException;
import org.newsroom.common.ratelimit.KeyedRateLimiter;
import org.newsroom.notify.config.AbuseConfig;
import org.newsroom.notify.domain.Channel;

/** Rate limits of subscription creation (shared Bucket4j limiter): per client address and per target. */
@ApplicationScoped
public class SubscriptionLimits {

    private final KeyedRateLimiter perClient;
    private final KeyedRateLimiter perTarget;
    private final NotifyMetrics metrics;

    public SubscriptionLimits(AbuseConfig config, NotifyMetrics metrics) {
        this.perClient = new KeyedRateLimiter(config.rateLimitEnabled(), config.perClientCapacity(),
                config.perClientPeriod());
        this.perTarget = new KeyedRateLimiter(config.rateLimitEnabled(), config.perTargetCapacity(),
                config.perTargetPeriod());
        this.metrics = metrics;
    }

    /** @throws ProblemException 429 when this client address has made too many subscription requests */
    public void client(String address) {
        try {
            perClient.acquire(address == null ? "unknown" : address, "subscription requests from this address");
        } catch (ProblemException e) {
            metrics.rateLimited("client");
            throw e;
        }
    }

    /** @throws ProblemException 429 when this e-mail address or webhook host was the target of too many requests */
    public void target(Channel channel, String target) {
        try {
            perTarget.acquire(channel.value() + ":" + target.toLowerCase(Locale.ROOT),
                    channel == Channel.EMAIL ? "subscription requests for this address"
                            : "subscription requests for this host");
        } catch (ProblemException e) {
            metrics.rateLimited("target");
            throw e;
        }
    }
}
