package org.newsroom.media.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One public JPEG rendition of a photo at a width, stored under the sha-256 of its bytes. */
@Entity
@Table(name = "rendition")
@IdClass(Rendition.Key.class)
public class Rendition {
    @Id
    @Column(name = "photo_id")
    public UUID photoId;
    @Id
    public int width;
    public int height;
    public String sha256;
    @Column(name = "size_bytes")
    public long sizeBytes;

    /** Composite key (photo, width). */
    public static class Key implements Serializable {
        public UUID photoId;
        public int width;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(photoId, k.photoId) && width == k.width;
        }

        @Override
        public int hashCode() {
            return Objects.hash(photoId, width);
        }
    }
}
