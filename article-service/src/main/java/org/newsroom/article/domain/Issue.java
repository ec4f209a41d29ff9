package org.newsroom.article.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

/** An issue (edition) of a masthead (table {@code issue}): its pages, placements and teasers, and its publication. */
@Entity
@Table(name = "issue")
public class Issue {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String masthead;

    @Column(nullable = false)
    public int number;

    @Column(name = "issue_date", nullable = false)
    public LocalDate date;

    @Column(name = "distribution_note")
    public String distributionNote;

    @Convert(converter = IssueStatus.DbConverter.class)
    @Column(nullable = false)
    public IssueStatus status;

    /** JSON array of {@link IssueLayout.Page}. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String pages;

    /** JSON array of {@link IssueLayout.Teaser}. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String teasers;

    @Column(name = "publish_at")
    public Instant publishAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "publish_error")
    public String publishError;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** {@code coalesce(published_at, created_at)}, computed by the database; the sort key of lists. */
    @Column(name = "listed_at", insertable = false, updatable = false)
    public Instant listedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
