package org.newsroom.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.media.support.Bucket;
import org.newsroom.media.support.LargeUpload;
import org.newsroom.stack.test.TestPhotos;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Uploads against the real S3 server: acknowledged only once stored, metadata read, hostile files refused. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "media"), @ResourceArg(name = "object-store", value = "true")})
class UploadTest {

    @TestHTTPResource("/api/v1/media")
    URI uploadUrl;

    static String token(String role) {
        return TestInfrastructure.get().token(role, "reporter".equals(role) ? "刘坤" : "王编辑");
    }

    static Response upload(byte[] bytes, String contentType, String role) {
        return given().auth().oauth2(token(role)).contentType(contentType).body(bytes)
                .post("/api/v1/media");
    }

    @Test
    void aChineseIptcPhotoIsStoredAndItsCaptionCreditAndBylineAreReadExactly() {
        byte[] photo = TestPhotos.chineseIptcJpeg();
        Response created = upload(photo, "image/jpeg", "reporter");
        created.then().statusCode(201)
                .header("Location", notNullValue())
                .body("credit", equalTo(TestPhotos.CREDIT))
                .body("caption", equalTo(TestPhotos.CAPTION))
                .body("byline", equalTo(TestPhotos.BYLINE))
                .body("photographers", org.hamcrest.Matchers.contains("刘坤", "陈文卿"))
                .body("width", equalTo(2400))
                .body("height", equalTo(1600))
                .body("contentType", equalTo("image/jpeg"));
        String id = created.path("id");
        // 201 came after the store acknowledged: the original is in the bucket, byte for byte.
        try (var s3 = Bucket.client()) {
            byte[] stored = s3.getObjectAsBytes(b -> b.bucket(Bucket.NAME).key("originals/" + id)).asByteArray();
            assertThat(Arrays.equals(stored, photo)).isTrue();
        }
        byte[] original = given().auth().oauth2(token("editor")).get("/api/v1/media/" + id + "/original")
                .then().statusCode(200).header("Cache-Control", equalTo("private, no-store"))
                .extract().asByteArray();
        assertThat(Arrays.equals(original, photo)).isTrue();
    }

    @Test
    void theDeskCanEditCaptionAndCredit() {
        String id = upload(TestPhotos.chineseIptcJpeg(800, 600, "旧的说明"), "image/jpeg", "reporter")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(token("editor")).contentType("application/json")
                .body("{\"caption\": \"新的说明 ✓\", \"credit\": \"陈文卿\"}")
                .patch("/api/v1/media/" + id)
                .then().statusCode(200).body("caption", equalTo("新的说明 ✓")).body("credit", equalTo("陈文卿"))
                .body("byline", equalTo(TestPhotos.BYLINE));
        given().auth().oauth2(TestInfrastructure.get().token("reporter", "施昱辰")).contentType("application/json")
                .body("{\"caption\": \"x\"}").patch("/api/v1/media/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(token("reporter")).contentType("application/json").body("{\"byline\": \"刘坤 摄\"}")
                .patch("/api/v1/media/" + id).then().statusCode(200).body("caption", equalTo("新的说明 ✓"))
                .body("byline", equalTo("刘坤 摄"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheSameIdAndADifferentFileIs422() {
        String key = "photo-" + UUID.randomUUID();
        byte[] photo = TestPhotos.chineseIptcJpeg(640, 480, "同一张照片");
        String first = given().auth().oauth2(token("reporter")).header("Idempotency-Key", key)
                .contentType("image/jpeg").body(photo).post("/api/v1/media")
                .then().statusCode(201).extract().path("id");
        long stored = Bucket.originals();
        given().auth().oauth2(token("reporter")).header("Idempotency-Key", key)
                .contentType("image/jpeg").body(photo).post("/api/v1/media")
                .then().statusCode(201).body("id", equalTo(first));
        assertThat(Bucket.originals()).isEqualTo(stored);
        given().auth().oauth2(token("reporter")).header("Idempotency-Key", key)
                .contentType("image/png").body(TestPhotos.png(10, 10)).post("/api/v1/media")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void hostileFilesGetTheirDocumentedProblemNothingIsStoredAndTheServiceStaysReady() {
        long before = Bucket.originals();
        upload(TestPhotos.decompressionBomb(), "image/png", "reporter")
                .then().statusCode(422).contentType("application/problem+json");
        upload(TestPhotos.truncatedJpeg(), "image/jpeg", "reporter")
                .then().statusCode(422).contentType("application/problem+json");
        upload(TestPhotos.png(50, 50), "image/jpeg", "reporter")
                .then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(token("reporter")).contentType("application/octet-stream")
                .header("Content-Disposition", "attachment; filename=\"photo.jpg\"")
                .body(TestPhotos.png(50, 50)).post("/api/v1/media")
                .then().statusCode(415).contentType("application/problem+json");
        upload(TestPhotos.svg(), "image/svg+xml", "reporter")
                .then().statusCode(415).contentType("application/problem+json");
        // 30 MiB, streamed (RestAssured's request log would hold the whole body as text).
        for (boolean chunked : new boolean[] {false, true}) {
            LargeUpload.Answer huge = LargeUpload.send(uploadUrl, token("reporter"), 30L * 1024 * 1024, chunked);
            assertThat(huge.status()).as("30 MiB, chunked: " + chunked).isEqualTo(413);
            assertThat(huge.headers()).containsEntry("content-type", "application/problem+json");
        }
        given().contentType("image/jpeg").body(TestPhotos.chineseIptcJpeg(100, 100, "无令牌"))
                .post("/api/v1/media").then().statusCode(401);
        assertThat(Bucket.originals()).isEqualTo(before);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void originalsAreStaffOnly() {
        String id = upload(TestPhotos.chineseIptcJpeg(400, 300, "原图"), "image/jpeg", "reporter")
                .then().statusCode(201).extract().path("id");
        given().get("/api/v1/media/" + id + "/original").then().statusCode(401);
        given().get("/api/v1/media/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentDescribesTheUploadAndItsRefusals() {
        String document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(document).contains("/api/v1/media", "/api/v1/media/renditions/{file}", "image/jpeg", "image/webp",
                "\"413\"", "\"415\"", "\"503\"", "Idempotency-Key");
    }

    @Test
    void aPngIsAcceptedByItsBytesAlsoWhenSentAsOctetStream() {
        given().auth().oauth2(token("reporter")).contentType("application/octet-stream")
                .header("Content-Disposition", "attachment; filename=\"chart.png\"")
                .body(TestPhotos.png(300, 200)).post("/api/v1/media")
                .then().statusCode(201).body("contentType", equalTo("image/png"))
                .body("width", equalTo(300)).body("height", equalTo(200));
    }
}
