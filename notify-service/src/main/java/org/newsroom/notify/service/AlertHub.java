package org.newsroom.notify.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.newsroom.notify.config.AlertConfig;
import org.newsroom.notify.domain.Alert;
import org.newsroom.notify.repository.AlertRepository;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The single in-memory broadcast of alerts to every live-stream client of this instance. Fed once per alert: by the
 * local fan-out right after its commit, and by one poll per instance of the durable alert log (which also brings the
 * alerts other replicas wrote). Also sends the shared heartbeat.
 */
@ApplicationScoped
public class AlertHub {

    private static final Logger LOG = Logger.getLogger(AlertHub.class);

    /** One alert as streamed: its sequence number (the SSE id) and the webhook payload. */
    public record AlertEvent(long seq, String payload) {
    }

    /** A stream client. Calls come from one thread at a time per kind but may interleave; implementations synchronise. */
    public interface Listener {
        void alert(AlertEvent event);

        void heartbeat();
    }

    private final AlertRepository alerts;
    private final AlertConfig config;
    private final CopyOnWriteArraySet<Listener> listeners = new CopyOnWriteArraySet<>();
    private final ReentrantLock polling = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile long lastSeq = -1;

    public AlertHub(AlertRepository alerts, AlertConfig config) {
        this.alerts = alerts;
        this.config = config;
    }

    /** Registers a client; run the returned action to unregister it. */
    public Runnable subscribe(Listener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public int clients() {
        return listeners.size();
    }

    /**
     * At most {@code replay-limit} alerts after {@code seq} from the durable log, oldest first (Last-Event-ID replay),
     * read with one bounded query.
     */
    public List<AlertEvent> replay(long seq) {
        int limit = replayLimit();
        return alerts.after(seq, limit).stream().map(a -> new AlertEvent(a.seq, a.payload)).toList();
    }

    /** The most alerts one replay returns. */
    public int replayLimit() {
        return Math.max(1, config.replayLimit());
    }

    /** Looks for new alerts now (after a local fan-out committed). */
    public void wakeUp() {
        Infrastructure.getDefaultWorkerPool().execute(this::fetchNew);
    }

    @Scheduled(every = "${newsroom.alerts.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        fetchNew();
    }

    @Scheduled(every = "${newsroom.alerts.heartbeat-interval:15s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        for (Listener listener : listeners) {
            listener.heartbeat();
        }
    }

    void fetchNew() {
        if (stopping.get()) {
            return;
        }
        again.set(true);
        while (again.get() && polling.tryLock()) {
            try {
                again.set(false);
                if (lastSeq < 0) {
                    lastSeq = alerts.maxSeq();
                    continue;
                }
                long from = lastSeq;
                List<Alert> fresh = alerts.after(from, 500);
                for (Alert alert : fresh) {
                    AlertEvent event = new AlertEvent(alert.seq, alert.payload);
                    for (Listener listener : listeners) {
                        try {
                            listener.alert(event);
                        } catch (RuntimeException e) {
                            LOG.debugf("a stream client failed: %s", e.getMessage());
                        }
                    }
                    lastSeq = alert.seq;
                }
                if (fresh.size() == 500) {
                    again.set(true);
                }
            } catch (RuntimeException e) {
                LOG.warnf("reading the alert log failed: %s", e.getMessage());
            } finally {
                polling.unlock();
            }
        }
    }

    void onShutdown(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping.set(true);
    }
}
