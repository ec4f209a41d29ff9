package org.newsroom.article.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.article.domain.ArticleTransition;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Loads and stores {@link ArticleTransition} rows. */
@ApplicationScoped
public class ArticleTransitionRepository implements PanacheRepositoryBase<ArticleTransition, Long> {

    /** Transitions of an article after the given row id, oldest first. */
    public List<ArticleTransition> page(UUID articleId, long afterId, int limit) {
        return find("articleId = ?1 and id > ?2 order by id", articleId, afterId).page(0, limit).list();
    }
}
