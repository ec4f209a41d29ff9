package org.newsroom.article.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.newsroom.article.domain.Article;
import org.newsroom.article.domain.ArticleStatus;
import org.newsroom.article.mapping.ArticleMapper;
import org.newsroom.article.mapping.KeysetCursor;
import org.newsroom.article.repository.ArticleRepository;
import org.newsroom.article.rest.ArticleView;
import org.newsroom.common.problem.Problem;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.contracts.article.Distribution;

/**
 * Read side of articles and the single home of the visibility rules: who may see which article
 * (readers: published or corrected, public, past their embargo; reporters: their own too; editors and admins: all).
 * Search, feeds and ninjs build on {@link #readerVisible}, {@link #READER_VISIBLE_SQL} and {@link #requireReadable}.
 */
@ApplicationScoped
public class ArticleReadModel {

    /**
     * SQL condition (alias {@code a}, parameter {@code :now}) that holds for the articles readers may see.
     * Keep in step with {@link #readerVisible(Article, Instant)}.
     */
    public static final String READER_VISIBLE_SQL = "(a.status in ('published', 'corrected') and a.distribution = 'public'"
            + " and (a.embargoed_until is null or a.embargoed_until <= :now))";

    /** What a viewer may do with one article. */
    public enum Access {
        /** May read it. */
        READ,
        /** Readers: unknown or not visible (404). */
        NOT_FOUND,
        /** Staff without the right to see it (403). */
        FORBIDDEN,
        /** Retracted: readers get 410 with the retraction note. */
        GONE
    }

    @Inject
    ArticleRepository articles;

    @Inject
    ArticleMapper mapper;

    Clock clock = Clock.systemUTC();

    /** True when readers without a token may see the article now. */
    public static boolean readerVisible(Article a, Instant now) {
        return a.status.readable()
                && Distribution.PUBLIC.equals(ArticleMapper.fromWire(a.distribution, Distribution.class))
                && (a.embargoedUntil == null || !a.embargoedUntil.isAfter(now));
    }

    /** The visibility rule for one article and one viewer. */
    public static Access access(Article a, Viewer viewer, Instant now) {
        if (viewer.editor() || viewer.reporter() && viewer.owns(a)) {
            return Access.READ;
        }
        if (a.status == ArticleStatus.RETRACTED && "public".equals(a.distribution)) {
            return Access.GONE;
        }
        if (readerVisible(a, now)) {
            return Access.READ;
        }
        return viewer.anonymous() ? Access.NOT_FOUND : Access.FORBIDDEN;
    }

    /**
     * The article if the viewer may read it.
     *
     * @throws ProblemException 404 (unknown, or not visible to readers), 403 (staff, not theirs), 410 (retracted)
     */
    @Transactional
    public Article requireReadable(UUID id, Viewer viewer) {
        Article article = articles.findByIdOptional(id).orElseThrow(() -> notFound(id));
        check(article, viewer);
        return article;
    }

    /** Throws the problem that {@link #access} implies, unless the viewer may read the article. */
    public void check(Article article, Viewer viewer) {
        switch (access(article, viewer, clock.instant())) {
            case READ -> {
            }
            case NOT_FOUND -> throw notFound(article.id);
            case FORBIDDEN -> throw ProblemException.forbidden("This article is not yours and not published");
            case GONE -> throw new ProblemException(Problem.of(410, "retracted", "Article retracted",
                    article.retractionNote));
        }
    }

    /** The Article representation, if the viewer may read it. */
    @Transactional
    public ArticleView view(UUID id, Viewer viewer) {
        Article article = requireReadable(id, viewer);
        return mapper.toView(article, works(viewer, article));
    }

    /** Editors and the article's author see its desk fields (the pending revision); readers do not. */
    static boolean works(Viewer viewer, Article article) {
        return viewer.editor() || viewer.owns(article);
    }

    public static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No article " + id);
    }

    /** A page of the articles the viewer may see, newest first, filtered. */
    @Transactional
    public Page<ArticleView> list(ArticleQuery query, Viewer viewer) {
        StringBuilder sql = new StringBuilder("select a.* from article a where ");
        Map<String, Object> params = new LinkedHashMap<>();
        Instant now = clock.instant();
        if (viewer.editor()) {
            sql.append("true");
        } else if (viewer.reporter()) {
            sql.append("(a.submitted_by = :me or ").append(READER_VISIBLE_SQL).append(')');
            params.put("me", viewer.name());
            params.put("now", now);
        } else {
            sql.append(READER_VISIBLE_SQL);
            params.put("now", now);
        }
        if (query.status() != null) {
            sql.append(" and a.status = :status");
            params.put("status", query.status().wire());
        }
        if (query.section() != null) {
            sql.append(" and a.section = :section");
            params.put("section", query.section());
        }
        if (query.byline() != null) {
            sql.append(" and a.bylines @> cast(:byline as jsonb)");
            params.put("byline", ArticleMapper.json(List.of(Map.of("name", query.byline()))));
        }
        if (query.issue() != null) {
            sql.append(" and a.issue_id = :issue");
            params.put("issue", query.issue());
        }
        if (query.from() != null) {
            sql.append(" and a.listed_at >= :from");
            params.put("from", query.from());
        }
        if (query.toExclusive() != null) {
            sql.append(" and a.listed_at < :to");
            params.put("to", query.toExclusive());
        }
        if (query.after() != null) {
            sql.append(" and (a.listed_at < :afterAt or (a.listed_at = :afterAt and a.id < :afterId))");
            params.put("afterAt", query.after().at());
            params.put("afterId", query.after().id());
        }
        sql.append(" order by a.listed_at desc, a.id desc limit :limit");
        params.put("limit", query.limit() + 1);
        Query q = articles.getEntityManager().createNativeQuery(sql.toString(), Article.class);
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Article> rows = q.getResultList();
        String next = null;
        if (rows.size() > query.limit()) {
            rows = rows.subList(0, query.limit());
            Article last = rows.get(rows.size() - 1);
            next = new KeysetCursor(last.listedAt != null ? last.listedAt : last.sortKey(), last.id).encode();
        }
        List<ArticleView> items = new ArrayList<>(rows.size());
        for (Article row : rows) {
            items.add(mapper.toView(row, works(viewer, row)));
        }
        return new Page<>(items, next);
    }
}
