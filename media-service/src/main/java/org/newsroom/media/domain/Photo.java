package org.newsroom.media.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A photo whose original is durably in the bucket, with the caption, credit and byline the desk edits. */
@Entity
@Table(name = "photo")
public class Photo {
    @Id
    public UUID id;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "original_key")
    public String originalKey;
    public String sha256;
    @Column(name = "size_bytes")
    public long sizeBytes;
    public int width;
    public int height;
    public String caption;
    public String credit;
    public String byline;
    public String copyright;
    @Column(name = "taken_at")
    public OffsetDateTime takenAt;
    /** When readers may first see the renditions; null while no published story carries the photo. */
    @Column(name = "public_since")
    public OffsetDateTime publicSince;
    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;
    /** When the public state last changed (renditions complete, desk edit); null before the renditions are made. */
    @Column(name = "changed_at")
    public OffsetDateTime changedAt;
    /** The {@code changedAt} whose state is on {@code newsroom.photos}; behind {@code changedAt} while due. */
    @Column(name = "announced_at")
    public OffsetDateTime announcedAt;
}
