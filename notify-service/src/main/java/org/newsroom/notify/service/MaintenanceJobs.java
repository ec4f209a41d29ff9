package org.newsroom.notify.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.newsroom.notify.config.WebhookConfig;
import org.newsroom.notify.repository.DeliveryRepository;

import io.quarkus.scheduler.Scheduled;

/** Periodic housekeeping: re-verifying pending webhooks and refreshing the pending-deliveries gauge. */
@ApplicationScoped
public class MaintenanceJobs {

    private static final Logger LOG = Logger.getLogger(MaintenanceJobs.class);

    private final SubscriptionService subscriptions;
    private final DeliveryRepository deliveries;
    private final NotifyMetrics metrics;
    private final WebhookConfig webhooks;

    public MaintenanceJobs(SubscriptionService subscriptions, DeliveryRepository deliveries, NotifyMetrics metrics,
            WebhookConfig webhooks) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.metrics = metrics;
        this.webhooks = webhooks;
    }

    @Scheduled(every = "${newsroom.webhooks.reverify-interval:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reverify() {
        if (stopping) {
            return;
        }
        try {
            int queued = subscriptions.reverifyPending(webhooks.reverifyFor(), 200, Math.max(1, webhooks.verifyPerHost()));
            if (queued > 0) {
                LOG.debugf("%d pending webhook subscriptions queued for re-verification", queued);
            }
        } catch (RuntimeException e) {
            LOG.warnf("re-verification of pending webhooks failed: %s", e.getMessage());
        }
    }

    private volatile boolean stopping;

    void onShutdown(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "10s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pendingGauge() {
        if (stopping) {
            return;
        }
        try {
            metrics.setPending(deliveries.countPending());
        } catch (RuntimeException e) {
            LOG.debugf("counting pending deliveries failed: %s", e.getMessage());
        }
    }
}
