package org.newsroom.ingest.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;
import org.newsroom.common.problem.Problem;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.common.problem.ProblemMappers;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.Topics;
import org.newsroom.contracts.article.ArticleSubmitted;
import org.newsroom.contracts.article.Storable;
import org.newsroom.contracts.article.Submission;
import org.newsroom.contracts.article.SubmissionFormat;
import org.newsroom.ingest.config.IngestConfig;
import org.newsroom.ingest.domain.IdempotencyEntry;
import org.newsroom.ingest.domain.ParsedSubmission;
import org.newsroom.ingest.domain.SubmissionCommand;
import org.newsroom.ingest.domain.SubmissionReceipt;
import org.newsroom.ingest.mapping.JsonSubmissionReader;
import org.newsroom.ingest.mapping.MarkdownSubmissionReader;
import org.newsroom.ingest.mapping.NinjsSubmissionReader;
import org.newsroom.ingest.messaging.BrokerUnavailableException;
import org.newsroom.ingest.messaging.IdempotencyStore;
import org.newsroom.ingest.messaging.SubmissionPublisher;

/**
 * Turns a submission into an acknowledged {@code news.article.submitted} record: reads the body in its format,
 * validates it against the Submission contract, applies the Idempotency-Key rules, checks a revision with
 * article-service, publishes, and only then answers. Every outcome is counted.
 */
@ApplicationScoped
public class SubmissionService {

    /** CloudEvents {@code source} of every record this service writes. */
    public static final String EVENT_SOURCE = "/ingest-service";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);
    private static final int LOCK_STRIPES = 256;

    private final JsonSubmissionReader json;
    private final MarkdownSubmissionReader markdown;
    private final NinjsSubmissionReader ninjs;
    private final Validator validator;
    private final SubmissionPublisher publisher;
    private final IdempotencyStore idempotency;
    private final RevisionRules revisions;
    private final RateLimiter rateLimiter;
    private final SubmissionMetrics metrics;
    private final IngestConfig config;
    /** Serialises requests with the same (reporter, key) within this replica; other replicas: see the README. */
    private final ReentrantLock[] keyLocks = new ReentrantLock[LOCK_STRIPES];

    @Inject
    public SubmissionService(JsonSubmissionReader json, MarkdownSubmissionReader markdown, NinjsSubmissionReader ninjs,
            Validator validator, SubmissionPublisher publisher, IdempotencyStore idempotency, RevisionRules revisions,
            RateLimiter rateLimiter, SubmissionMetrics metrics, IngestConfig config) {
        this.json = json;
        this.markdown = markdown;
        this.ninjs = ninjs;
        this.validator = validator;
        this.publisher = publisher;
        this.idempotency = idempotency;
        this.revisions = revisions;
        this.rateLimiter = rateLimiter;
        this.metrics = metrics;
        this.config = config;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            keyLocks[i] = new ReentrantLock();
        }
    }

    /** Accepts a new story ({@code articleId == null}) or a new revision, and answers once the broker has it. */
    public SubmissionReceipt submit(SubmissionCommand command) throws IOException {
        Optional<SubmissionFormat> format = WireFormats.of(command.contentType());
        String formatTag = format.map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).orElse("unknown");
        try {
            SubmissionReceipt receipt = accept(command, format.orElseThrow(WireFormats::unsupported));
            metrics.count(formatTag, SubmissionMetrics.ACCEPTED);
            return receipt;
        } catch (ProblemException e) {
            metrics.count(formatTag, e.problem().status() == 503 ? SubmissionMetrics.UNAVAILABLE : SubmissionMetrics.REJECTED);
            throw e;
        } catch (IOException | RuntimeException e) {
            // Jackson's and Bean Validation's exceptions become 400/422 problems in service-common's mappers.
            metrics.count(formatTag, SubmissionMetrics.REJECTED);
            throw e;
        }
    }

    private SubmissionReceipt accept(SubmissionCommand command, SubmissionFormat format) throws IOException {
        rateLimiter.acquire(command.reporter());
        String key = IdempotencyKeys.of(command.idempotencyKeys());
        ParsedSubmission parsed = read(format, command.body());
        validate(parsed, command.reporter());
        if (key == null) {
            return publish(command, parsed, null, null);
        }
        if (!idempotency.isLoaded()) {
            throw ProblemException.unavailable("Idempotency keys are still being loaded; try again shortly",
                    config.broker().retryAfterSeconds());
        }
        String fingerprint = fingerprint(command.articleId(), parsed);
        ReentrantLock lock = keyLocks[Math.floorMod((command.reporter() + '\u0000' + key).hashCode(), LOCK_STRIPES)];
        boolean locked;
        try {
            locked = lock.tryLock(config.broker().ackWait().plus(config.idempotency().writeWait()).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            throw ProblemException.unavailable("A request with the same Idempotency-Key is still in progress",
                    config.broker().retryAfterSeconds());
        }
        try {
            Optional<IdempotencyEntry> first = idempotency.find(command.reporter(), key);
            if (first.isPresent()) {
                if (!first.get().fingerprint().equals(fingerprint)) {
                    throw ProblemException.unprocessable(IDEMPOTENCY_KEY,
                            "this Idempotency-Key was already used with a different request");
                }
                LOG.debugf("Idempotency-Key replay for article %s", first.get().id());
                return first.get().receipt();
            }
            SubmissionReceipt receipt = publish(command, parsed, key, fingerprint);
            idempotency.remember(new IdempotencyEntry(command.reporter(), key, fingerprint, receipt.id(),
                    receipt.revision(), receipt.receivedAt()));
            return receipt;
        } finally {
            lock.unlock();
        }
    }

    private ParsedSubmission read(SubmissionFormat format, byte[] body) throws IOException {
        return switch (format) {
            case JSON -> json.read(body);
            case MARKDOWN -> markdown.read(body);
            case NINJS -> ninjs.read(body);
        };
    }

    private SubmissionReceipt publish(SubmissionCommand command, ParsedSubmission parsed, String key, String fingerprint) {
        UUID id;
        int revision;
        if (command.articleId() == null) {
            // The fingerprint is part of the name: a key reused after its retention with another story names
            // another article, so no one's story is ever overwritten by a later submission under the same key.
            id = key == null ? Ids.newV7() : Ids.nameBased("submission", command.reporter(), key, fingerprint);
            revision = 1;
        } else {
            id = command.articleId();
            revision = revisions.nextRevision(id, command.reporter(), command.staff(), command.authorization());
        }
        // Derived from the request's fingerprint too: a retry of the same request is deduplicated by the consumer,
        // while a key reused after its retention with another body is a new event, never silently dropped.
        UUID eventId = key == null ? Ids.newV7()
                : Ids.nameBased("submission-event", command.reporter(), key, fingerprint, id.toString());
        OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        ArticleSubmitted event = new ArticleSubmitted(parsed.submission(), id, revision, command.reporter(), receivedAt,
                parsed.format(), parsed.original());
        byte[] value = EventJson.write(event);
        String recordKey = id.toString();
        Headers headers = new RecordHeaders();
        new CloudEventAttributes(eventId.toString(), EVENT_SOURCE, EventTypes.ARTICLE_SUBMITTED, receivedAt,
                id.toString()).writeTo(headers);
        checkSize(recordKey, value, headers);
        try {
            publisher.publish(recordKey, value, headers);
        } catch (RecordTooLargeException e) {
            throw tooLarge(value.length);
        } catch (BrokerUnavailableException e) {
            throw ProblemException.unavailable("The story could not be stored right now; nothing was accepted. Try again",
                    config.broker().retryAfterSeconds());
        }
        return new SubmissionReceipt(id, revision, receivedAt);
    }

    /** Bean Validation of the contract, then {@link Storable}: only what article-service can store is acknowledged. */
    private void validate(ParsedSubmission parsed, String reporter) {
        Set<ConstraintViolation<Submission>> violations = validator.validate(parsed.submission());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Submission> violation : violations) {
            errors.add(new Problem.FieldError(field(parsed, ProblemMappers.fieldPath(violation.getPropertyPath())),
                    violation.getMessage()));
        }
        List<Storable.Violation> unstorable = new ArrayList<>();
        if (parsed.original() != null) {
            // The ninjs document as received names the client's own fields; it also covers what the mapping copied.
            unstorable.addAll(Storable.document(parsed.original()));
        }
        for (Storable.Violation v : Storable.submission(parsed.submission())) {
            String field = field(parsed, v.field());
            if (unstorable.stream().noneMatch(u -> u.field().startsWith(field) && u.message().equals(v.message()))) {
                unstorable.add(new Storable.Violation(field, v.message()));
            }
        }
        unstorable.addAll(Storable.submittedBy(reporter));
        for (Storable.Violation v : unstorable) {
            Problem.FieldError error = new Problem.FieldError(v.field(), v.message());
            if (!errors.contains(error)) {
                errors.add(error);
            }
        }
        if (errors.isEmpty()) {
            return;
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
        throw ProblemException.unprocessable(errors.size() + " field(s) are invalid", errors);
    }

    /** Bytes a record may need besides key, value and headers (record batch and record framing, upper bound). */
    static final int RECORD_OVERHEAD_BYTES = 128;

    /** The W3C {@code traceparent} header OpenTelemetry adds when the record is sent: name and 55-character value. */
    static final int TRACEPARENT_BYTES = CloudEventAttributes.HEADER_TRACEPARENT.length() + 55;

    /** Refuses, before sending, an event larger than the topic takes (JSON escaping and ninjs' two copies grow it). */
    private static void checkSize(String key, byte[] value, Headers headers) {
        long size = RECORD_OVERHEAD_BYTES + TRACEPARENT_BYTES + value.length + key.getBytes(StandardCharsets.UTF_8).length;
        for (Header header : headers) {
            size += header.key().getBytes(StandardCharsets.UTF_8).length + (header.value() == null ? 0 : header.value().length);
        }
        if (size > Topics.SUBMISSIONS_MAX_MESSAGE_BYTES) {
            throw tooLarge(value.length);
        }
    }

    private static ProblemException tooLarge(int eventBytes) {
        return ProblemException.payloadTooLarge("The story is " + eventBytes + " bytes once encoded as an event (escaped characters count several "
                        + "times, and a ninjs item travels with its original), more than the "
                        + Topics.SUBMISSIONS_MAX_MESSAGE_BYTES + " bytes the pipeline carries: shorten or split it");
    }

    private static String field(ParsedSubmission parsed, String submissionPath) {
        return parsed.format() == SubmissionFormat.NINJS ? NinjsSubmissionReader.ninjsField(submissionPath) : submissionPath;
    }

    /** SHA-256 of what identifies the request: target, wire format, canonical Submission and (ninjs) the original. */
    static String fingerprint(UUID articleId, ParsedSubmission parsed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((articleId == null ? "POST" : "PUT " + articleId).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(parsed.format().name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(EventJson.write(parsed.submission()));
            sha.update((byte) '\n');
            if (parsed.original() != null) {
                sha.update(EventJson.write(parsed.original()));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
