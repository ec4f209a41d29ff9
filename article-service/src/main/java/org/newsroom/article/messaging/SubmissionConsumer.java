package org.newsroom.article.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;
import org.newsroom.article.config.SubmissionsConfig;
import org.newsroom.common.failure.FailureClassifier;
import org.newsroom.common.failure.KafkaRefusals;
import org.newsroom.article.service.StoreOutcome;
import org.newsroom.article.service.SubmissionStore;
import org.newsroom.contracts.InvalidEventException;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The consumer of {@code newsroom.submissions}: a hand-written poll loop on its own thread, so that the delivery
 * guarantees are visible in one place.
 * <ul>
 * <li>Each record is stored in its own database transaction ({@link SubmissionStore}); its offset is committed to
 * Kafka only after that transaction committed.</li>
 * <li>When the database (or the broker, for dead letters) is unavailable, the failing record and everything after
 * it is fetched again: the loop seeks back, pauses its partitions and polls (keeping its group membership) with an
 * exponential backoff, then retries the same record. Nothing is skipped and the service need not restart.</li>
 * <li>A record that is not a valid event, or that the database can never accept, goes to the dead-letter topic
 * (with the reason in headers) and the partition moves on.</li>
 * <li>Redelivery is harmless: {@link SubmissionStore} deduplicates by CloudEvent id.</li>
 * </ul>
 */
@ApplicationScoped
public class SubmissionConsumer {

    private static final Logger LOG = Logger.getLogger(SubmissionConsumer.class);

    /** Headers added to a dead-lettered record. */
    public static final String DLQ_REASON = "newsroom-dlq-reason";
    public static final String DLQ_TOPIC = "newsroom-dlq-topic";
    public static final String DLQ_PARTITION = "newsroom-dlq-partition";
    public static final String DLQ_OFFSET = "newsroom-dlq-offset";
    /** Present when the dead letter is a trimmed copy (the full one was refused): what was cut and why. */
    public static final String DLQ_TRIMMED = "newsroom-dlq-trimmed";
    /** Most bytes of the original value a trimmed dead letter keeps (a quarter of Kafka's default record limit). */
    static final int TRIMMED_VALUE_BYTES = 256 * 1024;
    /** Offset-commit metadata of a partition whose next record has failed: {@code attempts=<n>}. */
    static final String ATTEMPTS_METADATA = "attempts=";

    @Inject
    SubmissionsConfig config;

    @Inject
    KafkaClients kafka;

    @Inject
    SubmissionDecoder decoder;

    @Inject
    SubmissionStore store;

    @Inject
    SubmissionMetrics metrics;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Instant lastPoll;
    private volatile String lastProblem;

    // state of the loop thread only
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private Duration backoff;
    private Instant pausedUntil;

    void onStart(@Observes StartupEvent event) {
        if (!config.consumerEnabled()) {
            LOG.info("submissions consumer disabled (newsroom.submissions.consumer-enabled=false)");
            return;
        }
        running = true;
        Thread t = new Thread(this::run, "submissions-consumer");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True while the loop thread runs. */
    public boolean alive() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    public boolean enabled() {
        return config.consumerEnabled();
    }

    public Instant lastPoll() {
        return lastPoll;
    }

    /** Why the last attempt failed, while the loop is backing off; null otherwise. */
    public String lastProblem() {
        return lastProblem;
    }

    private void run() {
        SubmissionsConfig settings = config;
        backoff = settings.retryInitialBackoff();
        try (KafkaConsumer<byte[], byte[]> c = kafka.consumer(settings.groupId(), "article-service-submissions",
                settings.maxPollRecords())) {
            consumer = c;
            c.subscribe(List.of(settings.topic()), new Rebalance(c));
            while (running) {
                try {
                    step(c, settings);
                } catch (WakeupException e) {
                    break;
                } catch (RuntimeException e) {
                    // Never let the loop die: log, back off and carry on from the last committed position.
                    LOG.errorf(e, "submissions consumer: unexpected failure, retrying");
                    lastProblem = e.getClass().getSimpleName();
                    rewindAll(c);
                    pause(c);
                }
            }
            commit(c, true);
        } catch (RuntimeException e) {
            LOG.errorf(e, "submissions consumer stopped");
        } finally {
            running = false;
            consumer = null;
        }
    }

    private void step(KafkaConsumer<byte[], byte[]> c, SubmissionsConfig settings) {
        Duration timeout = settings.pollTimeout();
        if (pausedUntil != null) {
            Duration left = Duration.between(Instant.now(), pausedUntil);
            timeout = left.isNegative() ? Duration.ZERO : left.compareTo(timeout) < 0 ? left : timeout;
        }
        ConsumerRecords<byte[], byte[]> records = c.poll(timeout);
        lastPoll = Instant.now();
        updateLag(c);
        if (pausedUntil != null) {
            // records of partitions assigned during the pause are fetched again later
            rewind(c, records, 0, new ArrayList<>(records.partitions()));
            if (!Instant.now().isBefore(pausedUntil)) {
                c.resume(c.paused());
                pausedUntil = null;
            }
            commit(c, false);
            return;
        }
        boolean failed = process(c, records);
        commit(c, false);
        if (failed) {
            pause(c);
        } else if (!records.isEmpty()) {
            backoff = settings.retryInitialBackoff();
            lastProblem = null;
        }
    }

    /** Handles the records in order; on a transient failure seeks back and returns true. */
    private boolean process(KafkaConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> records) {
        List<TopicPartition> partitions = new ArrayList<>(records.partitions());
        for (int i = 0; i < partitions.size(); i++) {
            TopicPartition partition = partitions.get(i);
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                try {
                    handle(record);
                    uncommitted.put(partition, new OffsetAndMetadata(record.offset() + 1));
                } catch (RetryLater e) {
                    lastProblem = e.getMessage();
                    LOG.warnf("submissions consumer: %s-%d@%d not stored yet (%s); will retry",
                            record.topic(), record.partition(), record.offset(), e.getMessage());
                    c.seek(partition, record.offset());
                    rewind(c, records, i + 1, partitions);
                    return true;
                }
            }
        }
        return false;
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) throws RetryLater {
        SubmissionDecoder.Decoded decoded;
        try {
            decoded = decoder.decode(record);
        } catch (InvalidEventException e) {
            deadLetter(record, e.getMessage());
            return;
        } catch (RuntimeException e) {
            deadLetter(record, "undecodable record: " + e.getClass().getSimpleName());
            return;
        }
        String key = attemptKey(new TopicPartition(record.topic(), record.partition()), record.offset());
        try {
            StoreOutcome outcome = store.store(decoded.attributes(), decoded.event());
            attempts.remove(key);
            metrics.consumed();
            if (outcome == StoreOutcome.DUPLICATE) {
                metrics.duplicate();
                LOG.debugf("duplicate submission %s ignored", decoded.attributes().id());
            } else {
                metrics.stored();
                if (outcome == StoreOutcome.STORED_AFTER_PUBLICATION) {
                    metrics.pendingAfterPublication();
                    LOG.infof("article %s is already published: revision stored as pending, published state kept",
                            decoded.event().id());
                } else if (outcome == StoreOutcome.REHOMED) {
                    metrics.rehomed();
                    LOG.warnf("new story %s names the existing article %s: stored as an article of its own",
                            decoded.attributes().id(), decoded.event().id());
                }
            }
        } catch (RuntimeException e) {
            switch (FailureClassifier.classify(e)) {
                case TRANSIENT -> {
                    metrics.transientFailure();
                    throw new RetryLater("database unavailable: " + rootMessage(e));
                }
                case POISON -> {
                    attempts.remove(key);
                    deadLetter(record, "the database refuses it: " + rootMessage(e));
                }
                default -> {
                    int failures = attempts.merge(key, 1, Integer::sum);
                    if (failures >= config.maxAttemptsUnclassified()) {
                        attempts.remove(key);
                        LOG.errorf(e, "giving up on %s after %d attempts", key, failures);
                        deadLetter(record, "failed " + failures + " times: " + rootMessage(e));
                    } else {
                        metrics.transientFailure();
                        // committed with the offset (the record itself stays uncommitted), so that whichever
                        // instance owns the partition after a rebalance or restart carries on counting
                        uncommitted.put(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset(), ATTEMPTS_METADATA + failures));
                        throw new RetryLater("attempt " + failures + " failed: " + rootMessage(e));
                    }
                }
            }
        }
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, String reason) throws RetryLater {
        String shortReason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(config.deadLetterTopic(), null,
                record.key(), record.value());
        for (Header header : record.headers()) {
            dead.headers().add(header.key(), header.value());
        }
        addReason(dead, record, shortReason);
        Throwable refused = send(dead);
        if (refused != null) {
            // The broker is there but will never take this copy (the copy plus our headers is larger than the
            // original, which may have been at the limit): dead-letter a trimmed copy rather than stall every
            // partition retrying a send that cannot succeed.
            ProducerRecord<byte[], byte[]> trimmed = trimmed(record, shortReason, refused);
            Throwable again = send(trimmed);
            if (again != null) {
                metrics.transientFailure();
                throw new RetryLater("dead-letter topic refuses even a trimmed copy: " + rootMessage(again));
            }
            metrics.deadLetterTrimmed();
            LOG.warnf("dead-letter copy of %s-%d@%d refused (%s): sent trimmed", record.topic(), record.partition(),
                    record.offset(), rootMessage(refused));
        }
        metrics.deadLettered();
        metrics.consumed();
        LOG.warnf("dead-lettered %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), shortReason);
    }

    /**
     * Sends one dead letter; returns null when acknowledged, the failure when the broker or client refuses this
     * record for good (non-retriable: record too large, invalid record); throws {@link RetryLater} when the topic
     * is unavailable (retriable errors, timeouts).
     */
    private Throwable send(ProducerRecord<byte[], byte[]> dead) throws RetryLater {
        try {
            kafka.producer().send(dead).get(config.brokerTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLater("interrupted while dead-lettering");
        } catch (ExecutionException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (KafkaRefusals.refusesForGood(cause)) {
                return cause;
            }
            metrics.transientFailure();
            throw new RetryLater("dead-letter topic unavailable: " + rootMessage(e));
        } catch (java.util.concurrent.TimeoutException e) {
            metrics.transientFailure();
            throw new RetryLater("dead-letter topic unavailable: " + rootMessage(e));
        }
    }

    /**
     * The copy that always fits: the key, the CloudEvents headers ({@code ce_*}, each bounded), at most
     * {@link #TRIMMED_VALUE_BYTES} of the value, the reason, and {@link #DLQ_TRIMMED} saying what was cut.
     */
    private ProducerRecord<byte[], byte[]> trimmed(ConsumerRecord<byte[], byte[]> record, String reason,
            Throwable refused) {
        byte[] value = record.value();
        int originalValue = value == null ? 0 : value.length;
        byte[] kept = value == null ? null : java.util.Arrays.copyOf(value, Math.min(value.length, TRIMMED_VALUE_BYTES));
        byte[] key = record.key() == null || record.key().length <= 1024 ? record.key()
                : java.util.Arrays.copyOf(record.key(), 1024);
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(config.deadLetterTopic(), null, key, kept);
        int droppedHeaders = 0;
        for (Header header : record.headers()) {
            if (header.key().startsWith("ce_") && header.key().length() <= 64
                    && (header.value() == null || header.value().length <= 1024)) {
                dead.headers().add(header.key(), header.value());
            } else {
                droppedHeaders++;
            }
        }
        addReason(dead, record, reason);
        String note = "value " + originalValue + " bytes, kept " + (kept == null ? 0 : kept.length) + "; "
                + droppedHeaders + " headers dropped; full copy refused: " + rootMessage(refused);
        dead.headers().add(DLQ_TRIMMED, (note.length() > 500 ? note.substring(0, 500) : note)
                .getBytes(StandardCharsets.UTF_8));
        return dead;
    }

    private static void addReason(ProducerRecord<byte[], byte[]> dead, ConsumerRecord<byte[], byte[]> record,
            String shortReason) {
        dead.headers().add(DLQ_REASON, shortReason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add(DLQ_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        dead.headers().add(DLQ_PARTITION, Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        dead.headers().add(DLQ_OFFSET, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
    }

    private void rewind(KafkaConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> records, int from,
            List<TopicPartition> partitions) {
        for (int j = from; j < partitions.size(); j++) {
            List<ConsumerRecord<byte[], byte[]>> rest = records.records(partitions.get(j));
            if (!rest.isEmpty()) {
                c.seek(partitions.get(j), rest.get(0).offset());
            }
        }
    }

    /** After an unexpected failure: continue every assigned partition from its last handled record. */
    private void rewindAll(KafkaConsumer<byte[], byte[]> c) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = c.committed(c.assignment(),
                    config.brokerTimeout());
            for (TopicPartition partition : c.assignment()) {
                OffsetAndMetadata handled = uncommitted.getOrDefault(partition, committed.get(partition));
                if (handled != null) {
                    c.seek(partition, handled);
                } else {
                    c.seekToBeginning(List.of(partition));
                }
            }
        } catch (KafkaException e) {
            LOG.warnf("cannot rewind after failure: %s", e.getMessage());
        }
    }

    private void pause(KafkaConsumer<byte[], byte[]> c) {
        pausedUntil = Instant.now().plus(backoff);
        c.pause(c.assignment());
        Duration doubled = backoff.multipliedBy(2);
        Duration max = config.retryMaxBackoff();
        backoff = doubled.compareTo(max) > 0 ? max : doubled;
    }

    private void commit(KafkaConsumer<byte[], byte[]> c, boolean closing) {
        if (uncommitted.isEmpty()) {
            return;
        }
        try {
            c.commitSync(new HashMap<>(uncommitted), config.brokerTimeout());
            uncommitted.clear();
        } catch (WakeupException e) {
            if (!closing) {
                throw e;
            }
        } catch (KafkaException e) {
            // The records are stored; a later commit (or a redelivery, deduplicated) settles it.
            LOG.warnf("offset commit failed, will retry: %s", e.getMessage());
            uncommitted.keySet().retainAll(c.assignment());
        }
    }

    private void updateLag(KafkaConsumer<byte[], byte[]> c) {
        long total = 0;
        for (TopicPartition partition : c.assignment()) {
            OptionalLong lag = c.currentLag(partition);
            if (lag.isPresent()) {
                total += lag.getAsLong();
            }
        }
        metrics.lag(total);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + message;
    }

    /** The key of {@code attempts}: one record of one partition. */
    private static String attemptKey(TopicPartition partition, long offset) {
        return attemptKeyPrefix(partition) + offset;
    }

    private static String attemptKeyPrefix(TopicPartition partition) {
        return partition.topic() + "-" + partition.partition() + "@";
    }

    /** The attempt count an offset commit carries, or null. */
    static Integer attemptsIn(OffsetAndMetadata offset) {
        if (offset == null || offset.metadata() == null || !offset.metadata().startsWith(ATTEMPTS_METADATA)) {
            return null;
        }
        try {
            return Integer.valueOf(offset.metadata().substring(ATTEMPTS_METADATA.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Keeps offsets, pauses and attempt counters consistent across a rebalance. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<byte[], byte[]> c;

        Rebalance(KafkaConsumer<byte[], byte[]> c) {
            this.c = c;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> revoked = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = uncommitted.remove(partition);
                if (offset != null) {
                    revoked.put(partition, offset);
                }
            }
            if (!revoked.isEmpty()) {
                try {
                    c.commitSync(revoked, config.brokerTimeout());
                } catch (KafkaException e) {
                    LOG.warnf("offset commit on revocation failed (records will be redelivered and deduplicated): %s",
                            e.getMessage());
                }
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (pausedUntil != null) {
                c.pause(partitions);
            }
            // the attempts already made on each partition's next record, by this or another instance
            if (partitions.isEmpty()) {
                return;
            }
            try {
                c.committed(new java.util.HashSet<>(partitions), config.brokerTimeout()).forEach((partition, offset) -> {
                    Integer counted = attemptsIn(offset);
                    if (counted != null) {
                        attempts.merge(attemptKey(partition, offset.offset()), counted, Math::max);
                    }
                });
            } catch (KafkaException e) {
                LOG.warnf("cannot read the attempt counters of the assigned partitions: %s", e.getMessage());
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            uncommitted.keySet().removeAll(partitions);
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                String prefix = attemptKeyPrefix(partition);
                attempts.keySet().removeIf(key -> key.startsWith(prefix));
            }
        }
    }

    /** A record could not be handled now; it is fetched again after a pause. */
    static final class RetryLater extends Exception {
        RetryLater(String message) {
            super(message, null, false, false);
        }
    }
}
