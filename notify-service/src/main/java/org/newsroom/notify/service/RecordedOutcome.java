package org.newsroom.notify.service;

import org.newsroom.notify.domain.DeliveryStatus;

/** The delivery's state after an attempt was recorded, for metrics. */
public record RecordedOutcome(DeliveryStatus status, boolean changed, String outcome) {
}
