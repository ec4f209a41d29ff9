package org.newsroom.notify.messaging;

import java.util.UUID;

/** The value of a newsroom.deliveries record (internal to notify-service): which delivery to attempt. */
public record DeliveryRecord(UUID deliveryId, UUID subscriptionId) {
}
