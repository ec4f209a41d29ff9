package org.newsroom.notify.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.notify.domain.DeliveryAttempt;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The attempt log of deliveries. */
@ApplicationScoped
public class DeliveryAttemptRepository implements PanacheRepositoryBase<DeliveryAttempt, Long> {

    public int nextNumber(UUID deliveryId) {
        Long count = getEntityManager().createQuery("select count(a) from DeliveryAttempt a where a.deliveryId = :d",
                Long.class).setParameter("d", deliveryId).getSingleResult();
        return count.intValue() + 1;
    }

    public List<DeliveryAttempt> ofDeliveries(Collection<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        return find("deliveryId in ?1 order by id", deliveryIds).list();
    }
}
