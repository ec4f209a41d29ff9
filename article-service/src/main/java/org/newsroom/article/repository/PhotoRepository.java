package org.newsroom.article.repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.article.domain.Photo;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.media.PhotoUpdated;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Stores the announced state of photos (only ever a newer one) and loads the photos articles reference. */
@ApplicationScoped
public class PhotoRepository implements PanacheRepositoryBase<Photo, UUID> {

    /**
     * Writes {@code state} unless the table already holds a state of the photo at least as new (by
     * {@code updatedAt}, compared at the database's microsecond precision); one statement, so concurrent or replayed
     * records cannot interleave.
     *
     * @return whether the row was written
     */
    public boolean storeIfNewer(PhotoUpdated state, Instant now) {
        int rows = getEntityManager().createNativeQuery("insert into photo"
                        + " (id, width, height, caption, credit, byline, photographers, renditions, updated_at, stored_at)"
                        + " values (:id, :width, :height, :caption, :credit, :byline, cast(:photographers as jsonb),"
                        + " cast(:renditions as jsonb), :updatedAt, :storedAt)"
                        + " on conflict (id) do update set width = excluded.width, height = excluded.height,"
                        + " caption = excluded.caption, credit = excluded.credit, byline = excluded.byline,"
                        + " photographers = excluded.photographers, renditions = excluded.renditions,"
                        + " updated_at = excluded.updated_at, stored_at = excluded.stored_at"
                        + " where photo.updated_at < excluded.updated_at")
                .setParameter("id", state.id())
                .setParameter("width", state.width())
                .setParameter("height", state.height())
                .setParameter("caption", state.caption())
                .setParameter("credit", state.credit())
                .setParameter("byline", state.byline())
                .setParameter("photographers", json(state.photographers() == null ? List.of() : state.photographers()))
                .setParameter("renditions", json(state.renditions()))
                .setParameter("updatedAt", state.updatedAt().toInstant().truncatedTo(ChronoUnit.MICROS))
                .setParameter("storedAt", now)
                .executeUpdate();
        return rows > 0;
    }

    private static String json(Object value) {
        return new String(EventJson.write(value), StandardCharsets.UTF_8);
    }

    /** The known photos among {@code ids}, by id (unknown ids are absent). */
    public Map<UUID, Photo> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return list("id in ?1", ids).stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
    }
}
