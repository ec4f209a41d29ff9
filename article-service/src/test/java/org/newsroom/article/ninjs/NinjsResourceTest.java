package org.newsroom.article.ninjs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.article.search.ReaderFixtures;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.SeedData;
import org.newsroom.article.support.Staff;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.article.Submission;
import org.newsroom.stack.test.NewsroomTestResource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** {@code GET /api/v1/articles/{id}} as IPTC ninjs 3.1: validation, negotiation, visibility, carried-over fields. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class NinjsResourceTest {

    private static final String NINJS = "application/ninjs+json";

    private static JsonNode json(Response response) throws Exception {
        return EventJson.mapper().readTree(response.asByteArray());
    }

    @Test
    void everyPublishedSeedStoryIsValidNinjs() throws Exception {
        String reporter = Staff.newReporter();
        java.util.Map<String, UUID> ids = new java.util.LinkedHashMap<>();
        for (String file : SeedData.articleFiles()) {
            ids.put(file, Articles.submit(SeedData.submission(file), reporter));
        }
        ReaderFixtures.publish(List.copyOf(ids.values()));
        for (String file : SeedData.articleFiles()) {
            Submission seed = SeedData.submission(file);
            UUID id = ids.get(file);

            Response response = given().accept(NINJS).get("/api/v1/articles/{id}", id);
            response.then().statusCode(200);
            assertThat(response.contentType()).startsWith(NINJS);
            JsonNode doc = json(response);
            assertThat(NinjsSchema.errors(doc)).as(file + ": " + doc).isEmpty();
            assertThat(doc.get("uri").asText()).endsWith("/api/v1/articles/" + id);
            assertThat(doc.get("pubStatus").asText()).isEqualTo("usable");
            assertThat(doc.get("headlines").get(0).get("value").asText()).isEqualTo(seed.headline());
            assertThat(doc.get("versionCreated").asText()).isNotEmpty();
            assertThat(doc.get("firstCreated").asText()).isNotEmpty();

            String etag = response.header("ETag");
            assertThat(etag).isNotBlank();
            assertThat(response.header("Cache-Control")).startsWith("public");
            given().accept(NINJS).header("If-None-Match", etag).get("/api/v1/articles/{id}", id)
                    .then().statusCode(304);
        }
    }

    @Test
    void contentNegotiationKeepsJsonAsDefaultAndRefusesOtherTypes() throws Exception {
        UUID id = Articles.submit(SeedData.submission(SeedData.articleFiles().get(2)), Staff.newReporter());
        ReaderFixtures.publish(List.of(id));

        JsonNode plain = json(given().get("/api/v1/articles/{id}", id).then().statusCode(200).extract().response());
        assertThat(plain.has("headline")).isTrue();
        JsonNode json = json(given().accept("application/json").get("/api/v1/articles/{id}", id)
                .then().statusCode(200).contentType("application/json").extract().response());
        assertThat(json.has("headline")).isTrue();
        JsonNode preferred = json(given().header("Accept", "application/ninjs+json, application/json;q=0.5")
                .get("/api/v1/articles/{id}", id).then().statusCode(200).extract().response());
        assertThat(preferred.has("headlines")).isTrue();

        for (String type : List.of("text/html", "application/xml", "application/ninjs+xml")) {
            given().accept(type).get("/api/v1/articles/{id}", id).then().statusCode(406)
                    .contentType("application/problem+json");
        }
        given().accept(NINJS).get("/api/v1/articles/{id}", "not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");
        given().accept(NINJS).get("/api/v1/articles/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void visibilityIsTheSameAsForJson() throws Exception {
        String owner = Staff.newReporter();
        UUID draft = Articles.submit(SeedData.submission(SeedData.articleFiles().get(0)), owner);
        given().accept(NINJS).get("/api/v1/articles/{id}", draft).then().statusCode(404)
                .contentType("application/problem+json");
        given().accept(NINJS).auth().oauth2(Staff.reporter(Staff.newReporter())).get("/api/v1/articles/{id}", draft)
                .then().statusCode(403).contentType("application/problem+json");
        JsonNode own = json(given().accept(NINJS).auth().oauth2(Staff.reporter(owner))
                .get("/api/v1/articles/{id}", draft).then().statusCode(200).extract().response());
        assertThat(own.get("pubStatus").asText()).isEqualTo("withheld");
        assertThat(NinjsSchema.errors(own)).isEmpty();

        UUID retracted = Articles.submit(SeedData.submission(SeedData.articleFiles().get(1)), owner);
        ReaderFixtures.publish(List.of(retracted));
        given().auth().oauth2(Staff.editor()).contentType("application/json")
                .body("{\"action\": \"retract\", \"note\": \"此稿撤回\"}")
                .post("/api/v1/articles/{id}/transitions", retracted).then().statusCode(200);
        given().accept(NINJS).get("/api/v1/articles/{id}", retracted).then().statusCode(410)
                .contentType("application/problem+json");
        JsonNode canceled = json(given().accept(NINJS).auth().oauth2(Staff.editor())
                .get("/api/v1/articles/{id}", retracted).then().statusCode(200).extract().response());
        assertThat(canceled.get("pubStatus").asText()).isEqualTo("canceled");
        assertThat(canceled.get("descriptions").toString()).contains("此稿撤回");
        assertThat(NinjsSchema.errors(canceled)).isEmpty();
    }

    @Test
    void aStorySubmittedInNinjsKeepsTheFieldsNinjsDefines() throws Exception {
        JsonNode original = EventJson.mapper().readTree("""
                {"uri": "urn:newsroom-test:ninjs:1", "type": "text", "language": "zh-CN", "urgency": 2,
                 "located": "上海市徐汇区", "headlines": [{"role": "main", "value": "浦江 AI学术年会开幕"}],
                 "bodies": [{"contentType": "text/plain", "value": "首届“浦江 AI学术年会”日前在徐汇举办。"}],
                 "places": [{"name": "徐汇", "uri": "http://example.org/places/xuhui"}],
                 "organisations": [{"name": "上海人工智能实验室"}],
                 "x-newsroom-extension": {"desk": "要闻"}, "edNote": "仅供编辑部"}
                """);
        Submission mapped = new Submission("浦江 AI学术年会开幕", null, null, null, "zh-CN",
                List.of(new org.newsroom.contracts.article.BodyBlock(
                        org.newsroom.contracts.article.BlockType.PARAGRAPH, "首届“浦江 AI学术年会”日前在徐汇举办。")),
                null, null, null, null, null, null, null, null, null);
        UUID id = ReaderFixtures.submitNinjs(mapped, original, Staff.newReporter());
        ReaderFixtures.publish(List.of(id));

        JsonNode doc = json(given().accept(NINJS).get("/api/v1/articles/{id}", id)
                .then().statusCode(200).extract().response());
        assertThat(NinjsSchema.errors(doc)).as(doc.toString()).isEmpty();
        assertThat(doc.get("urgency").asInt()).isEqualTo(2);
        assertThat(doc.get("located").asText()).isEqualTo("上海市徐汇区");
        assertThat(doc.get("places").get(0).get("name").asText()).isEqualTo("徐汇");
        assertThat(doc.get("organisations").get(0).get("name").asText()).isEqualTo("上海人工智能实验室");
        assertThat(doc.get("altIds").toString()).contains("urn:newsroom-test:ninjs:1");
        assertThat(doc.has("x-newsroom-extension")).isFalse();
        assertThat(doc.has("edNote")).isFalse();
    }
}
