package org.newsroom.article.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.newsroom.article.domain.Article;
import org.newsroom.article.domain.ArticleRevision;
import org.newsroom.article.domain.ArticleStatus;
import org.newsroom.article.mapping.ArticleMapper;
import org.newsroom.article.repository.ArticleRepository;
import org.newsroom.article.repository.ArticleRevisionRepository;
import org.newsroom.article.search.service.SearchIndexer;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.article.ArticleSubmitted;
import org.newsroom.contracts.article.Submission;

/**
 * Applies {@code news.article.submitted} events in a database transaction (one, or a batch of them), idempotently.
 * <ul>
 * <li>An event whose CloudEvent id was stored before changes nothing (unique {@code article_revision.event_id}).</li>
 * <li>Revisions are numbered 1, 2, 3... in the order they are stored; the event's own {@code revision} (what
 * ingest-service expected) is kept as {@code submitted_revision} but never causes a submission to be dropped.</li>
 * <li>A new revision of an article that is not yet published becomes its current content and puts it (back) to
 * {@code submitted}: an approved or rejected story is reviewed again.</li>
 * <li>A submission for an article already published (a PUT that raced with the publication) is stored as
 * the article's <em>pending revision</em>: the published article, its status and its content stay as they are, and
 * editors and the author see {@code pendingRevision} until an editor adopts it with a correction.</li>
 * <li>A new story (event revision 1) whose id names an article that exists is stored as an article of its own under
 * an id derived from its event id: a story is never overwritten by another submission (ingest-service names new
 * stories by reporter, Idempotency-Key and content, so this happens only to records written before it did).</li>
 * </ul>
 */
@ApplicationScoped
public class SubmissionStore {

    @Inject
    ArticleRepository articles;

    @Inject
    ArticleRevisionRepository revisions;

    @Inject
    ArticleMapper mapper;

    @Inject
    Event<ArticleChanged> changed;

    @Inject
    SearchIndexer searchIndexer;

    /** One submission of a batch: its CloudEvent attributes and its event. */
    public record Submitted(CloudEventAttributes attributes, ArticleSubmitted event) {
    }

    @Transactional
    public StoreOutcome store(CloudEventAttributes attributes, ArticleSubmitted event) {
        return apply(attributes, event);
    }

    /**
     * Applies a batch of events, in order, in one transaction (one commit for the batch instead of one per story);
     * if any of them fails, nothing of the batch is stored and the caller stores them one by one.
     */
    @Transactional
    public List<StoreOutcome> storeAll(List<Submitted> batch) {
        List<StoreOutcome> outcomes = new ArrayList<>(batch.size());
        for (Submitted submitted : batch) {
            outcomes.add(apply(submitted.attributes(), submitted.event()));
        }
        return outcomes;
    }

    private StoreOutcome apply(CloudEventAttributes attributes, ArticleSubmitted event) {
        if (revisions.existsByEventId(attributes.id())) {
            return StoreOutcome.DUPLICATE;
        }
        Submission content = event.submission().withDefaults();
        Instant receivedAt = event.receivedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        UUID articleId = event.id();
        Optional<Article> existing = articles.findForUpdate(articleId);
        boolean rehomed = existing.isPresent() && event.revision() == 1;
        if (rehomed) {
            articleId = Ids.nameBased("rehomed-submission", attributes.id());
            existing = Optional.empty();
        }
        StoreOutcome outcome;
        int number;
        if (existing.isEmpty()) {
            Article article = new Article();
            article.id = articleId;
            article.revision = 1;
            article.status = ArticleStatus.SUBMITTED;
            mapper.applyContent(article, content);
            article.format = ArticleMapper.toWire(event.format());
            article.original = event.original() == null ? null : ArticleMapper.json(event.original());
            article.submittedBy = event.submittedBy();
            article.submittedAt = receivedAt;
            article.updatedAt = receivedAt;
            articles.persist(article);
            number = 1;
            outcome = rehomed ? StoreOutcome.REHOMED : StoreOutcome.CREATED;
        } else {
            Article article = existing.get();
            number = revisions.maxNumber(article.id) + 1;
            if (article.status.wasPublished()) {
                article.pendingRevision = number;
                outcome = StoreOutcome.STORED_AFTER_PUBLICATION;
            } else {
                mapper.applyContent(article, content);
                article.format = ArticleMapper.toWire(event.format());
                article.original = event.original() == null ? null : ArticleMapper.json(event.original());
                article.revision = number;
                article.status = ArticleStatus.SUBMITTED;
                article.updatedAt = receivedAt;
                outcome = StoreOutcome.REVISED;
            }
        }
        ArticleRevision revision = new ArticleRevision();
        revision.articleId = articleId;
        revision.number = number;
        revision.eventId = attributes.id();
        revision.kind = ArticleRevision.KIND_SUBMISSION;
        revision.content = ArticleMapper.json(content);
        revision.format = ArticleMapper.toWire(event.format());
        revision.original = event.original() == null ? null : ArticleMapper.json(event.original());
        revision.submittedRevision = event.revision();
        revision.author = event.submittedBy();
        revision.createdAt = receivedAt;
        revisions.persist(revision);
        // Surface constraint violations here, inside the method, rather than at commit.
        revisions.flush();
        if (outcome != StoreOutcome.STORED_AFTER_PUBLICATION) {
            // reader extras: the search index follows every content change, in this transaction
            searchIndexer.index(articles.findById(articleId));
        }
        return outcome;
    }
}
