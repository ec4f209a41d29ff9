package org.newsroom.media;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.newsroom.stack.test.TestPhotos;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** With the object store stopped an upload is 503 with Retry-After; when it returns uploads succeed, no restart. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "media"), @ResourceArg(name = "object-store", value = "true")})
class ObjectStoreOutageTest {

    @Test
    void uploadsAreRefusedWith503WhileTheObjectStoreIsDownAndSucceedWhenItReturns() {
        var infrastructure = TestInfrastructure.get();
        String token = infrastructure.token("reporter", "刘坤");
        byte[] photo = TestPhotos.chineseIptcJpeg(640, 480, "停机时上传");
        infrastructure.s3().stop();
        try {
            given().auth().oauth2(token).contentType("image/jpeg").body(photo).post("/api/v1/media")
                    .then().statusCode(503).header("Retry-After", notNullValue())
                    .contentType("application/problem+json");
            given().get("/q/health/ready").then().statusCode(503);
        } finally {
            infrastructure.s3();
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(token).contentType("image/jpeg").body(photo).post("/api/v1/media")
                        .then().statusCode(201).body("caption", equalTo("停机时上传")));
    }
}
