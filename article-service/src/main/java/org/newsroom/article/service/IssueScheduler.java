package org.newsroom.article.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.newsroom.article.config.IssuesConfig;

import io.quarkus.scheduler.Scheduled;

/**
 * Publishes scheduled issues when their {@code publish_at} has come. The schedule lives in the database, so it
 * survives restarts; {@code FOR UPDATE SKIP LOCKED} lets several replicas poll without publishing an issue twice.
 */
@ApplicationScoped
public class IssueScheduler {

    private static final Logger LOG = Logger.getLogger(IssueScheduler.class);
    private static final int MAX_PER_RUN = 20;

    @Inject
    IssueService issues;

    @Inject
    IssuesConfig config;

    private volatile String lastFailure;

    @Scheduled(identity = "issue-scheduler", every = "${newsroom.issues.scheduler-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (!config.schedulerEnabled()) {
            return;
        }
        try {
            int handled = 0;
            while (handled < MAX_PER_RUN && issues.publishNextDue()) { // one issue per transaction
                handled++;
            }
            lastFailure = null;
        } catch (RuntimeException e) {
            String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!failure.equals(lastFailure)) {
                LOG.warnf("issue scheduler: %s; will retry", failure);
            }
            lastFailure = failure;
        }
    }
}
