package org.newsroom.article.support;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsroom.contracts.Topics;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Builds issue request bodies and reads the issue events back from the real topic. */
public final class Issues {

    private Issues() {
    }

    /** An issue number no other test uses. */
    public static int newNumber() {
        return ThreadLocalRandom.current().nextInt(100_000, 9_000_000);
    }

    public static Map<String, Object> page(int number, String name, UUID... articleIds) {
        List<Map<String, Object>> placements = new ArrayList<>();
        for (int i = 0; i < articleIds.length; i++) {
            placements.add(Map.of("articleId", articleIds[i].toString(), "order", i + 1));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("number", number);
        page.put("name", name);
        page.put("placements", placements);
        return page;
    }

    public static Map<String, Object> teaser(String kicker, String headline, int page) {
        Map<String, Object> teaser = new LinkedHashMap<>();
        if (kicker != null) {
            teaser.put("kicker", kicker);
        }
        teaser.put("headline", headline);
        teaser.put("page", page);
        return teaser;
    }

    public static Map<String, Object> issue(String masthead, int number, List<Map<String, Object>> pages,
            List<Map<String, Object>> teasers) {
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("masthead", masthead);
        issue.put("number", number);
        issue.put("date", LocalDate.of(2024, 12, 20).toString());
        issue.put("distributionNote", "内部资料 免费交流");
        issue.put("pages", pages);
        issue.put("teasers", teasers);
        return issue;
    }

    /** Creates the draft (201) and returns its id. */
    public static UUID create(Map<String, Object> body) {
        String id = given().auth().oauth2(Staff.editor()).contentType("application/json").body(body)
                .post("/api/v1/issues").then().statusCode(201).extract().jsonPath().getString("id");
        return UUID.fromString(id);
    }

    /** A published one-page issue holding the given (approved) articles. */
    public static UUID publishedWith(UUID... articleIds) {
        UUID id = create(issue("测试报", newNumber(), List.of(page(1, "要闻", articleIds)), List.of()));
        given().auth().oauth2(Staff.editor()).post("/api/v1/issues/{id}/publish", id).then().statusCode(200);
        return id;
    }

    /** The records of newsroom.issues keyed by this issue. */
    public static List<ConsumerRecord<byte[], byte[]>> events(UUID issueId) {
        byte[] key = issueId.toString().getBytes(UTF_8);
        return TestKafka.readAll(Topics.ISSUES).stream().filter(r -> Arrays.equals(r.key(), key)).toList();
    }
}
