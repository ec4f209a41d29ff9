package org.newsroom.notify.mapping;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.newsroom.notify.domain.Delivery;
import org.newsroom.notify.domain.DeliveryAttempt;
import org.newsroom.notify.domain.Subscription;
import org.newsroom.notify.rest.DeliveryLogResponse;
import org.newsroom.notify.rest.IssueDeliveriesResponse;
import org.newsroom.notify.rest.SubscriptionCreatedResponse;
import org.newsroom.notify.rest.SubscriptionResponse;
import org.newsroom.notify.service.SubscriptionService;

/** Entity-to-response conversions of the HTTP surface. */
public final class ViewMapper {

    private ViewMapper() {
    }

    public static SubscriptionResponse subscription(Subscription s) {
        return new SubscriptionResponse(s.id, s.channel, s.endpoint, sections(s), s.status, s.statusReason);
    }

    public static SubscriptionCreatedResponse created(SubscriptionService.Created created) {
        Subscription s = created.subscription();
        return new SubscriptionCreatedResponse(s.id, s.channel, s.endpoint, sections(s), s.status, s.statusReason,
                created.secret(), created.manageToken());
    }

    public static DeliveryLogResponse.Entry delivery(Delivery d, List<DeliveryAttempt> attempts) {
        return new DeliveryLogResponse.Entry(d.id, d.webhookId(), d.issueId, d.channel, d.status, d.statusReason,
                d.createdAt, d.deliveredAt, d.nextAttemptAt, attempts.stream().map(ViewMapper::attempt).toList());
    }

    public static DeliveryLogResponse.Attempt attempt(DeliveryAttempt a) {
        return new DeliveryLogResponse.Attempt(a.number, a.startedAt, a.finishedAt, a.httpStatus, a.smtpReply, a.error,
                a.outcome, a.nextAttemptAt);
    }

    public static IssueDeliveriesResponse issue(SubscriptionService.IssueCounts counts) {
        Map<String, IssueDeliveriesResponse.ChannelCounts> byChannel = new LinkedHashMap<>();
        counts.byChannel().forEach((channel, c) -> byChannel.put(channel, new IssueDeliveriesResponse.ChannelCounts(
                c.delivered() + c.pending() + c.failed() + c.cancelled(), c.delivered(), c.pending(), c.failed(),
                c.cancelled())));
        SubscriptionService.Counts t = counts.total();
        return new IssueDeliveriesResponse(counts.issueId(), counts.seq(),
                t.delivered() + t.pending() + t.failed() + t.cancelled(), t.delivered(), t.pending(), t.failed(),
                t.cancelled(), byChannel, counts.multiplySucceeded());
    }

    private static List<String> sections(Subscription s) {
        return s.sections == null ? List.of() : Arrays.asList(s.sections);
    }
}
