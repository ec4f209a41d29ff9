package org.newsroom.article.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.newsroom.article.domain.Article;
import org.newsroom.article.domain.ArticleStatus;
import org.newsroom.article.domain.Photo;
import org.newsroom.article.mapping.ArticleMapper;
import org.newsroom.article.mapping.KeysetCursor;
import org.newsroom.article.model.ArticleView;
import org.newsroom.article.repository.ArticleListing;
import org.newsroom.article.repository.ArticleRepository;
import org.newsroom.common.problem.Problem;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.contracts.article.Distribution;

/**
 * Read side of articles and the single home of the visibility rules: who may see which article
 * (readers: published or corrected, public, past their embargo; reporters: their own too; editors and admins: all).
 * Search, feeds and ninjs build on {@link #readerVisible} (in SQL: {@link ArticleRepository#READER_VISIBLE_SQL}) and
 * {@link #requireReadable}.
 */
@ApplicationScoped
public class ArticleReadModel {

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
        ArticleListing listing = new ArticleListing(viewer.scope(), viewer.name(), clock.instant(),
                query.status() == null ? null : query.status().wire(), query.section(),
                query.byline() == null ? null : ArticleMapper.json(List.of(Map.of("name", query.byline()))),
                query.issue(), query.from(), query.toExclusive(),
                query.after() == null ? null : query.after().at(), query.after() == null ? null : query.after().id(),
                query.limit() + 1);
        KeysetCursor.Slice<Article> page = KeysetCursor.page(articles.list(listing), query.limit(),
                last -> new KeysetCursor(last.listedAt != null ? last.listedAt : last.sortKey(), last.id));
        List<ArticleView> items = new ArrayList<>(page.items().size());
        Map<UUID, Photo> photos = mapper.photosOf(page.items());
        for (Article row : page.items()) {
            items.add(mapper.toView(row, works(viewer, row), photos));
        }
        return new Page<>(items, page.next());
    }
}
