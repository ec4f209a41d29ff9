package org.newsroom.article.repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.newsroom.article.domain.Article;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Loads and stores {@link Article} rows, and runs the list queries of the API and the feeds. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    /**
     * What readers may read, as SQL on alias {@code a} with parameter {@code :now}: the same rule as
     * {@code ArticleReadModel.readerVisible}.
     */
    public static final String READER_VISIBLE_SQL = "(a.status in ('published', 'corrected') and a.distribution = 'public'"
            + " and (a.embargoed_until is null or a.embargoed_until <= :now))";

    /** The article with its row locked until the transaction ends (serialises revisions, transitions and publishing). */
    public Optional<Article> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A page of the article list, newest first by list time, then id; {@code listing.rows()} rows at most. */
    public List<Article> list(ArticleListing listing) {
        NewestFirstQuery query = switch (listing.scope()) {
            case ALL -> new NewestFirstQuery("article", "a", "true");
            case OWN_AND_READABLE -> new NewestFirstQuery("article", "a", "(a.submitted_by = :me or "
                    + READER_VISIBLE_SQL + ")").param("me", listing.me()).param("now", listing.now());
            case READABLE -> new NewestFirstQuery("article", "a", READER_VISIBLE_SQL).param("now", listing.now());
        };
        return query.and("a.status = :status", "status", listing.status())
                .and("a.section = :section", "section", listing.section())
                .and("a.bylines @> cast(:byline as jsonb)", "byline", listing.bylineJson())
                .and("a.issue_id = :issue", "issue", listing.issue())
                .and("a.listed_at >= :from", "from", listing.from())
                .and("a.listed_at < :to", "to", listing.toExclusive())
                .after(listing.afterAt(), listing.afterId())
                .list(getEntityManager(), Article.class, listing.rows());
    }

    /** The articles of a section that readers may read at {@code now}, newest publication first. */
    public List<Article> readableInSection(String section, Instant now, int limit) {
        return NewestFirstQuery.run(getEntityManager(), "select a.* from article a where a.section = :section and "
                + READER_VISIBLE_SQL + " order by a.published_at desc nulls last, a.id desc limit :limit", Article.class,
                Map.of("section", section, "now", now, "limit", limit));
    }
}
