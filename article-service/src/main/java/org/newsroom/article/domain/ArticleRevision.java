package org.newsroom.article.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/**
 * One revision of an article (table {@code article_revision}): the full Submission as it stood, who made it and when.
 * The unique {@code event_id} makes consuming a redelivered submission a no-op.
 */
@Entity
@Table(name = "article_revision")
public class ArticleRevision {

    /** A revision from {@code newsroom.submissions}. */
    public static final String KIND_SUBMISSION = "submission";
    /** A revision made by an editor's PATCH. */
    public static final String KIND_EDIT = "edit";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id", nullable = false)
    public UUID articleId;

    @Column(nullable = false)
    public int number;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String kind;

    /** JSON of the {@code Submission}. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String content;

    public String format;

    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(columnDefinition = "jsonb")
    public String original;

    @Column(name = "submitted_revision")
    public Integer submittedRevision;

    @Column(nullable = false)
    public String author;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public String note;
}
