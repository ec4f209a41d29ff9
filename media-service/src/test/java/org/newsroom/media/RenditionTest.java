package org.newsroom.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.newsroom.media.support.SharedTopics;
import org.newsroom.stack.test.TestPhotos;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The seed's photo story: renditions at every documented width, made through Kafka, with no GPS or IPTC; readers
 * get them only once an article carrying the photo is published, then with an immutable Cache-Control and an ETag.
 */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "media"), @ResourceArg(name = "object-store", value = "true")})
class RenditionTest {

    static String token(String role) {
        return TestInfrastructure.get().token(role, "reporter".equals(role) ? "刘坤" : "王编辑");
    }

    @Test
    void renditionsExistAtEveryWidthWithoutGpsAndReadersSeeThemOnlyAfterPublication() throws Exception {
        String id = given().auth().oauth2(token("reporter")).contentType("image/jpeg")
                .body(TestPhotos.chineseIptcJpeg()).post("/api/v1/media")
                .then().statusCode(201).body("credit", equalTo(TestPhotos.CREDIT)).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                "ready".equals(given().auth().oauth2(token("reporter")).get("/api/v1/media/" + id).path("status")));
        List<Map<String, Object>> renditions = given().auth().oauth2(token("editor")).get("/api/v1/media/" + id)
                .then().statusCode(200).extract().path("renditions");
        assertThat(renditions).extracting(r -> r.get("width")).containsExactly(320, 640, 1280, 2048);

        for (Map<String, Object> rendition : renditions) {
            String path = java.net.URI.create((String) rendition.get("url")).getPath();
            given().get(path).then().statusCode(404).contentType("application/problem+json");
            byte[] jpeg = given().auth().oauth2(token("reporter")).get(path)
                    .then().statusCode(200).header("Cache-Control", equalTo("private, no-store"))
                    .extract().asByteArray();
            assertThat(ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth()).isEqualTo(rendition.get("width"));
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg));
            assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).as("GPS in " + path).isNull();
            assertThat(metadata.getFirstDirectoryOfType(IptcDirectory.class)).as("IPTC in " + path).isNull();
        }
        given().get("/api/v1/media/" + id).then().statusCode(404);

        UUID article = UUID.randomUUID();
        SharedTopics.articleSubmitted(article, 1, UUID.fromString(id));
        SharedTopics.issuePublished(UUID.randomUUID(), article);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get("/api/v1/media/" + id).then().statusCode(200)
                        .body("caption", equalTo(TestPhotos.CAPTION)).body("credit", equalTo(TestPhotos.CREDIT)));
        for (Map<String, Object> rendition : renditions) {
            String path = java.net.URI.create((String) rendition.get("url")).getPath();
            String etag = given().get(path).then().statusCode(200).contentType("image/jpeg")
                    .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                    .extract().header("ETag");
            given().header("If-None-Match", etag).get(path).then().statusCode(304);
        }
        given().get("/api/v1/media/" + id + "/original").then().statusCode(401);
    }
}
