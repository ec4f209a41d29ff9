package org.newsroom.media.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The links between articles and the photos they carry, and which articles are public: enough for this service to
 * decide, without reading another service's tables, whether a reader may see a photo.
 */
@ApplicationScoped
public class ArticlePhotoRepository {

    @Inject
    EntityManager em;

    /**
     * Serialises the work on one article until the transaction ends: a submission and a publication of the same
     * article handled at once by two consumers would otherwise each miss the other's uncommitted row.
     */
    public void lockArticle(UUID articleId) {
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(:key)) as locked")
                .setParameter("key", articleId.getMostSignificantBits() ^ articleId.getLeastSignificantBits())
                .getSingleResult();
    }

    /** Replaces the photos of an article by those of a newer revision (an older revision changes nothing). */
    public void link(UUID articleId, int revision, Collection<UUID> photoIds) {
        Integer latest = (Integer) em.createNativeQuery(
                "select max(revision) from article_photo where article_id = :article")
                .setParameter("article", articleId).getSingleResult();
        if (latest != null && latest > revision) {
            return;
        }
        em.createNativeQuery("delete from article_photo where article_id = :article")
                .setParameter("article", articleId).executeUpdate();
        for (UUID photoId : photoIds) {
            em.createNativeQuery("insert into article_photo (article_id, photo_id, revision) values (:a, :p, :r) "
                    + "on conflict do nothing")
                    .setParameter("a", articleId).setParameter("p", photoId).setParameter("r", revision)
                    .executeUpdate();
        }
    }

    /** Records that readers may read the article (idempotent). */
    public void markPublic(UUID articleId, OffsetDateTime publishedAt) {
        em.createNativeQuery("insert into public_article (article_id, published_at) values (:a, :t) "
                + "on conflict do nothing")
                .setParameter("a", articleId).setParameter("t", publishedAt).executeUpdate();
    }

    /** Sets {@code public_since} on every not yet public photo of a public article; returns how many changed. */
    public int publishPhotosOfPublicArticles(UUID articleId) {
        return em.createNativeQuery("update photo p set public_since = pa.published_at "
                + "from article_photo ap join public_article pa on pa.article_id = ap.article_id "
                + "where ap.article_id = :a and ap.photo_id = p.id and p.public_since is null")
                .setParameter("a", articleId).executeUpdate();
    }
}
