package org.newsroom.article.messaging;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.InvalidEventException;
import org.newsroom.contracts.article.ArticleSubmitted;
import org.newsroom.contracts.article.Storable;
import org.newsroom.contracts.article.Submission;

/** Turns a record of {@code newsroom.submissions} into a valid event, or says why it is poison. */
@ApplicationScoped
public class SubmissionDecoder {

    /** Longest CloudEvent id stored ({@code article_revision.event_id}). */
    static final int MAX_EVENT_ID_LENGTH = Storable.EVENT_ID_MAX;

    @Inject
    Validator validator;

    /** A decoded, valid submission event. */
    public record Decoded(CloudEventAttributes attributes, ArticleSubmitted event) {
    }

    /** @throws InvalidEventException when the record is not a valid {@code news.article.submitted} event */
    public Decoded decode(ConsumerRecord<byte[], byte[]> record) {
        CloudEventAttributes attributes = CloudEventAttributes.readFrom(record.headers());
        if (!EventTypes.ARTICLE_SUBMITTED.equals(attributes.type())) {
            throw new InvalidEventException("unexpected ce_type " + abbreviate(attributes.type()));
        }
        if (attributes.id().length() > MAX_EVENT_ID_LENGTH) {
            throw new InvalidEventException("ce_id longer than " + MAX_EVENT_ID_LENGTH + " characters");
        }
        ArticleSubmitted event = EventJson.read(record.value(), ArticleSubmitted.class);
        if (event.id() == null) {
            throw new InvalidEventException("missing id");
        }
        if (event.submittedBy() == null || event.submittedBy().isBlank()) {
            throw new InvalidEventException("missing submittedBy");
        }
        if (event.receivedAt() == null) {
            throw new InvalidEventException("missing receivedAt");
        }
        Submission submission = event.submission();
        if (submission == null) {
            throw new InvalidEventException("missing submission fields");
        }
        Set<ConstraintViolation<Submission>> violations = validator.validate(submission);
        if (!violations.isEmpty()) {
            throw new InvalidEventException("invalid submission: " + violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        List<Storable.Violation> unstorable = Storable.event(event);
        if (!unstorable.isEmpty()) {
            // ingest-service applies the same rule before it answers: only a producer that skipped it gets here.
            throw new InvalidEventException("not storable: " + unstorable.stream()
                    .map(v -> abbreviate(v.field()) + " " + v.message())
                    .collect(Collectors.joining("; ")));
        }
        return new Decoded(attributes, event);
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }
}
