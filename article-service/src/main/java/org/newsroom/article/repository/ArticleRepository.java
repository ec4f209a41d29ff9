package org.newsroom.article.repository;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

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
        StringBuilder sql = new StringBuilder("select a.* from article a where ");
        Map<String, Object> params = new LinkedHashMap<>();
        switch (listing.scope()) {
            case ALL -> sql.append("true");
            case OWN_AND_READABLE -> {
                sql.append("(a.submitted_by = :me or ").append(READER_VISIBLE_SQL).append(')');
                params.put("me", listing.me());
                params.put("now", listing.now());
            }
            case READABLE -> {
                sql.append(READER_VISIBLE_SQL);
                params.put("now", listing.now());
            }
        }
        and(sql, params, "a.status = :status", "status", listing.status());
        and(sql, params, "a.section = :section", "section", listing.section());
        and(sql, params, "a.bylines @> cast(:byline as jsonb)", "byline", listing.bylineJson());
        and(sql, params, "a.issue_id = :issue", "issue", listing.issue());
        and(sql, params, "a.listed_at >= :from", "from", listing.from());
        and(sql, params, "a.listed_at < :to", "to", listing.toExclusive());
        if (listing.afterId() != null) {
            sql.append(" and (a.listed_at < :afterAt or (a.listed_at = :afterAt and a.id < :afterId))");
            params.put("afterAt", listing.afterAt());
            params.put("afterId", listing.afterId());
        }
        sql.append(" order by a.listed_at desc, a.id desc limit :limit");
        params.put("limit", listing.rows());
        Query query = getEntityManager().createNativeQuery(sql.toString(), Article.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Article> rows = query.getResultList();
        return rows;
    }

    /** The articles of a section that readers may read at {@code now}, newest publication first. */
    public List<Article> readableInSection(String section, Instant now, int limit) {
        Query query = getEntityManager().createNativeQuery("select a.* from article a where a.section = :section and "
                + READER_VISIBLE_SQL + " order by a.published_at desc nulls last, a.id desc limit :limit", Article.class);
        query.setParameter("section", section);
        query.setParameter("now", now);
        query.setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<Article> rows = query.getResultList();
        return rows;
    }

    private static void and(StringBuilder sql, Map<String, Object> params, String condition, String name, Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            params.put(name, value);
        }
    }
}
