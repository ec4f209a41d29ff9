package org.newsroom.article.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.Staff;
import org.newsroom.contracts.article.BlockType;
import org.newsroom.contracts.article.BodyBlock;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.contracts.article.Submission;
import org.newsroom.stack.test.NewsroomTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A valid body of very many distinct Chinese character pairs would make a tsvector larger than PostgreSQL's 1 MB
 * limit (SQLSTATE 54000): what is indexed is capped, so the story is stored and indexed, and an editor's edit of the
 * same kind is not a 500.
 */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class HugeSearchVectorTest {

    private static final String MERGE_PATCH = "application/merge-patch+json; charset=UTF-8";

    /** Ten maximal blocks of random ideographs: about 200,000 distinct bigrams. */
    private static List<BodyBlock> distinctPairs(long seed) {
        Random random = new Random(seed);
        List<BodyBlock> blocks = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 20_000) {
                text.appendCodePoint(0x4E00 + random.nextInt(0x9FA5 - 0x4E00));
            }
            blocks.add(new BodyBlock(BlockType.PARAGRAPH, text.toString()));
        }
        return blocks;
    }

    @Test
    void aBodyOfManyDistinctChinesePairsIsStoredIndexedAndEditable() {
        List<BodyBlock> body = distinctPairs(1);
        UUID id = Articles.submit(new Submission("字对极多的稿件", null, null, null, null, body, null, null, null, null,
                null, null, Distribution.PUBLIC, null, null), Staff.newReporter());
        given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", id).then().statusCode(200)
                .body("body[9].text", equalTo(body.get(9).text()));
        given().auth().oauth2(Staff.editor()).queryParam("q", "字对极多").get("/api/v1/search").then()
                .statusCode(200).body("hits.find { it.id == '" + id + "' }.id", equalTo(id.toString()));

        Response before = given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", id);
        List<Map<String, String>> edited = distinctPairs(2).stream()
                .map(block -> Map.of("type", "paragraph", "text", block.text())).toList();
        given().auth().oauth2(Staff.editor()).contentType(MERGE_PATCH).header("If-Match", before.header("ETag"))
                .body(Map.of("body", edited)).patch("/api/v1/articles/{id}", id)
                .then().statusCode(200).body("revision", equalTo(2));
    }
}
