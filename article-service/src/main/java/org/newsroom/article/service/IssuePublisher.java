package org.newsroom.article.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.newsroom.article.config.OutboxConfig;
import org.newsroom.article.domain.Article;
import org.newsroom.article.domain.ArticleStatus;
import org.newsroom.article.domain.Issue;
import org.newsroom.article.domain.IssueLayout;
import org.newsroom.article.domain.IssueStatus;
import org.newsroom.article.domain.OutboxEvent;
import org.newsroom.article.domain.Photo;
import org.newsroom.article.mapping.ArticleMapper;
import org.newsroom.article.mapping.IssueMapper;
import org.newsroom.article.repository.ArticleRepository;
import org.newsroom.article.repository.OutboxRepository;
import org.newsroom.common.problem.Problem;
import org.newsroom.common.tracing.TraceParents;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.Topics;
import org.newsroom.contracts.issue.IssuePublished;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * The checks before publication and publication itself. Publishing marks the issue and every article in it
 * published (with its issue placement) and writes the {@code news.issue.published} outbox row, all in the caller's
 * transaction: either everything happens or nothing does. Each listed article carries its lead photo as known at
 * that moment.
 */
@Startup
@ApplicationScoped
public class IssuePublisher {

    @Inject
    ArticleRepository articles;

    @Inject
    OutboxRepository outbox;

    @Inject
    IssueMapper issueMapper;

    @Inject
    ArticleMapper articleMapper;

    @Inject
    EditorialService editorial;

    @Inject
    OutboxConfig outboxConfig;

    @Inject
    Event<ArticleChanged> changed;

    @Inject
    Event<org.newsroom.article.messaging.OutboxWritten> outboxWritten;

    private final Counter published;

    @Inject
    public IssuePublisher(MeterRegistry registry) {
        published = Counter.builder("newsroom.article.issues.published").description("Issues published")
                .register(registry);
    }

    /**
     * Every reason the issue cannot be published (empty when it can): no pages, an empty page, a missing or
     * unapproved article, a teaser pointing at a page the issue lacks. Locks the placed articles.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Problem.FieldError> check(Issue issue) {
        List<Problem.FieldError> reasons = new ArrayList<>();
        List<IssueLayout.Page> pages = issueMapper.pages(issue);
        Map<UUID, Article> placed = lockArticles(issue);
        if (pages.isEmpty()) {
            reasons.add(new Problem.FieldError("pages", "the issue has no pages"));
        }
        Set<Integer> pageNumbers = new HashSet<>();
        for (int i = 0; i < pages.size(); i++) {
            IssueLayout.Page page = pages.get(i);
            pageNumbers.add(page.number());
            if (page.placements().isEmpty()) {
                reasons.add(new Problem.FieldError("pages[" + i + "].placements",
                        "page " + page.number() + " has no articles"));
            }
            for (int j = 0; j < page.placements().size(); j++) {
                UUID articleId = page.placements().get(j).articleId();
                String field = "pages[" + i + "].placements[" + j + "].articleId";
                Article article = placed.get(articleId);
                if (article == null) {
                    reasons.add(new Problem.FieldError(field, "article " + articleId + " (page " + page.number()
                            + ") does not exist"));
                } else if (article.status != ArticleStatus.APPROVED) {
                    reasons.add(new Problem.FieldError(field, "article " + articleId + " (page " + page.number()
                            + ") is " + article.status.wire() + ", not approved"));
                }
            }
        }
        List<IssueLayout.Teaser> teasers = issueMapper.teasers(issue);
        for (int k = 0; k < teasers.size(); k++) {
            IssueLayout.Teaser teaser = teasers.get(k);
            if (!pageNumbers.contains(teaser.page())) {
                reasons.add(new Problem.FieldError("teasers[" + k + "].page", "teaser \"" + teaser.headline()
                        + "\" points at page " + teaser.page() + ", which this issue lacks"));
            }
        }
        if (reasons.isEmpty()) {
            announcementTooLarge(issue, placed).ifPresent(reasons::add);
        }
        return reasons;
    }

    /**
     * The {@code news.issue.published} event of the issue at {@code now}, listing the placed articles that
     * {@code listed} admits, page by page.
     */
    private IssuePublished announcement(Issue issue, Map<UUID, Article> placed, Instant now,
            Predicate<Article> listed) {
        List<IssuePublished.Article> articles = new ArrayList<>();
        Map<UUID, Photo> photos = articleMapper.photosOf(placed.values());
        for (IssueLayout.Page page : issueMapper.pages(issue)) {
            for (IssueLayout.Placement placement : page.placements()) {
                Article article = placed.get(placement.articleId());
                if (article != null && listed.test(article)) {
                    articles.add(new IssuePublished.Article(article.id, article.headline, page.number(),
                            article.section, articleMapper.articleUrl(article.id), leadImage(article, photos)));
                }
            }
        }
        return new IssuePublished(issue.id, issue.masthead, issue.number, issue.date,
                now.atOffset(ZoneOffset.UTC), issue.distributionNote, articleMapper.issueUrl(issue.id),
                issueMapper.pages(issue).stream().map(p -> new IssuePublished.Page(p.number(), p.name())).toList(),
                articles,
                issueMapper.teasers(issue).stream()
                        .map(t -> new IssuePublished.Teaser(t.kicker(), t.headline(), t.page())).toList());
    }

    /** The article's lead photo as the announcement carries it, or null (no photo of the desk, or none known yet). */
    private IssuePublished.Image leadImage(Article article, Map<UUID, Photo> photos) {
        return ArticleMapper.leadImage(ArticleMapper.media(articleMapper.submission(article).media(), photos))
                .map(image -> new IssuePublished.Image(image.url(), image.width(), image.height(), image.caption(),
                        image.credit()))
                .orElse(null);
    }

    /** Bytes an outbox record needs besides its value: key, CloudEvents headers and framing (upper bound). */
    static final int ANNOUNCEMENT_OVERHEAD_BYTES = 2048;

    /**
     * Why the issue's announcement could not be carried by {@code newsroom.issues}, if so: measured with every placed
     * article listed (an upper bound, as embargoes may lift before a scheduled publication).
     */
    private Optional<Problem.FieldError> announcementTooLarge(Issue issue, Map<UUID, Article> placed) {
        int bytes = ArticleMapper.json(announcement(issue, placed, Instant.now(), article -> true))
                .getBytes(StandardCharsets.UTF_8).length;
        if (bytes + ANNOUNCEMENT_OVERHEAD_BYTES <= Topics.ISSUES_MAX_MESSAGE_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new Problem.FieldError("pages", "the issue's announcement would be " + bytes
                + " bytes, more than the " + Topics.ISSUES_MAX_MESSAGE_BYTES + " bytes newsroom.issues carries: "
                + "place fewer articles or split the issue"));
    }

    /** Publishes a checked issue at {@code now}: issue, articles and outbox row in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishNow(Issue issue, String actor, Instant now) {
        Map<UUID, Article> placed = lockArticles(issue);
        for (IssueLayout.Page page : issueMapper.pages(issue)) {
            for (IssueLayout.Placement placement : page.placements()) {
                Article article = placed.get(placement.articleId());
                ArticleStatus from = article.status;
                article.status = ArticleStatus.PUBLISHED;
                article.publishedAt = now;
                article.updatedAt = now;
                article.issueId = issue.id;
                article.issueNumber = issue.number;
                article.issuePage = page.number();
                editorial.record(article.id, "publish", from, ArticleStatus.PUBLISHED, null, actor, now);
            }
        }
        issue.status = IssueStatus.PUBLISHED;
        issue.publishedAt = now;
        issue.publishedBy = actor;
        issue.publishError = null;
        issue.updatedAt = now;

        IssuePublished event = announcement(issue, placed, now, article -> ArticleReadModel.readerVisible(article, now));
        OutboxEvent row = new OutboxEvent();
        row.eventId = Ids.newV7();
        row.aggregateId = issue.id;
        row.type = EventTypes.ISSUE_PUBLISHED;
        row.source = outboxConfig.eventSource();
        row.subject = issue.id.toString();
        row.occurredAt = now;
        row.payload = ArticleMapper.json(event);
        row.createdAt = now;
        row.traceParent = TraceParents.current();
        outbox.persist(row);
        outbox.flush();
        outboxWritten.fire(new org.newsroom.article.messaging.OutboxWritten(row.eventId));
        for (UUID id : placed.keySet()) {
            changed.fire(new ArticleChanged(id, ArticleChanged.Kind.STATE));
        }
        published.increment();
    }

    /** The placed articles that exist, locked in id order (a fixed order, so publishers never deadlock). */
    private Map<UUID, Article> lockArticles(Issue issue) {
        List<UUID> ids = new ArrayList<>(new HashSet<>(issueMapper.articleIds(issue)));
        ids.sort(null);
        Map<UUID, Article> placed = new HashMap<>();
        for (UUID id : ids) {
            articles.findForUpdate(id).ifPresent(article -> placed.put(id, article));
        }
        return placed;
    }
}
