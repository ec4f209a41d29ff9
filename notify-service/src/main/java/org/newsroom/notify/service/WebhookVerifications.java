package org.newsroom.notify.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;
import org.newsroom.notify.config.WebhookConfig;
import org.newsroom.notify.domain.Subscription;
import org.newsroom.notify.domain.SubscriptionStatus;
import org.newsroom.notify.repository.SubscriptionRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Webhook intent verifications in a bounded pool of background workers (a managed executor with
 * {@code verify-workers} threads and a {@code verify-queue} queue), at most {@code verify-per-host} per host at once,
 * each with the short {@code verify-timeout}: a slow or silent endpoint holds one worker for a few seconds and delays
 * nobody else. A verification that finds no room is left to the scheduled re-verification.
 */
@ApplicationScoped
public class WebhookVerifications {

    private static final Logger LOG = Logger.getLogger(WebhookVerifications.class);

    private final IntentVerifier verifier;
    private final SubscriptionRepository subscriptions;
    private final WebhookConfig config;
    private final NotifyMetrics metrics;
    private final ManagedExecutor executor;
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    public WebhookVerifications(IntentVerifier verifier, SubscriptionRepository subscriptions, WebhookConfig config,
            NotifyMetrics metrics) {
        this.verifier = verifier;
        this.subscriptions = subscriptions;
        this.config = config;
        this.metrics = metrics;
        this.executor = ManagedExecutor.builder()
                .maxAsync(Math.max(1, config.verifyWorkers()))
                .maxQueued(Math.max(1, config.verifyQueue()))
                .propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING)
                .build();
    }

    /** Queues the verification of a pending webhook; false when its host or the queue is full (it is retried later). */
    public boolean submit(UUID id, String host) {
        if (!reserve(host)) {
            metrics.verification("deferred");
            return false;
        }
        try {
            executor.runAsync(() -> {
                try {
                    run(id);
                } catch (RuntimeException e) {
                    LOG.warnf("intent verification of subscription %s failed: %s", id, e.getMessage());
                } finally {
                    release(host);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            release(host);
            metrics.verification("deferred");
            return false;
        }
    }

    private boolean reserve(String host) {
        int limit = Math.max(1, config.verifyPerHost());
        boolean[] reserved = { false };
        inFlight.compute(host, (h, n) -> {
            int current = n == null ? 0 : n;
            if (current >= limit) {
                return n;
            }
            reserved[0] = true;
            return current + 1;
        });
        return reserved[0];
    }

    private void release(String host) {
        inFlight.computeIfPresent(host, (h, n) -> n <= 1 ? null : n - 1);
    }

    private void run(UUID id) {
        Subscription subscription = QuarkusTransaction.requiringNew().call(() -> subscriptions.findById(id));
        if (subscription == null || subscription.status != SubscriptionStatus.PENDING) {
            return;
        }
        long timeout = Math.max(100, config.verifyTimeout().toMillis());
        IntentVerifier.Verification verification = verifier.verify(subscription.endpoint,
                Math.min(timeout, config.connectTimeout().toMillis()), timeout);
        metrics.verification(verification.passed() ? "passed" : "failed");
        QuarkusTransaction.requiringNew().run(() -> {
            Subscription stored = subscriptions.findById(id);
            if (stored == null || stored.status != SubscriptionStatus.PENDING) {
                return;
            }
            OffsetDateTime now = SubscriptionService.now();
            stored.updatedAt = now;
            if (verification.passed()) {
                stored.status = SubscriptionStatus.ACTIVE;
                stored.verifiedAt = now;
                stored.statusReason = null;
                stored.nextVerifyAt = null;
            } else {
                stored.verifyAttempts++;
                stored.statusReason = "intent verification failed: " + verification.reason();
                stored.nextVerifyAt = now.plus(delayAfter(stored.verifyAttempts));
            }
        });
    }

    /** Exponential backoff of re-verification: initial delay doubled per failure, capped. */
    Duration delayAfter(int failures) {
        long initial = config.reverifyInitialDelay().toMillis();
        long max = config.reverifyMaxDelay().toMillis();
        double delay = initial * Math.pow(2, Math.max(0, Math.min(30, failures - 1)));
        return Duration.ofMillis((long) Math.min(delay, max));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
