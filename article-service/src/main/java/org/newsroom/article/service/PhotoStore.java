package org.newsroom.article.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.newsroom.article.repository.PhotoRepository;
import org.newsroom.contracts.media.PhotoUpdated;

/**
 * Keeps the latest announced state of each photo: a state is stored only when it is newer than the one held, so the
 * compacted topic can be replayed from the start, and records redelivered, without ever going back in time.
 */
@ApplicationScoped
public class PhotoStore {

    private final PhotoRepository photos;
    Clock clock = Clock.systemUTC();

    @Inject
    public PhotoStore(PhotoRepository photos) {
        this.photos = photos;
    }

    /** Stores {@code state} in its own transaction; false when an equal or newer state was already held. */
    @Transactional
    public boolean store(PhotoUpdated state) {
        return photos.storeIfNewer(state, clock.instant());
    }
}
