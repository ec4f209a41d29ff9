package org.newsroom.ingest.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.InvalidEventException;
import org.newsroom.ingest.domain.IdempotencyEntry;

/**
 * The memory of Idempotency-Keys, shared by all replicas without a database: a compacted Kafka topic holds the latest
 * entry per (reporter, key); every replica reads it fully into a map before it reports ready and keeps following it in
 * the background, so keys remembered by other replicas (or before a restart) are seen. Entries older than the
 * retention are treated as absent.
 * <p>
 * Written by hand, not as a SmallRye channel: readiness needs "every entry written before start-up is in memory",
 * i.e. a consumer assigned every partition (no group, nothing committed), positioned at the beginning and read up
 * to the end offsets taken at start. A connector channel subscribes with a group (its {@code assign-seek} only takes
 * partitions listed in configuration, so the topic's partition count would be written twice) and never says when it
 * reached given offsets, so readiness could not be derived from it. The writer stays beside the reader, so that
 * one instance is the whole log (the tests run two replicas in one JVM). Both clients get the shared {@code kafka.*} settings through {@link IdempotencyLogClients}.
 * The reader polls on a thread of its own: a {@code KafkaConsumer} must only ever be used by one thread.
 */
public final class IdempotencyLog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IdempotencyLog.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final String topic;
    private final Duration retention;
    private final Clock clock;
    private final Map<String, IdempotencyEntry> entries = new ConcurrentHashMap<>();
    private final CountDownLatch loadedLatch = new CountDownLatch(1);
    private final ScheduledThreadPoolExecutor executor;

    private volatile boolean loaded;
    private volatile boolean closing;
    private volatile Consumer<String, byte[]> consumer;
    private Map<TopicPartition, Long> loadTarget;
    private Duration backoff = Duration.ofMillis(200);
    private Instant nextPrune = Instant.EPOCH;
    private Producer<String, byte[]> producer;

    public IdempotencyLog(Map<String, Object> consumerConfig, Map<String, Object> producerConfig, String topic,
            Duration retention, Clock clock) {
        this.consumerConfig = consumerConfig;
        this.producerConfig = producerConfig;
        this.topic = topic;
        this.retention = retention;
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("idempotency-log-reader");
            thread.setDaemon(true);
            return thread;
        });
        this.executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Starts reading the topic in the background; {@link #isLoaded()} turns true once it has been read to its end. */
    public IdempotencyLog start() {
        executor.execute(this::step);
        return this;
    }

    /** True once every entry written before start-up has been read. */
    public boolean isLoaded() {
        return loaded;
    }

    /** Waits until loaded; for tests and tools. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loadedLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The unexpired entry of this reporter and key, if any. */
    public Optional<IdempotencyEntry> find(String reporter, String key) {
        IdempotencyEntry entry = entries.get(mapKey(reporter, key));
        return entry == null || expired(entry, clock.instant()) ? Optional.empty() : Optional.of(entry);
    }

    /** Number of unexpired entries in memory. */
    public int size() {
        Instant now = clock.instant();
        return (int) entries.values().stream().filter(e -> !expired(e, now)).count();
    }

    /**
     * Remembers an entry here at once and writes it to the topic ({@code acks=all}) for other replicas and restarts.
     *
     * @return whether the broker acknowledged it within {@code wait}
     */
    public boolean remember(IdempotencyEntry entry, Duration wait) {
        entries.put(mapKey(entry.reporter(), entry.key()), entry);
        try {
            producer().send(new ProducerRecord<>(topic, recordKey(entry.reporter(), entry.key()), EventJson.write(entry)))
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warnf("an idempotency key could not be written to %s (%s); a retry is still deduplicated by its event id",
                    topic, e.getClass().getSimpleName());
            return false;
        }
    }

    /** The record key on the topic: a name-based UUID of reporter and key (fixed length, evenly partitioned). */
    public static String recordKey(String reporter, String key) {
        return Ids.nameBased("ingest-idempotency", reporter, key).toString();
    }

    private static String mapKey(String reporter, String key) {
        return reporter + '\u0000' + key;
    }

    private boolean expired(IdempotencyEntry entry, Instant now) {
        return entry.receivedAt() == null || entry.receivedAt().toInstant().plus(retention).isBefore(now);
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig);
        }
        return producer;
    }

    /** One round of the reader: connect and assign if needed, poll once, then schedule the next round. */
    private void step() {
        if (closing) {
            return;
        }
        try {
            if (consumer == null) {
                consumer = new KafkaConsumer<>(consumerConfig);
            }
            if (loadTarget == null && !assign()) {
                retryLater(null);
                return;
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                apply(record);
            }
            if (!loaded && reachedTarget()) {
                loaded = true;
                loadedLatch.countDown();
                LOG.infof("idempotency keys loaded from %s: %d in memory", topic, entries.size());
            }
            prune();
            backoff = Duration.ofMillis(200);
            executor.execute(this::step);
        } catch (WakeupException e) {
            if (!closing) {
                executor.execute(this::step);
            }
        } catch (Exception e) {
            retryLater(e);
        }
    }

    private boolean assign() {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (partitions == null || partitions.isEmpty()) {
            LOG.warnf("topic %s not found yet; idempotency keys cannot be loaded", topic);
            return false;
        }
        List<TopicPartition> assignment = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
        consumer.assign(assignment);
        consumer.seekToBeginning(assignment);
        loadTarget = new HashMap<>(consumer.endOffsets(assignment, Duration.ofSeconds(10)));
        return true;
    }

    private boolean reachedTarget() {
        for (Map.Entry<TopicPartition, Long> target : loadTarget.entrySet()) {
            if (consumer.position(target.getKey(), Duration.ofSeconds(5)) < target.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            entries.values().removeIf(e -> recordKey(e.reporter(), e.key()).equals(record.key()));
            return;
        }
        try {
            IdempotencyEntry entry = EventJson.read(record.value(), IdempotencyEntry.class);
            if (entry.reporter() == null || entry.key() == null || entry.id() == null || entry.receivedAt() == null) {
                throw new InvalidEventException("incomplete idempotency entry");
            }
            // the latest record of a key is its state, as compaction keeps it: an expired one forgets the key
            if (expired(entry, clock.instant())) {
                entries.remove(mapKey(entry.reporter(), entry.key()));
            } else {
                entries.put(mapKey(entry.reporter(), entry.key()), entry);
            }
        } catch (InvalidEventException e) {
            LOG.warnf("skipping an unreadable record at %s-%d@%d", record.topic(), record.partition(), record.offset());
        }
    }

    private void prune() {
        Instant now = clock.instant();
        if (now.isAfter(nextPrune)) {
            entries.values().removeIf(e -> expired(e, now));
            nextPrune = now.plus(PRUNE_EVERY);
        }
    }

    private void retryLater(Exception failure) {
        if (closing) {
            return;
        }
        if (failure != null) {
            LOG.warnf("reading %s failed (%s: %s); retrying in %d ms", topic, failure.getClass().getSimpleName(),
                    failure.getMessage(), backoff.toMillis());
            closeConsumer();
        }
        executor.schedule(this::step, backoff.toMillis(), TimeUnit.MILLISECONDS);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }

    private void closeConsumer() {
        Consumer<String, byte[]> c = consumer;
        consumer = null;
        loadTarget = null;
        if (c != null) {
            try {
                c.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.debug("closing the idempotency reader", e);
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        executor.execute(this::closeConsumer);
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(2));
                producer = null;
            }
        }
    }
}
