package org.newsroom.article.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step of an article through the workflow (table {@code article_transition}): who did what, when and why. */
@Entity
@Table(name = "article_transition")
public class ArticleTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id", nullable = false)
    public UUID articleId;

    /** approve, reject, correct, retract or publish. */
    @Column(nullable = false)
    public String action;

    @Convert(converter = ArticleStatusConverter.class)
    @Column(name = "from_status", nullable = false)
    public ArticleStatus fromStatus;

    @Convert(converter = ArticleStatusConverter.class)
    @Column(name = "to_status", nullable = false)
    public ArticleStatus toStatus;

    public String note;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public Instant at;
}
