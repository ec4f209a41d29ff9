package org.newsroom.article.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The latest public state of a photo of the photo desk (table {@code photo}), copied from media-service's
 * {@code news.photo.updated} announcements so that articles can show a photo they reference by id without calling
 * media-service at read time. Written only by {@code PhotoRepository#storeIfNewer}.
 */
@Entity
@Table(name = "photo")
public class Photo {

    @Id
    public UUID id;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    public String caption;
    public String credit;
    public String byline;

    /** JSON array of the names in the credit. */
    @Column(nullable = false, columnDefinition = "jsonb")
    public String photographers;

    /** JSON array of {@code PhotoUpdated.Rendition} ({@code url, width, height, contentType}). */
    @Column(nullable = false, columnDefinition = "jsonb")
    public String renditions;

    /** media-service's time of this state. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "stored_at", nullable = false)
    public Instant storedAt;
}
