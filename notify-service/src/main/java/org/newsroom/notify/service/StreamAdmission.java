package org.newsroom.notify.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.common.problem.ProblemException;
import org.newsroom.notify.config.AlertConfig;

/**
 * Caps the live stream's connections, in all ({@code max-clients}, 503 beyond) and per client address
 * ({@code max-clients-per-address}, 429 beyond), both with Retry-After, so that one client cannot hold every slot.
 */
@ApplicationScoped
public class StreamAdmission {

    private final AlertConfig config;
    private final NotifyMetrics metrics;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    public StreamAdmission(AlertConfig config, NotifyMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Admits one connection of {@code address}; run the returned action exactly once when it ends.
     *
     * @throws ProblemException 503 when the instance is full, 429 when this address holds its share
     */
    public Runnable admit(String address) {
        String key = address == null ? "unknown" : address;
        int retryAfter = (int) Math.max(1, config.refusedRetryAfter().toSeconds());
        if (total.incrementAndGet() > Math.max(1, config.maxClients())) {
            total.decrementAndGet();
            metrics.streamRefused("instance");
            throw ProblemException.unavailable("The live stream has as many clients as it serves; try again later",
                    retryAfter);
        }
        boolean[] admitted = { false };
        perAddress.compute(key, (k, count) -> {
            AtomicInteger current = count == null ? new AtomicInteger() : count;
            if (current.get() < Math.max(1, config.maxClientsPerAddress())) {
                current.incrementAndGet();
                admitted[0] = true;
            }
            return current.get() == 0 ? null : current;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            metrics.streamRefused("address");
            throw ProblemException.tooManyRequests("Too many live-stream connections from this address", retryAfter);
        }
        AtomicInteger released = new AtomicInteger();
        return () -> {
            if (released.getAndIncrement() == 0) {
                perAddress.computeIfPresent(key, (k, count) -> count.decrementAndGet() <= 0 ? null : count);
                total.decrementAndGet();
            }
        };
    }
}
