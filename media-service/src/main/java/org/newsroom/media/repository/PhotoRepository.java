package org.newsroom.media.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.media.domain.Photo;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Photos by id and by their uploader's idempotency key. */
@ApplicationScoped
public class PhotoRepository implements PanacheRepositoryBase<Photo, UUID> {

    /** Photos whose public state changed since it was last announced, oldest change first. */
    public List<Photo> unannounced(int limit) {
        return find("changedAt is not null and (announcedAt is null or announcedAt < changedAt) order by changedAt")
                .page(0, limit).list();
    }

    public Optional<Photo> findByIdempotencyKey(String uploadedBy, String key) {
        return find("uploadedBy = ?1 and idempotencyKey = ?2", uploadedBy, key).firstResultOptional();
    }
}
