package org.newsroom.notify.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.newsroom.notify.config.DeliveryConfig;
import org.newsroom.notify.messaging.DeliveryPublisher;
import org.newsroom.notify.messaging.DeliveryRecord;
import org.newsroom.notify.repository.DeliveryRepository;

import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The outbox relay of the fan-out: publishes every delivery whose {@code dispatched_at} is null to newsroom.deliveries
 * and marks it dispatched in the same transaction as it held the rows locked. A crash between the fan-out commit and
 * the publish leaves the rows undispatched, and the next run (on any replica, at start or every second) sends them;
 * a crash after publishing but before the mark sends them twice, which the workers' claim makes harmless.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    private final DeliveryRepository deliveries;
    private final DeliveryPublisher publisher;
    private final DeliveryConfig config;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();

    public DeliveryDispatcher(DeliveryRepository deliveries, DeliveryPublisher publisher, DeliveryConfig config) {
        this.deliveries = deliveries;
        this.publisher = publisher;
        this.config = config;
    }

    /** Asks for a run now (after a fan-out committed) without waiting for it. */
    public void wakeUp() {
        if (requested.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                requested.set(false);
                drain();
            });
        }
    }

    @Scheduled(every = "${newsroom.deliveries.dispatch-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        drain();
    }

    /** Publishes batches until nothing is left undispatched (or publishing fails; the next tick tries again). */
    public void drain() {
        if (stopping.get() || !running.tryLock()) {
            return;
        }
        try {
            DeliveryDispatcher self = Arc.container().instance(DeliveryDispatcher.class).get();
            int sent;
            do {
                sent = self.dispatchBatch();
            } while (sent >= config.dispatchBatch());
        } catch (RuntimeException e) {
            LOG.warnf("publishing deliveries to Kafka failed (%s); retrying on the next tick", e.getMessage());
        } finally {
            running.unlock();
        }
    }

    /** One batch: lock undispatched rows, publish them, mark them; all or nothing. */
    @Transactional
    public int dispatchBatch() {
        List<Object[]> rows = deliveries.lockUndispatched(config.dispatchBatch());
        if (rows.isEmpty()) {
            return 0;
        }
        List<DeliveryPublisher.Request> records = new ArrayList<>(rows.size());
        List<UUID> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            ids.add(id);
            records.add(new DeliveryPublisher.Request(new DeliveryRecord(id, (UUID) row[1]), (String) row[2]));
        }
        try {
            publisher.publish(records, Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the broker did not acknowledge the delivery records: " + e.getMessage(), e);
        }
        deliveries.markDispatched(ids);
        return rows.size();
    }

    void onShutdown(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping.set(true);
    }
}
