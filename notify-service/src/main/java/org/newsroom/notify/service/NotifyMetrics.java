package org.newsroom.notify.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The business metrics of notify-service: {@code newsroom_notify_deliveries_total{channel,outcome}},
 * {@code newsroom_notify_delivery_attempts_total{channel,result}}, the publish-to-delivery latency histogram
 * {@code newsroom_notify_delivery_latency_seconds}, and gauges of pending deliveries and stream clients.
 */
@ApplicationScoped
public class NotifyMetrics {

    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong streamClients = new AtomicLong();

    public NotifyMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("newsroom.notify.deliveries.pending", pending);
        registry.gauge("newsroom.notify.stream.clients", streamClients);
    }

    /** A delivery reached an end state: delivered, failed, gone (410) or cancelled. */
    public void deliveryEnded(String channel, String outcome) {
        Counter.builder("newsroom.notify.deliveries").description("Deliveries that reached an end state")
                .tag("channel", channel).tag("outcome", outcome).register(registry).increment();
    }

    /** One attempt and its result (delivered, retry, failed, gone, deferred). */
    public void attempt(String channel, String result) {
        Counter.builder("newsroom.notify.delivery.attempts").description("Delivery attempts")
                .tag("channel", channel).tag("result", result).register(registry).increment();
    }

    /** Time from the publishedAt to the successful attempt. */
    public void latency(String channel, OffsetDateTime publishedAt, OffsetDateTime deliveredAt) {
        if (publishedAt == null || deliveredAt == null) {
            return;
        }
        Duration latency = Duration.between(publishedAt, deliveredAt);
        Timer.builder("newsroom.notify.delivery.latency")
                .description("From the issue's publishedAt to its successful delivery")
                .tag("channel", channel)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofDays(1))
                .register(registry)
                .record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void events(String result) {
        Counter.builder("newsroom.notify.events").description("news.issue.published events consumed")
                .tag("result", result).register(registry).increment();
    }

    /** A subscription request refused with 429 ({@code limit}: client or target). */
    public void rateLimited(String limit) {
        Counter.builder("newsroom.notify.subscriptions.rate.limited").description("Subscription requests refused with 429")
                .tag("limit", limit).register(registry).increment();
    }

    /** A live-stream connection refused ({@code cap}: instance (503) or address (429)). */
    public void streamRefused(String cap) {
        Counter.builder("newsroom.notify.stream.refused").description("Live-stream connections refused by a cap")
                .tag("cap", cap).register(registry).increment();
    }

    /** An intent verification ended ({@code result}: passed, failed, deferred). */
    public void verification(String result) {
        Counter.builder("newsroom.notify.verifications").description("Webhook intent verifications")
                .tag("result", result).register(registry).increment();
    }

    public void setPending(long value) {
        pending.set(value);
    }

    public AtomicLong streamClients() {
        return streamClients;
    }
}
