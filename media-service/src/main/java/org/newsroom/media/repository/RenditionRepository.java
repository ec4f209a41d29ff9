package org.newsroom.media.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.media.domain.Rendition;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Renditions of a photo, and who uses a content-addressed rendition. */
@ApplicationScoped
public class RenditionRepository implements PanacheRepositoryBase<Rendition, Rendition.Key> {

    @Transactional
    public List<Rendition> ofPhoto(UUID photoId) {
        return list("photoId = ?1 order by width", photoId);
    }

    /** Whether any public photo uses the rendition with these bytes. */
    @Transactional
    public boolean isPublic(String sha256) {
        return getEntityManager().createQuery("select count(r) from Rendition r, Photo p where r.photoId = p.id "
                + "and r.sha256 = :sha and p.publicSince is not null", Long.class)
                .setParameter("sha", sha256).getSingleResult() > 0;
    }

    @Transactional
    public boolean exists(String sha256) {
        return count("sha256", sha256) > 0;
    }
}
