package org.newsroom.contracts;

/** Kafka topic names shared by producers, consumers, the local stack and the Kubernetes manifests. */
public final class Topics {
    /** Submitted stories, keyed by article id; produced by ingest-service, consumed by article-service. */
    public static final String SUBMISSIONS = "newsroom.submissions";
    /**
     * Largest record of {@link #SUBMISSIONS}, in bytes: the topic's {@code max.message.bytes} (local stack and
     * deploy/k8s) and ingest's producer {@code max.request.size}; ingest answers 413 for a larger event.
     */
    public static final int SUBMISSIONS_MAX_MESSAGE_BYTES = 1_048_576;
    /** Submissions article-service could not apply (not a valid event), with the reason in headers; never retried. */
    public static final String SUBMISSIONS_DLQ = "newsroom.submissions.dlq";
    /** Published issues, keyed by issue id; produced by article-service's outbox relay, consumed by notify-service. */
    public static final String ISSUES = "newsroom.issues";
    /**
     * Largest record of {@link #ISSUES}, in bytes: the topic's {@code max.message.bytes} and the outbox producer's
     * {@code max.request.size}; article-service refuses to publish an issue whose announcement would be larger.
     */
    public static final int ISSUES_MAX_MESSAGE_BYTES = 1_048_576;
    /** Issue events notify-service could not fan out (invalid, or failing for good), with the reason in headers. */
    public static final String ISSUES_DLQ = "newsroom.issues.dlq";
    /** Internal to notify-service: one record per delivery, keyed by subscription id, so replicas share the fan-out. */
    public static final String DELIVERIES = "newsroom.deliveries";
    /** Internal to ingest-service: compacted log of idempotency keys and their first answer. */
    public static final String INGEST_IDEMPOTENCY = "newsroom.ingest-idempotency";
    /**
     * Public state of the photo desk's photos (caption, credit, renditions), compacted and keyed by photo id; produced
     * by media-service whenever a photo is ready or edited, consumed by article-service for its representations.
     */
    public static final String PHOTOS = "newsroom.photos";
    /** Internal to media-service: one record per uploaded photo, keyed by photo id, so replicas share rendering. */
    public static final String MEDIA_RENDITIONS = "newsroom.media-renditions";

    private Topics() {
    }
}
