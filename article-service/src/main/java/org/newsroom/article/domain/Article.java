package org.newsroom.article.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

/**
 * The current state of one story (table {@code article}): the Submission fields of its current revision (scalars as
 * columns, structured values as JSON text in {@code jsonb} columns), its workflow status and its issue placement.
 * Mapped to the API's Article by {@code ArticleMapper}.
 */
@Entity
@Table(name = "article")
public class Article {

    @Id
    public UUID id;

    /** Number of the revision whose content this row holds. */
    @Column(nullable = false)
    public int revision;

    @Convert(converter = ArticleStatusConverter.class)
    @Column(nullable = false)
    public ArticleStatus status;

    @Column(nullable = false)
    public String headline;
    public String subheadline;
    public String kicker;
    /** Wire value of {@code Genre} ("news", ...). */
    @Column(nullable = false)
    public String genre;
    @Column(nullable = false)
    public String language;

    /** JSON array of {@code BodyBlock}. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String body;
    /** JSON array of {@code Byline}. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String bylines;
    @Column(name = "credit_line")
    public String creditLine;
    /** JSON object of {@code Source}, or null. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(columnDefinition = "jsonb")
    public String source;
    public String section;
    /** JSON array of strings. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String tags;
    /** JSON array of {@code Media}. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String media;
    /** Wire value of {@code Distribution} ("public" or "internal"). */
    @Column(nullable = false)
    public String distribution;
    @Column(name = "embargoed_until")
    public Instant embargoedUntil;
    /** UTC offset in seconds that {@code embargoedUntil} was submitted with. */
    @Column(name = "embargoed_until_offset")
    public Integer embargoedUntilOffset;
    public String slug;

    /** Wire value of {@code SubmissionFormat} of the current revision. */
    public String format;
    /** The ninjs document as received (format ninjs), JSON text, or null. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(columnDefinition = "jsonb")
    public String original;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;
    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    /** {@code coalesce(published_at, submitted_at)}, computed by the database; the sort key of lists. */
    @Column(name = "listed_at", insertable = false, updatable = false)
    public Instant listedAt;

    @Column(name = "issue_id")
    public UUID issueId;
    @Column(name = "issue_number")
    public Integer issueNumber;
    @Column(name = "issue_page")
    public Integer issuePage;

    @Column(name = "correction_note")
    public String correctionNote;
    @Column(name = "corrected_at")
    public Instant correctedAt;
    @Column(name = "retraction_note")
    public String retractionNote;
    @Column(name = "retracted_at")
    public Instant retractedAt;

    /** A revision stored after publication that an editor has not adopted yet (see {@code SubmissionStore}). */
    @Column(name = "pending_revision")
    public Integer pendingRevision;

    @Version
    @Column(nullable = false)
    public long version;

    /** The key lists are sorted by (the database computes the same in {@code listed_at}). */
    public Instant sortKey() {
        return publishedAt != null ? publishedAt : submittedAt;
    }
}
