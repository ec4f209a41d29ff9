package org.newsroom.media.service;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.newsroom.media.repository.ArticlePhotoRepository;

/**
 * Decides when a photo becomes public: once an article that carries it is published (a photo of an article that is
 * not yet public stays unreachable for readers). Both inputs may arrive in either order and more than once.
 */
@ApplicationScoped
public class PublicationService {

    @Inject
    ArticlePhotoRepository links;

    /** A revision of an article references these photos. */
    @Transactional
    public void articleRevised(UUID articleId, int revision, Collection<UUID> photoIds) {
        links.lockArticle(articleId);
        links.link(articleId, revision, photoIds);
        links.publishPhotosOfPublicArticles(articleId);
    }

    /** The article was published in an issue. */
    @Transactional
    public void articlePublished(UUID articleId, OffsetDateTime publishedAt) {
        links.lockArticle(articleId);
        links.markPublic(articleId, publishedAt);
        links.publishPhotosOfPublicArticles(articleId);
    }
}
