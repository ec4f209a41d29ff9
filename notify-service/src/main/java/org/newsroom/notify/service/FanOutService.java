package org.newsroom.notify.service;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.InvalidEventException;
import org.newsroom.contracts.issue.IssuePublished;
import org.newsroom.notify.config.DeliveryConfig;
import org.newsroom.notify.repository.AlertRepository;
import org.newsroom.notify.repository.DeliveryRepository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns one {@code news.issue.published} event into the alert log entry and one delivery per matching active
 * subscription, in one transaction and set-based (INSERT ... SELECT ... ON CONFLICT DO NOTHING), deduplicated by event
 * id and by issue id.
 */
@ApplicationScoped
public class FanOutService {

    /** The {@code type} of the webhook body and the SSE event name. */
    public static final String ALERT_TYPE = "issue.published";

    private final AlertRepository alerts;
    private final DeliveryRepository deliveries;
    private final DeliveryConfig config;

    public FanOutService(AlertRepository alerts, DeliveryRepository deliveries, DeliveryConfig config) {
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.config = config;
    }

    /** The outcome of one event: the alert's sequence number and deliveries created, or a duplicate. */
    public record Result(boolean duplicate, long seq, int deliveries) {
    }

    /** A validated event, ready to be stored, with the traceparent of the span that consumed it (or null). */
    public record Prepared(String eventId, IssuePublished issue, String payload, String sectionsJson,
            OffsetDateTime publishedAt, String traceparent) {
    }

    /**
     * Validates the event and builds the webhook body {@code {"type","timestamp","data"}} (data as received).
     *
     * @throws InvalidEventException for anything that is not a usable news.issue.published event
     */
    public static Prepared prepare(CloudEventAttributes attributes, byte[] value, String traceparent) {
        IssuePublished issue = EventJson.read(value, IssuePublished.class);
        if (issue.issueId() == null) {
            throw new InvalidEventException("news.issue.published without issueId");
        }
        JsonNode data;
        try {
            data = EventJson.mapper().readTree(value);
        } catch (java.io.IOException e) {
            throw new InvalidEventException("not JSON", e);
        }
        if (!data.isObject()) {
            throw new InvalidEventException("data is not a JSON object");
        }
        OffsetDateTime publishedAt = issue.publishedAt() != null ? issue.publishedAt() : attributes.time();
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("type", ALERT_TYPE);
        body.put("timestamp", publishedAt.toString());
        body.set("data", data);
        Set<String> sections = new LinkedHashSet<>();
        if (issue.articles() != null) {
            issue.articles().stream().filter(a -> a != null && a.section() != null).forEach(a -> sections.add(a.section()));
        }
        if (issue.pages() != null) {
            issue.pages().stream().filter(p -> p != null && p.name() != null).forEach(p -> sections.add(p.name()));
        }
        try {
            return new Prepared(attributes.id(), issue, EventJson.mapper().writeValueAsString(body),
                    EventJson.mapper().writeValueAsString(sections), publishedAt, traceparent);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidEventException("cannot render the alert", e);
        }
    }

    /** Stores the alert and fans out, once per event id and issue id. */
    @Transactional
    public Result fanOut(Prepared event) {
        Optional<Long> seq = alerts.appendOnce(event.issue().issueId(), event.eventId(), event.sectionsJson(),
                event.payload(), event.publishedAt(), event.traceparent());
        if (seq.isEmpty()) {
            return new Result(true, 0, 0);
        }
        int created = deliveries.fanOut(seq.get(), config.firstAttemptTimeout().toMillis());
        return new Result(false, seq.get(), created);
    }
}
