package org.newsroom.notify.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.newsroom.notify.domain.Channel;

/** Everything a worker needs for one attempt, read when the delivery was claimed. */
public record DeliveryJob(
        UUID deliveryId,
        UUID leaseOwner,
        UUID subscriptionId,
        Channel channel,
        String endpoint,
        String endpointHost,
        String sealedSecret,
        String sealedUnsubscribeToken,
        String[] sections,
        UUID issueId,
        OffsetDateTime publishedAt,
        String payload,
        String traceparent) {

    public String webhookId() {
        return "msg_" + deliveryId;
    }

    /** The key of the per-host concurrency limit. */
    public String hostKey() {
        return channel == Channel.EMAIL ? "smtp" : endpointHost;
    }
}
