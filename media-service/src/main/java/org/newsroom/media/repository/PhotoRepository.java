package org.newsroom.media.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.media.domain.Photo;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Photos by id and by their uploader's idempotency key. */
@ApplicationScoped
public class PhotoRepository implements PanacheRepositoryBase<Photo, UUID> {

    public Optional<Photo> findByIdempotencyKey(String uploadedBy, String key) {
        return find("uploadedBy = ?1 and idempotencyKey = ?2", uploadedBy, key).firstResultOptional();
    }
}
