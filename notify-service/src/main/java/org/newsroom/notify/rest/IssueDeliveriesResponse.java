package org.newsroom.notify.rest;

import java.util.Map;
import java.util.UUID;

/**
 * Editors' view of one issue's alerts: delivered / pending / failed (and cancelled) in total and per channel, and
 * the number of deliveries that recorded more than one successful attempt (0 unless a crash hit between a 2xx and
 * its record).
 */
public record IssueDeliveriesResponse(UUID issueId, long alertId, long total, long delivered, long pending, long failed,
        long cancelled, Map<String, ChannelCounts> byChannel, long deliveriesWithRepeatedSuccess) {

    /** Counts of one channel. */
    public record ChannelCounts(long total, long delivered, long pending, long failed, long cancelled) {
    }
}
