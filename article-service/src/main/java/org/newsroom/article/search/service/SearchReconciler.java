package org.newsroom.article.search.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.newsroom.article.domain.Article;
import org.newsroom.article.repository.ArticleRepository;
import org.newsroom.article.search.config.SearchConfig;
import org.newsroom.article.search.repository.SearchIndexRepository;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Safety net of the search index: now and then re-indexes articles whose index row is missing or behind their
 * current revision (written by a path that did not call {@link SearchIndexer}, or before the index existed, e.g.
 * right after the migration that created it). Normal writes index in their own transaction and never wait for this.
 */
@ApplicationScoped
public class SearchReconciler {

    private static final Logger LOG = Logger.getLogger(SearchReconciler.class);

    @Inject
    SearchIndexRepository index;

    @Inject
    ArticleRepository articles;

    @Inject
    SearchIndexer indexer;

    @Inject
    SearchConfig config;

    @Inject
    MeterRegistry registry;

    @Scheduled(every = "${newsroom.search.reconcile-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            int done = reconcile();
            if (done > 0) {
                LOG.infof("re-indexed %d article(s) whose search index row was missing or stale", done);
            }
        } catch (RuntimeException e) {
            // the database may be away; the next run tries again
            LOG.warnf("search index reconciliation failed: %s", e.getMessage());
        }
    }

    /** Re-indexes up to one batch of stale articles; returns how many. */
    @Transactional
    public int reconcile() {
        List<UUID> stale = index.stale(config.reconcileBatchSize());
        for (UUID id : stale) {
            Article article = articles.findById(id);
            if (article != null) {
                indexer.index(article);
            }
        }
        if (!stale.isEmpty()) {
            registry.counter("newsroom.article.search.reindexed").increment(stale.size());
        }
        return stale.size();
    }
}
