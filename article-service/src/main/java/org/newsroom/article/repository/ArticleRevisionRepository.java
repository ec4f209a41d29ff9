package org.newsroom.article.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.article.domain.ArticleRevision;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Loads and stores {@link ArticleRevision} rows. */
@ApplicationScoped
public class ArticleRevisionRepository implements PanacheRepositoryBase<ArticleRevision, Long> {

    public boolean existsByEventId(String eventId) {
        return count("eventId", eventId) > 0;
    }

    /** Highest revision number of the article, 0 when it has none. */
    /** Revision {@code number} of an article, if it exists. */
    public Optional<ArticleRevision> findByNumber(UUID articleId, int number) {
        return find("articleId = ?1 and number = ?2", articleId, number).firstResultOptional();
    }

    public int maxNumber(UUID articleId) {
        Integer max = getEntityManager()
                .createQuery("select max(r.number) from ArticleRevision r where r.articleId = :id", Integer.class)
                .setParameter("id", articleId)
                .getSingleResult();
        return max == null ? 0 : max;
    }

    /** Revisions of an article after {@code afterNumber}, oldest first. */
    public List<ArticleRevision> page(UUID articleId, int afterNumber, int limit) {
        return find("articleId = ?1 and number > ?2 order by number", articleId, afterNumber).page(0, limit).list();
    }
}
