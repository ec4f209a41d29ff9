package org.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.Topics;
import org.newsroom.contracts.article.Storable;
import org.newsroom.stack.LocalStack;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;

/**
 * Issue 9's acceptance: generated submissions in all three formats ingest accepts (JSON, Markdown with YAML front
 * matter, ninjs) — Chinese, emoji and other astral characters, maximal lengths and block counts, every enum value,
 * far dates, and now and then U+0000 or a lone surrogate — go through the packaged services and the real broker.
 * Every {@code 202} is stored and readable by its author character for character; every 4xx is problem+json; no
 * 5xx; none of the accepted stories reaches the dead-letter topic. Cases: {@code newsroom.storable.cases} (200 in
 * verify, 10,000 with {@code -Pfaults}); a failure reports its seed (rerun with {@code -DQT_SEED=<seed>}).
 */
class StorablePropertyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CASES = Integer.getInteger("newsroom.storable.cases", 200);
    private static final String[] GENRES = {"news", "photo", "feature", "commentary", "interview", "brief"};
    private static final String[] BLOCK_TYPES = {"paragraph", "heading", "quote"};
    private static final String[] LANGUAGES = {"zh-CN", "zh-Hant-TW", "en", "nb-NO", "yue",
            "zh" + "-abcdefgh".repeat(3) + "-abcde"};
    /** Code point ranges that are stable under NFC and carry no Markdown or YAML syntax. */
    private static final int[][] ALPHABET = {{0x4E00, 0x9FFF}, {0x1F300, 0x1F64F}, {0x20000, 0x2A6DF},
            {'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {0x3001, 0x3002}};

    private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();

    /** A generated story: its wire format, its fields, and whether it carries a character that must be refused. */
    record Story(String format, String headline, List<String[]> blocks, String genre, String language,
            String distribution, OffsetDateTime embargoedUntil, boolean hostile) {
        @Override
        public String toString() {
            return format + " headline=" + headline.length() + " chars, " + blocks.size() + " blocks, genre=" + genre
                    + ", language=" + language + ", embargo=" + embargoedUntil + ", hostile=" + hostile;
        }
    }

    @Test
    void everyAcknowledgedStoryIsStoredAndReadableByItsAuthor() throws Exception {
        LocalStack stack = E2eStack.get();
        String reporter = "storable-" + UUID.randomUUID().toString().substring(0, 8);
        String token = E2eStack.token("reporter", reporter);
        String ingest = stack.service(LocalStack.INGEST).url();
        String article = stack.service(LocalStack.ARTICLE).url();

        QuickTheory.qt().withExamples(CASES).withShrinkCycles(0).forAll(stories()).checkAssert(story -> {
            byte[] body = wire(story);
            Response response = given().config(RestAssured.config().encoderConfig(
                            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                    .baseUri(ingest).auth().oauth2(token)
                    .contentType(contentType(story.format())).body(body).post("/api/v1/submissions");
            int status = response.statusCode();
            outcomes.merge(String.valueOf(status), 1, Integer::sum);
            assertThat(status).as(story + " -> " + response.asString()).isLessThan(500);
            if (story.hostile()) {
                assertThat(status).as(story + " carries U+0000 or a lone surrogate").isEqualTo(422);
            } else {
                // Every other generated story is within the contract: refusing it would be a bug too.
                assertThat(status).as(story + " -> " + response.asString()).isEqualTo(202);
            }
            if (status >= 400) {
                assertThat(response.contentType()).as(story.toString()).startsWith("application/problem+json");
                return;
            }
            assertThat(status).as(story + " -> " + response.asString()).isEqualTo(202);
            String id = response.jsonPath().getString("id");
            accepted.add(id);
            Response stored = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> given().auth().oauth2(token).accept("application/json")
                            .get(article + "/api/v1/articles/" + id), r -> r.statusCode() == 200);
            JsonNode read = readTree(stored.asByteArray());
            assertThat(read.path("headline").asText()).as(story + " headline").isEqualTo(story.headline());
            JsonNode blocks = read.path("body");
            assertThat(blocks.size()).as(story + " blocks").isEqualTo(story.blocks().size());
            for (int i = 0; i < blocks.size(); i++) {
                assertThat(blocks.get(i).path("text").asText()).as(story + " block " + i)
                        .isEqualTo(story.blocks().get(i)[1]);
                assertThat(blocks.get(i).path("type").asText()).isEqualTo(story.blocks().get(i)[0]);
            }
            assertThat(read.path("language").asText()).isEqualTo(story.language());
            if (!story.format().equals("ninjs")) {
                assertThat(read.path("genre").asText()).isEqualTo(story.genre());
            }
            if (story.embargoedUntil() != null) {
                assertThat(OffsetDateTime.parse(read.path("embargoedUntil").asText()).toInstant())
                        .as(story + " embargo").isEqualTo(story.embargoedUntil().toInstant());
            }
        });

        System.out.println("storable property: " + CASES + " cases, answers " + outcomes + ", " + accepted.size()
                + " stored and read back");
        assertThat(deadLettered(stack.kafkaBootstrapServers())).as("accepted stories dead-lettered").isEmpty();
    }

    private Gen<Story> stories() {
        Gen<String> format = Generate.pick(List.of("json", "markdown", "ninjs"));
        Gen<Integer> shape = SourceDSL.integers().between(0, 9);
        Gen<Integer> small = SourceDSL.integers().between(1, 60);
        Gen<Integer> percent = SourceDSL.integers().between(0, 99);
        Gen<Long> seconds = SourceDSL.longs().between(Storable.EARLIEST.toEpochSecond(), Storable.LATEST.toEpochSecond());
        Gen<Integer> micros = SourceDSL.integers().between(0, 999_999);
        Gen<Integer> offset = SourceDSL.integers().between(-18 * 4, 18 * 4);
        Gen<Integer> codePoint = SourceDSL.integers().between(0, Integer.MAX_VALUE);
        return in -> {
            String f = format.generate(in);
            int kind = shape.generate(in);
            // kind 0: maximal headline; 1: maximal block count; 2: maximal block length; otherwise ordinary
            String headline = text(kind == 0 ? 200 : small.generate(in), codePoint, in, false);
            int count = kind == 1 ? 500 : f.equals("markdown") ? 1 + small.generate(in) % 8 : 1 + small.generate(in) % 12;
            List<String[]> blocks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int length = kind == 2 && i < 5 ? 20_000 : kind == 1 ? 1 + small.generate(in) % 20 : small.generate(in) * 5;
                String type = f.equals("json") ? BLOCK_TYPES[small.generate(in) % 3] : "paragraph";
                blocks.add(new String[] {type, text(length, codePoint, in, !f.equals("json"))});
            }
            boolean hostile = percent.generate(in) < 8;
            if (hostile) {
                // A lone surrogate cannot even be written as raw UTF-8 (Markdown): there, U+0000.
                String bad = percent.generate(in) % 2 == 0 || f.equals("markdown") ? "\u0000" : "\uD800";
                String[] block = blocks.get(0);
                blocks.set(0, new String[] {block[0], block[1] + bad + "x"});
            }
            String genre = GENRES[small.generate(in) % GENRES.length];
            String language = LANGUAGES[small.generate(in) % LANGUAGES.length];
            String distribution = percent.generate(in) % 2 == 0 ? "public" : "internal";
            OffsetDateTime embargo = null;
            if (percent.generate(in) < 40) {
                int minutes = offset.generate(in) * 15;
                embargo = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds.generate(in),
                        micros.generate(in) * 1000L), ZoneOffset.ofTotalSeconds(minutes * 60));
                if (embargo.isAfter(Storable.LATEST)) {
                    embargo = Storable.LATEST;
                }
            }
            return new Story(f, headline, blocks, genre, language, distribution, embargo, hostile);
        };
    }

    /** Text of exactly {@code length} UTF-16 units (astral characters count two), words separated by spaces. */
    private static String text(int length, Gen<Integer> random, org.quicktheories.core.RandomnessSource in,
            boolean markdownSafe) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            int r = random.generate(in);
            if (out.length() > 0 && out.length() < length - 1 && r % 11 == 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
                continue;
            }
            int[] range = ALPHABET[Math.floorMod(r, ALPHABET.length)];
            int cp = range[0] + Math.floorMod(r / ALPHABET.length, range[1] - range[0] + 1);
            if (Character.charCount(cp) > length - out.length()) {
                cp = 0x4E2D;
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static byte[] wire(Story story) {
        try {
            return encode(story);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] encode(Story story) throws java.io.IOException {
        switch (story.format()) {
            case "json" -> {
                ObjectNode json = fields(story);
                json.put("genre", story.genre());
                json.put("distribution", story.distribution());
                ArrayNode body = json.putArray("body");
                for (String[] block : story.blocks()) {
                    body.addObject().put("type", block[0]).put("text", block[1]);
                }
                return JSON.writeValueAsBytes(json);
            }
            case "markdown" -> {
                ObjectNode front = fields(story);
                front.put("genre", story.genre());
                front.put("distribution", story.distribution());
                StringBuilder md = new StringBuilder("---\n");
                // A JSON string is a YAML double-quoted scalar (\\u escapes for what YAML cannot carry raw).
                for (var field : (Iterable<Map.Entry<String, JsonNode>>) front::fields) {
                    md.append(field.getKey()).append(": ").append(JSON.writeValueAsString(field.getValue())).append('\n');
                }
                md.append("---\n");
                for (String[] block : story.blocks()) {
                    md.append(block[1]).append("\n\n");
                }
                return md.toString().getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                ObjectNode ninjs = JSON.createObjectNode();
                ninjs.put("type", "text");
                ninjs.putArray("headlines").addObject().put("role", "main").put("value", story.headline());
                StringBuilder plain = new StringBuilder();
                for (String[] block : story.blocks()) {
                    plain.append(plain.length() == 0 ? "" : "\n\n").append(block[1]);
                }
                ninjs.putArray("bodies").addObject().put("contentType", "text/plain").put("value", plain.toString());
                ninjs.put("language", story.language());
                if (story.embargoedUntil() != null) {
                    ninjs.put("embargoedUntil", story.embargoedUntil().toString());
                }
                ninjs.putObject("x-generated").put("note", story.headline());
                return JSON.writeValueAsBytes(ninjs);
            }
        }
    }

    private static ObjectNode fields(Story story) {
        ObjectNode json = JSON.createObjectNode();
        json.put("headline", story.headline());
        json.put("language", story.language());
        if (story.embargoedUntil() != null) {
            json.put("embargoedUntil", story.embargoedUntil().toString());
        }
        return json;
    }

    private static String contentType(String format) {
        return switch (format) {
            case "json" -> "application/json";
            case "markdown" -> "text/markdown";
            default -> "application/ninjs+json";
        };
    }

    private static JsonNode readTree(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Ids of accepted stories found on the dead-letter topic (read from the beginning to its current end). */
    private List<String> deadLettered(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUBMISSIONS_DLQ, Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && accepted.contains(record.key())) {
                        found.add(record.key());
                    }
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return found;
    }
}
