package org.newsroom.article.search.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.newsroom.article.domain.Article;
import org.newsroom.article.mapping.ArticleMapper;
import org.newsroom.article.repository.ArticleRepository;
import org.newsroom.article.search.config.SearchConfig;
import org.newsroom.article.search.repository.SearchIndexRepository;
import org.newsroom.article.service.ArticleChanged;
import org.newsroom.contracts.article.BodyBlock;
import org.newsroom.contracts.article.BlockType;
import org.newsroom.contracts.article.Byline;
import org.newsroom.contracts.article.Media;
import org.newsroom.contracts.article.Submission;

/**
 * Keeps the search index in step with the articles: observes {@link ArticleChanged}, fired synchronously inside the
 * transaction of every content change (new revision, patch), so that a committed change is searchable at once
 * and a rolled-back one leaves no trace. State changes refresh the row's copies of status, distribution and embargo
 * (used to choose candidates); hits are always re-checked against {@code article} at query time.
 */
@ApplicationScoped
public class SearchIndexer {

    @Inject
    SearchIndexRepository repository;

    @Inject
    SearchConfig config;

    @Inject
    ArticleMapper mapper;

    @Inject
    ArticleRepository articles;

    /**
     * Follows every change, synchronously, in the transaction that made it: content changes re-tokenise the article,
     * state changes (approve, publish, retract, ...) refresh the visibility copies.
     */
    void onArticleChanged(@Observes ArticleChanged change) {
        if (change.kind() == ArticleChanged.Kind.REVISION_ONLY) {
            return;
        }
        Article article = articles.findById(change.articleId());
        if (article == null) {
            return;
        }
        if (change.kind() == ArticleChanged.Kind.STATE && repository.updateVisibility(article.id, visibility(article))) {
            return;
        }
        index(article);
    }

    /** The article's visibility facts as the index row keeps them. */
    public static SearchIndexRepository.Visibility visibility(Article a) {
        return new SearchIndexRepository.Visibility(a.status.wire(), a.distribution, a.embargoedUntil, a.submittedBy,
                a.section, a.sortKey());
    }

    /** Writes (or rewrites) the index row of an article from its current content. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(Article article) {
        repository.upsert(row(article.id, article.revision, visibility(article), mapper.submission(article),
                config.maxIndexedChars()));
    }

    /** The index row of an article: weighted terms of every searchable field, and the text snippets are cut from. */
    public static SearchIndexRepository.Row row(UUID articleId, int revision,
            SearchIndexRepository.Visibility visibility, Submission content, int maxIndexedChars) {
        SearchDocumentBuilder document = new SearchDocumentBuilder(maxIndexedChars)
                .add(content.headline(), SearchDocumentBuilder.Weight.A)
                .add(content.kicker(), SearchDocumentBuilder.Weight.B)
                .add(content.subheadline(), SearchDocumentBuilder.Weight.B);
        if (content.tags() != null) {
            content.tags().forEach(tag -> document.add(tag, SearchDocumentBuilder.Weight.B));
        }
        StringBuilder body = new StringBuilder();
        if (content.body() != null) {
            for (BodyBlock block : content.body()) {
                if (block == null || block.text() == null) {
                    continue;
                }
                document.add(block.text(), block.type() == BlockType.HEADING
                        ? SearchDocumentBuilder.Weight.B : SearchDocumentBuilder.Weight.C);
                if (!body.isEmpty()) {
                    body.append('\n');
                }
                body.append(block.text());
            }
        }
        if (content.media() != null) {
            for (Media media : content.media()) {
                document.add(media.caption(), SearchDocumentBuilder.Weight.C);
                document.add(media.credit(), SearchDocumentBuilder.Weight.D);
            }
        }
        // Bylines are searchable (readers look for a reporter's stories) but weigh least.
        document.add(content.creditLine(), SearchDocumentBuilder.Weight.D);
        if (content.bylines() != null) {
            for (Byline byline : content.bylines()) {
                document.add(byline.name(), SearchDocumentBuilder.Weight.D);
            }
        }
        if (content.source() != null) {
            document.add(content.source().name(), SearchDocumentBuilder.Weight.D);
        }
        return new SearchIndexRepository.Row(articleId, revision, visibility, body.toString(), document.words(),
                document.grams());
    }
}
