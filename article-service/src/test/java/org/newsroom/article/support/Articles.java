package org.newsroom.article.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.newsroom.contracts.Ids;
import org.newsroom.contracts.article.Submission;
import org.newsroom.contracts.article.BlockType;
import org.newsroom.contracts.article.BodyBlock;
import org.newsroom.contracts.article.Distribution;

/** Arranges articles the real way: a submission on the topic, consumed by the service, then checked over HTTP. */
public final class Articles {

    private Articles() {
    }

    /** A small valid story. */
    public static Submission story(String headline, String section, Distribution distribution) {
        return new Submission(headline, null, null, null, null,
                List.of(new BodyBlock(BlockType.PARAGRAPH, "正文：" + headline)),
                null, null, null, section, null, null, distribution, null, null);
    }

    /** Submits through Kafka and waits until the service has stored it; returns the article id. */
    public static UUID submit(Submission submission, String reporter) {
        UUID id = Ids.newV7();
        TestKafka.submit(id, submission, 1, reporter);
        awaitRevision(id, 1);
        return id;
    }

    /** Submits through Kafka, waits until it is stored and approves it; returns the article id. */
    public static UUID approved(Submission submission, String reporter) {
        UUID id = submit(submission, reporter);
        approve(id);
        return id;
    }

    /** Waits until the article exists with at least this revision number. */
    public static void awaitRevision(UUID id, int revision) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            var response = given().auth().oauth2(Staff.editor()).get("/api/v1/articles/{id}", id);
            return response.statusCode() == 200 && response.jsonPath().getInt("revision") >= revision;
        });
    }

    /** Approves through the workflow endpoint. */
    public static void approve(UUID id) {
        given().auth().oauth2(Staff.editor()).contentType("application/json")
                .body("{\"action\":\"approve\"}")
                .post("/api/v1/articles/{id}/transitions", id)
                .then().statusCode(200);
    }

    /** Marks an article published directly in the database (for reader tests that need no issue). */
    public static void forcePublished(UUID id) {
        Db.update("update article set status = 'published', published_at = now(), version = version + 1 where id = ?",
                id);
    }
}
