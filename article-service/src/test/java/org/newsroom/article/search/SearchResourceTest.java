package org.newsroom.article.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.SeedData;
import org.newsroom.article.support.Staff;
import org.newsroom.article.support.TestKafka;
import org.newsroom.contracts.article.BlockType;
import org.newsroom.contracts.article.BodyBlock;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.contracts.article.Submission;
import org.newsroom.stack.test.NewsroomTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Chinese full-text search through the real consumer, database and HTTP endpoint. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class SearchResourceTest {

    private static List<String> ids(JsonPath json) {
        return json.getList("hits.id", String.class);
    }

    private static JsonPath search(RequestSpecification request, String q, String section) {
        RequestSpecification spec = request.queryParam("q", q);
        if (section != null) {
            spec = spec.queryParam("section", section);
        }
        Response response = spec.get("/api/v1/search");
        response.then().statusCode(200).contentType("application/json");
        return response.jsonPath();
    }

    private static JsonPath readerSearch(String q, String section) {
        return search(given(), q, section);
    }

    private static Submission story(String headline, String text, String section, Distribution distribution,
            OffsetDateTime embargo) {
        return new Submission(headline, null, null, null, null, List.of(new BodyBlock(BlockType.PARAGRAPH, text)),
                null, null, null, section, null, null, distribution, embargo, null);
    }

    /** A Latin word no other test's article contains. */
    private static String uniqueWord() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).replaceAll("[0-9]", "x");
    }

    @Test
    void seedStoriesAreFoundByTheirOwnWords() {
        String section = ReaderFixtures.newSection();
        String reporter = Staff.newReporter();
        Map<String, UUID> byFile = new LinkedHashMap<>();
        for (String file : SeedData.articleFiles()) {
            byFile.put(file.substring(0, 2), Articles.submit(ReaderFixtures.inSection(SeedData.submission(file),
                    section), reporter));
        }
        ReaderFixtures.publish(List.copyOf(byFile.values()));

        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("姚期智", Set.of("03"));
        expected.put("周伯文", Set.of("03"));
        expected.put("乔宇", Set.of("02", "03"));
        expected.put("曹立强", Set.of("01", "04"));
        expected.put("曹香玉", Set.of("03"));
        expected.put("徐汇", Set.of("01", "02", "03", "04"));
        expected.put("浦江", Set.of("02", "03"));
        expected.put("番南小区", Set.of("01"));
        expected.put("人工智能", Set.of("02", "03"));
        expected.put("学术年会", Set.of("03"));
        expected.put("AI", Set.of("03"));
        expected.put("ai", Set.of("03"));
        expected.put("ＡＩ", Set.of("03"));
        expected.put("AGI", Set.of("03"));
        expected.put("150", Set.of("03"));
        expected.put("2024", Set.of("04"));
        expected.put("述责述廉", Set.of("04"));
        expected.put("人工智能 姚期智", Set.of("03"));
        expected.put("大模型", Set.of("02"));
        expected.put("量子计算", Set.of());
        for (Map.Entry<String, Set<String>> query : expected.entrySet()) {
            Set<String> wanted = new HashSet<>();
            query.getValue().forEach(file -> wanted.add(byFile.get(file).toString()));
            assertThat(ids(readerSearch(query.getKey(), section))).as("q=" + query.getKey())
                    .containsExactlyInAnyOrderElementsOf(wanted);
        }

        JsonPath ai = readerSearch("人工智能", section);
        assertThat(ai.getString("hits[0].id")).as("headline match ranks first").isEqualTo(byFile.get("03").toString());
        assertThat(ai.getString("hits[0].headline")).isEqualTo("全球人工智能领域专家学者聚在徐汇");
        assertThat(ai.getDouble("hits[0].score")).isGreaterThan(ai.getDouble("hits[1].score"));
        assertThat(ai.getString("hits[0].publishedAt")).isNotEmpty();
        assertThat(ai.getString("hits[0].snippet")).contains("<mark>人工智能</mark>");

        String snippet = readerSearch("姚期智", section).getString("hits[0].snippet");
        assertThat(snippet).contains("<mark>姚期智</mark>").doesNotContain("<mark>姚</mark>");
        assertThat(readerSearch("AGI", section).getString("hits[0].snippet")).contains("<mark>AGI</mark>");

        // without a section filter the seed story is found too (among other tests' copies)
        assertThat(ids(readerSearch("周伯文", null))).contains(byFile.get("03").toString());
    }

    @Test
    void unpublishedInternalAndEmbargoedStoriesNeverReachReaders() {
        String section = ReaderFixtures.newSection();
        String word = uniqueWord();
        String owner = Staff.newReporter();
        UUID draft = Articles.submit(story("草稿 " + word, "未发表的稿件 " + word, section, Distribution.PUBLIC, null),
                owner);
        UUID internal = Articles.submit(story("内部 " + word, "内部资料 " + word, section, Distribution.INTERNAL, null),
                owner);
        UUID embargoed = Articles.submit(story("禁发 " + word, "禁发稿件 " + word, section, Distribution.PUBLIC,
                OffsetDateTime.now(ZoneOffset.UTC).plusYears(5).truncatedTo(java.time.temporal.ChronoUnit.MICROS)), owner);
        UUID soon = Articles.submit(story("即将解禁 " + word, "即将解禁 " + word, section, Distribution.PUBLIC,
                OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(20).truncatedTo(java.time.temporal.ChronoUnit.MICROS)), owner);
        ReaderFixtures.publish(List.of(internal, embargoed, soon));

        assertThat(ids(readerSearch(word, section))).isEmpty();
        assertThat(ids(search(given().auth().oauth2(Staff.editor()), word, section)))
                .contains(draft.toString(), internal.toString(), embargoed.toString(), soon.toString());
        assertThat(ids(search(given().auth().oauth2(Staff.reporter(owner)), word, section)))
                .contains(draft.toString(), internal.toString(), embargoed.toString());
        assertThat(ids(search(given().auth().oauth2(Staff.reporter(Staff.newReporter())), word, section)))
                .doesNotContain(draft.toString(), internal.toString(), embargoed.toString());
        // the embargo is evaluated at query time: nothing is re-indexed when it passes
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ids(readerSearch(word, section)).contains(soon.toString()));
        assertThat(ids(readerSearch(word, section))).containsExactly(soon.toString());
    }

    @Test
    void aNewRevisionAndAPatchAreFoundByTheirNewWordsOnly() {
        String section = ReaderFixtures.newSection();
        String firstWord = uniqueWord();
        String secondWord = uniqueWord();
        String patchedWord = uniqueWord();
        String reporter = Staff.newReporter();
        UUID id = Articles.submit(story("浦江新闻 " + firstWord, "第一稿提到" + firstWord + "和周伯文", section,
                Distribution.PUBLIC, null), reporter);
        TestKafka.submit(id, story("浦江新闻", "第二稿只提到" + secondWord + "和姚期智", section, Distribution.PUBLIC, null),
                2, reporter);
        Articles.awaitRevision(id, 2);
        ReaderFixtures.publish(List.of(id));

        assertThat(ids(readerSearch(secondWord, section))).containsExactly(id.toString());
        assertThat(ids(readerSearch("姚期智", section))).containsExactly(id.toString());
        assertThat(ids(readerSearch(firstWord, section))).isEmpty();
        assertThat(ids(readerSearch("周伯文", section))).isEmpty();

        // an editor's patch of the published article: found by its new words at once, no longer by the removed ones
        ReaderFixtures.patch(id, "{\"headline\": \"徐汇新闻 " + patchedWord + "\", \"body\": [{\"type\": \"paragraph\","
                + " \"text\": \"更正后的正文提到乔宇\"}]}");
        assertThat(ids(readerSearch(patchedWord, section))).containsExactly(id.toString());
        assertThat(ids(readerSearch("乔宇", section))).containsExactly(id.toString());
        assertThat(ids(readerSearch(secondWord, section))).isEmpty();
        assertThat(ids(readerSearch("姚期智", section))).isEmpty();
        assertThat(readerSearch(patchedWord, section).getString("hits[0].headline")).isEqualTo("徐汇新闻 " + patchedWord);
    }

    @Test
    void retractedStoriesDisappearAtOnce() {
        String section = ReaderFixtures.newSection();
        String word = uniqueWord();
        UUID id = Articles.submit(story("将撤回 " + word, "正文 " + word, section, Distribution.PUBLIC, null),
                Staff.newReporter());
        ReaderFixtures.publish(List.of(id));
        assertThat(ids(readerSearch(word, section))).containsExactly(id.toString());
        given().auth().oauth2(Staff.editor()).contentType("application/json")
                .body("{\"action\": \"retract\", \"note\": \"撤稿\"}")
                .post("/api/v1/articles/{id}/transitions", id).then().statusCode(200);
        assertThat(ids(readerSearch(word, section))).isEmpty();
        assertThat(ids(search(given().auth().oauth2(Staff.editor()), word, section))).containsExactly(id.toString());
    }

    @Test
    void pagesFollowTheCursor() {
        String section = ReaderFixtures.newSection();
        String word = uniqueWord();
        String reporter = Staff.newReporter();
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Articles.submit(story("人工智能 第" + i + "篇 " + word, "人工智能 " + word, section,
                    Distribution.PUBLIC, null), reporter));
        }
        ReaderFixtures.publish(created);
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = given().queryParam("q", word).queryParam("section", section)
                    .queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            Response response = request.get("/api/v1/search");
            response.then().statusCode(200);
            List<String> page = response.jsonPath().getList("hits.id", String.class);
            assertThat(page).hasSizeLessThanOrEqualTo(2);
            page.forEach(id -> assertThat(seen.add(id)).as("no hit twice").isTrue());
            cursor = response.jsonPath().getString("next");
            if (cursor != null) {
                assertThat(response.header("Link")).contains("cursor=").contains("rel=\"next\"");
            }
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5);
    }

    @Test
    void badInputIsAProblemAndTheServiceStaysReady() {
        String tooLong = "人".repeat(201);
        given().get("/api/v1/search").then().statusCode(422).contentType("application/problem+json");
        given().queryParam("q", "").get("/api/v1/search").then().statusCode(422)
                .contentType("application/problem+json");
        given().queryParam("q", "   ").get("/api/v1/search").then().statusCode(422);
        given().queryParam("q", tooLong).get("/api/v1/search").then().statusCode(422)
                .contentType("application/problem+json");
        given().queryParam("q", "人".repeat(200)).get("/api/v1/search").then().statusCode(200);
        given().queryParam("q", "a\u0000b").get("/api/v1/search").then().statusCode(422);
        given().queryParam("q", "人工智能").queryParam("limit", "abc").get("/api/v1/search").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("q", "人工智能").queryParam("limit", "0").get("/api/v1/search").then().statusCode(422);
        given().queryParam("q", "人工智能").queryParam("limit", "101").get("/api/v1/search").then().statusCode(422);
        given().queryParam("q", "人工智能").queryParam("cursor", "!!not-a-cursor").get("/api/v1/search").then()
                .statusCode(400).contentType("application/problem+json");
        given().queryParam("q", "人工智能").queryParam("section", "版".repeat(51)).get("/api/v1/search").then()
                .statusCode(422).contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/api/v1/search?q=%E8%A6").then().statusCode(400)
                .contentType("application/problem+json");
        for (String hostile : List.of("' & | ! <-> :* ( ) \\", "'; drop table article; --", "。。。！？",
                "<script>alert(1)</script>", "人工智能:*", "!人工智能", "a <-> b", "\uD83D\uDE00", "%", "*")) {
            given().queryParam("q", hostile).get("/api/v1/search").then().statusCode(200)
                    .contentType("application/json");
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aCursorOnlyWorksForItsOwnQuery() {
        String section = ReaderFixtures.newSection();
        String word = uniqueWord();
        String reporter = Staff.newReporter();
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            created.add(Articles.submit(story("稿件 " + word, "正文 " + word, section, Distribution.PUBLIC, null),
                    reporter));
        }
        ReaderFixtures.publish(created);
        String next = given().queryParam("q", word).queryParam("section", section).queryParam("limit", 1)
                .get("/api/v1/search").jsonPath().getString("next");
        assertThat(next).isNotNull();
        given().queryParam("q", "人工智能").queryParam("cursor", next).get("/api/v1/search").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
