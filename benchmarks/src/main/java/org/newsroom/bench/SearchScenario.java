package org.newsroom.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.Topics;
import org.newsroom.contracts.article.ArticleSubmitted;
import org.newsroom.contracts.article.Submission;
import org.newsroom.contracts.article.SubmissionFormat;
import org.newsroom.stack.LocalStack;

/**
 * search: latency of {@code GET /api/v1/search} over a generated corpus (seed sentences recombined), produced straight
 * to {@code newsroom.submissions} as {@code news.article.submitted} events and stored by article-service. The
 * benchmark is a plain JVM tool, not a Quarkus application, so it produces with the Kafka client directly.
 */
public final class SearchScenario implements Scenario {

    /** Seed words: Chinese names and terms, Latin, digits. */
    static final List<String> QUERIES = List.of("人工智能", "徐汇", "姚期智", "AI", "2024", "浦江", "曹立强", "大模型",
            "政协委员", "从严治党", "番南小区", "科学家", "上海 人工智能", "述责述廉", "乔宇", "AGI");
    static final long CORPUS_SEED = 20241220L;

    @Override
    public String name() {
        return "search";
    }

    @Override
    public void run(BenchContext context, ScenarioResult result) throws Exception {
        BenchOptions options = context.options();
        NewsroomApi api = context.api();
        CorpusGenerator corpus = CorpusGenerator.fromSeeds(context.sharedDir());
        int n = options.corpus();
        try (Connection db = context.database(LocalStack.ARTICLE_DATABASE)) {
            long count0 = IngestScenario.count(db);
            context.progress("search: producing " + Fmt.count(n) + " generated stories (" + corpus.sentences().size()
                    + " seed sentences) to " + Topics.SUBMISSIONS);
            Profiler.Session corpusProfile = context.profiler().start(name() + "-corpus");
            CpuMeter.Snapshot cpu0 = CpuMeter.take(context.stack());
            long t0 = System.nanoTime();
            long produced = produce(context.stack().kafkaBootstrapServers(), corpus, n);
            double produceSeconds = (System.nanoTime() - t0) / 1e9;
            context.progress("search: produced in " + Fmt.seconds(produceSeconds) + "; waiting until article-service stored them");
            IngestScenario.Drain drain = IngestScenario.awaitCount(db, count0 + produced, t0, context);
            if (!drain.complete()) {
                throw new IllegalStateException("article-service stored only " + (drain.reached() - count0) + " of "
                        + produced + " corpus stories (stalled)");
            }
            CpuMeter.Usage cpu = cpu0.until(CpuMeter.take(context.stack()));
            corpusProfile.stop(result);
            result.note("CPU while loading the corpus: " + cpu.describe(produced, "story") + ".");
            result.info("corpus stored (produce → stored)", Fmt.count(produced) + " in " + Fmt.seconds(drain.seconds())
                    + " = " + Fmt.perSecond(produced / drain.seconds()));
        }

        String editor = "Bearer " + api.editorToken();
        List<String> urls = new ArrayList<>();
        StringBuilder hits = new StringBuilder();
        for (String q : QUERIES) {
            String url = api.articlesUrl() + "/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
            urls.add(url);
            JsonNode staff = api.call("GET", url, api.editorToken(), null, 200);
            JsonNode reader = api.call("GET", url, null, null, 200);
            hits.append(hits.length() == 0 ? "" : ", ").append(q).append(" ").append(staff.path("hits").size())
                    .append(staff.has("next") ? "+" : "").append(" (reader ").append(reader.path("hits").size()).append(")");
        }
        result.note("Hits on the first page per query, as editor (as reader, who only sees published stories): " + hits + ".");
        result.note("Share of corpus stories containing each query (every term), from a sample of 2,000: "
                + selectivity(corpus, 2_000) + ". With only " + corpus.sentences().size() + " distinct seed sentences, "
                + "every query matches a large part of the corpus: a worst case for ranking, far less selective than a "
                + "real archive.");

        LoadSpec spec = new LoadSpec("GET", urls, Map.of("Authorization", editor, "Accept", "application/json"), null,
                options.searchConnections(), options.warmup(), options.duration());
        context.progress("search: " + spec.connections() + " concurrent searchers, " + QUERIES.size() + " queries in turn, "
                + spec.warmup().toSeconds() + " s warm-up + " + spec.duration().toSeconds() + " s");
        BenchContext.Measured measured = context.measure(name(), result, context.javaGenerator(), spec, Map.of());
        LoadResult load = measured.load();
        CpuMeter.Usage queryCpu = measured.cpu();
        result.note("CPU during the measured searches: " + queryCpu.describe(load.requests(), "search") + ".");
        context.progress("search: " + load);
        result.row("search p50", Fmt.millis(load.latency().p50()), null, null, Row.Verdict.INFO);
        result.row("search p95", Fmt.millis(load.latency().p95()), null, "target ≤ 50 ms",
                Row.Verdict.of(load.latency().p95() <= 50 && load.unexpected() == 0));
        result.info("CPU per search (article-service + PostgreSQL)", Fmt.millis(1000 * (queryCpu.of("article-service")
                + queryCpu.of("postgres")) / Math.max(1, load.requests())));
        result.row("search p99 / requests/s", Fmt.millis(load.latency().p99()) + " / " + Fmt.perSecond(load.requestsPerSecond()),
                null, null, Row.Verdict.INFO);
        result.note("Corpus: " + Fmt.count(options.corpus()) + " stories of 3–8 paragraphs, each paragraph 2–5 sentences drawn "
                + "(fixed random seed) from the " + corpus.sentences().size() + " sentences of the seed stories; produced with "
                + "the contracts classes (`ArticleSubmitted`, `CloudEventAttributes`, `EventJson`) straight to `"
                + Topics.SUBMISSIONS + "`, as ingest-service would, and stored by article-service's consumer.");
        result.note("The corpus stays `submitted`: publishing 100,000 stories means 100,000 approve calls plus issues, so the "
                + "benchmark searches as an **editor** (staff see every status). Readers' search over it finds only the few "
                + "published stories.");
        result.note("Load: " + load + "; queries: " + String.join(", ", QUERIES) + ".");
    }

    /** For each query, the share of the first {@code sample} corpus stories that contain all of its terms. */
    static String selectivity(CorpusGenerator corpus, int sample) {
        int[] counts = new int[QUERIES.size()];
        for (int i = 0; i < sample; i++) {
            Submission story = corpus.story(CORPUS_SEED, i);
            StringBuilder text = new StringBuilder(story.headline());
            story.body().forEach(b -> text.append('\n').append(b.text()));
            String lower = text.toString().toLowerCase(java.util.Locale.ROOT);
            for (int q = 0; q < QUERIES.size(); q++) {
                boolean all = true;
                for (String term : QUERIES.get(q).toLowerCase(java.util.Locale.ROOT).split("\\s+")) {
                    all &= lower.contains(term);
                }
                counts[q] += all ? 1 : 0;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int q = 0; q < QUERIES.size(); q++) {
            out.append(q == 0 ? "" : ", ").append(QUERIES.get(q)).append(' ')
                    .append(Math.round(100.0 * counts[q] / sample)).append('%');
        }
        return out.toString();
    }

    /** Produces {@code n} corpus stories; returns how many the broker acknowledged. */
    static long produce(String bootstrap, CorpusGenerator corpus, int n) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "newsroom-bench-corpus");
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n && failure.get() == null; i++) {
                Submission story = corpus.story(CORPUS_SEED, i);
                UUID id = Ids.newV7();
                OffsetDateTime now = OffsetDateTime.now();
                ArticleSubmitted event = new ArticleSubmitted(story, id, 1, story.bylines().get(0).name(), now,
                        SubmissionFormat.JSON, null);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SUBMISSIONS, id.toString(),
                        EventJson.write(event));
                new CloudEventAttributes(Ids.newV7().toString(), "/newsroom/bench/corpus", EventTypes.ARTICLE_SUBMITTED,
                        now, id.toString()).writeTo(record.headers());
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("producing the corpus failed", failure.get());
        }
        return acknowledged.get();
    }
}
