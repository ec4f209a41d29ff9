package org.newsroom.notify.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.newsroom.common.tracing.TraceParents;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.issue.IssuePublished;
import org.newsroom.notify.config.DeliveryConfig;
import org.newsroom.notify.domain.Channel;
import org.newsroom.notify.domain.DeliveryStatus;
import org.newsroom.notify.mapping.MailComposer;

import com.fasterxml.jackson.databind.JsonNode;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpMethod;

/**
 * Performs deliveries: the first attempt of each delivery arrives through newsroom.deliveries (any replica), retries
 * come from the database poller. Bounded by a global limit and a per-host limit (a busy host's deliveries are deferred
 * to the poller instead of blocking a thread), each attempt under a lease so that only one worker sends at a time.
 * Retries run on a pool of their own, sized {@code newsroom.deliveries.max-concurrency}: a hand-made pool because its
 * size is the delivery concurrency limit, and slow endpoints held there must not take Quarkus's shared worker
 * threads from the REST endpoints and consumers.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    private static final int MAX_ANSWER_BYTES = 4096;
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);
    private static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");

    private final DeliveryStore store;
    private final DeliveryConfig config;
    private final EndpointGuard guard;
    private final WebhookClient client;
    private final SecretCipher cipher;
    private final Tracer tracer;
    private final MailComposer composer;
    private final NotifyMetrics metrics;
    private final Semaphore global;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();

    public DeliveryWorker(DeliveryStore store, DeliveryConfig config, EndpointGuard guard, WebhookClient client,
            SecretCipher cipher, Tracer tracer, MailComposer composer, NotifyMetrics metrics) {
        this.store = store;
        this.config = config;
        this.guard = guard;
        this.client = client;
        this.cipher = cipher;
        this.tracer = tracer;
        this.composer = composer;
        this.metrics = metrics;
        this.global = new Semaphore(config.maxConcurrency(), true);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(config.maxConcurrency(), runnable -> {
            Thread thread = new Thread(runnable, "delivery-retry-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Kafka path: the first attempt of one delivery (no-op when it was already claimed or made). */
    public void deliverFirst(UUID deliveryId) {
        store.claimFirst(deliveryId).ifPresent(this::attempt);
    }

    /** The retry poller: claims due deliveries (as many as there is room for) and runs them on the retry pool. */
    @Scheduled(every = "${newsroom.deliveries.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (stopping.get()) {
            return;
        }
        for (int round = 0; round < 20; round++) {
            int room = Math.min(config.pollBatch(), config.maxConcurrency() - queued.get());
            if (room <= 0) {
                return;
            }
            List<DeliveryJob> jobs = store.claimDue(room);
            for (DeliveryJob job : jobs) {
                queued.incrementAndGet();
                pool.execute(() -> {
                    try {
                        attempt(job);
                    } finally {
                        queued.decrementAndGet();
                    }
                });
            }
            if (jobs.size() < room) {
                return;
            }
        }
    }

    /**
     * Runs one claimed attempt within the concurrency limits, in a span of the issue's trace: a child of the current
     * span (the newsroom.deliveries consumer span of a first attempt), else of the span stored with the alert (retries
     * from the database).
     */
    void attempt(DeliveryJob job) {
        Context parent = Span.current().getSpanContext().isValid() ? Context.current()
                : TraceParents.context(job.traceparent());
        Span span = tracer.spanBuilder("notify delivery " + job.channel().value()).setParent(parent)
                .setAttribute("newsroom.delivery.id", job.deliveryId().toString())
                .setAttribute("newsroom.subscription.id", job.subscriptionId().toString())
                .setAttribute("newsroom.issue.id", String.valueOf(job.issueId()))
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            attemptWithinLimits(job);
        } finally {
            span.end();
        }
    }

    private void attemptWithinLimits(DeliveryJob job) {
        String hostKey = job.hostKey();
        Semaphore host = hosts.computeIfAbsent(hostKey, key -> new Semaphore(config.perHostConcurrency()));
        boolean gotHost;
        try {
            gotHost = host.tryAcquire(config.hostPermitWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!gotHost) {
            long delay = ThreadLocalRandom.current().nextLong(config.hostBusyDelay().toMillis() / 2,
                    config.hostBusyDelay().toMillis() + 1);
            store.defer(job, delay);
            metrics.attempt(job.channel().value(), "deferred");
            return;
        }
        try {
            global.acquire();
            try {
                AttemptResult result = job.channel() == Channel.WEBHOOK ? sendWebhook(job) : sendMail(job);
                RecordedOutcome outcome = store.record(job, result);
                Span.current().setAttribute("newsroom.delivery.outcome", outcome.outcome());
                metrics.attempt(job.channel().value(), outcome.outcome());
                if (outcome.changed() && outcome.status() != DeliveryStatus.PENDING) {
                    metrics.deliveryEnded(job.channel().value(), outcome.outcome());
                }
                if (result.kind() == AttemptResult.Kind.DELIVERED && outcome.changed()) {
                    metrics.latency(job.channel().value(), job.publishedAt(), result.finishedAt());
                }
            } finally {
                global.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The lease expires and the poller tries again; the attempt's fate is unknown, so nothing is recorded.
            LOG.warnf("delivery %s: attempt could not be completed (%s); it will be retried after the lease",
                    job.deliveryId(), e.getClass().getSimpleName());
        } finally {
            host.release();
            if (host.availablePermits() == config.perHostConcurrency()) {
                hosts.remove(hostKey, host);
            }
        }
    }

    AttemptResult sendWebhook(DeliveryJob job) {
        OffsetDateTime started = now();
        EndpointGuard.Checked target;
        try {
            target = guard.check(job.endpoint());
        } catch (EndpointRejectedException e) {
            return new AttemptResult(AttemptResult.Kind.RETRY, null, null, "refused by the SSRF guard: " + e.getMessage(),
                    null, started, now());
        }
        long timestamp = Instant.now().getEpochSecond();
        String secret = cipher.open(job.sealedSecret());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("webhook-id", job.webhookId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSigner.sign(secret, job.webhookId(), timestamp, job.payload()));
        Span post = tracer.spanBuilder("POST").setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "POST")
                .setAttribute("server.address", target.host())
                .setAttribute("server.port", (long) target.port())
                .startSpan();
        // the subscriber's server continues the trace (W3C traceparent of this client span)
        W3CTraceContextPropagator.getInstance().inject(Context.current().with(post), headers, Map::put);
        try (Scope scope = post.makeCurrent()) {
            WebhookClient.Answer answer = client.send(target, HttpMethod.POST, headers, job.payload(), MAX_ANSWER_BYTES);
            OffsetDateTime finished = now();
            post.setAttribute(HTTP_STATUS, (long) answer.status());
            if (answer.is2xx()) {
                return new AttemptResult(AttemptResult.Kind.DELIVERED, answer.status(), null, null, null, started, finished);
            }
            post.setStatus(StatusCode.ERROR);
            if (answer.status() == 410) {
                return new AttemptResult(AttemptResult.Kind.GONE, 410, null, null, null, started, finished);
            }
            return new AttemptResult(AttemptResult.Kind.RETRY, answer.status(), null, null,
                    Backoff.parseRetryAfter(answer.retryAfter(), finished), started, finished);
        } catch (TimeoutException e) {
            post.setStatus(StatusCode.ERROR, "timed out");
            return new AttemptResult(AttemptResult.Kind.RETRY, null, null, "timed out", null, started, now());
        } catch (Exception e) {
            post.setStatus(StatusCode.ERROR, describe(e));
            return new AttemptResult(AttemptResult.Kind.RETRY, null, null, describe(e), null, started, now());
        } finally {
            post.end();
        }
    }

    AttemptResult sendMail(DeliveryJob job) {
        OffsetDateTime started = now();
        IssuePublished issue;
        try {
            JsonNode payload = EventJson.mapper().readTree(job.payload());
            issue = EventJson.mapper().treeToValue(payload.get("data"), IssuePublished.class);
        } catch (Exception e) {
            return new AttemptResult(AttemptResult.Kind.PERMANENT, null, null, "the alert cannot be rendered", null,
                    started, now());
        }
        try {
            // rendered and sent by the Mailer's template; this worker thread waits for the relay's answer
            composer.alert(job.endpoint(), issue, job.sections(), cipher.open(job.sealedUnsubscribeToken()))
                    .send().await().atMost(MAIL_TIMEOUT);
            return new AttemptResult(AttemptResult.Kind.DELIVERED, null, "250 accepted by the relay", null, null,
                    started, now());
        } catch (RuntimeException e) {
            String reply = describe(e);
            boolean permanent = reply.matches(".*\\b5[0-9]{2}[ -].*");
            return new AttemptResult(permanent ? AttemptResult.Kind.PERMANENT : AttemptResult.Kind.RETRY, null, reply,
                    null, null, started, now());
        }
    }

    /** A human-readable reason without class names (it is shown in the subscriber's delivery log). */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        String kind;
        if (root instanceof java.net.ConnectException || root instanceof io.netty.channel.ConnectTimeoutException) {
            kind = "could not connect";
        } else if (root instanceof javax.net.ssl.SSLException) {
            kind = "TLS error";
        } else if (root instanceof TimeoutException || root instanceof io.netty.handler.timeout.TimeoutException) {
            kind = "timed out";
        } else {
            kind = "error";
        }
        return message.isBlank() ? kind : kind + ": " + message.replaceAll("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+\\.[A-Z][A-Za-z0-9_$]*:? ?", "");
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    void onShutdown(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping.set(true);
    }

    @PreDestroy
    void stop() {
        stopping.set(true);
        pool.shutdown();
    }
}
