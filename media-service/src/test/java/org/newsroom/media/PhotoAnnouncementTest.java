package org.newsroom.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.media.PhotoUpdated;
import org.newsroom.media.support.SharedTopics;
import org.newsroom.stack.test.TestPhotos;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The producer side of {@code news.photo.updated}: once a photo's renditions are made its public state is on
 * newsroom.photos (caption, credit, photographers, every rendition's URL — nothing private), and a desk edit is
 * announced again as a newer state.
 */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "media"), @ResourceArg(name = "object-store", value = "true")})
class PhotoAnnouncementTest {

    @Test
    void aReadyPhotoIsAnnouncedWithItsRenditionsAndAnEditIsAnnouncedAgain() {
        String reporter = TestInfrastructure.get().token("reporter", "刘坤");
        UUID id = UUID.fromString(given().auth().oauth2(reporter).contentType("image/jpeg")
                .body(TestPhotos.chineseIptcJpeg()).post("/api/v1/media").then().statusCode(201)
                .extract().path("id"));

        PhotoUpdated ready = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> SharedTopics.photoStates(id), states -> !states.isEmpty()).get(0);
        assertThat(ready.id()).isEqualTo(id);
        assertThat(ready.caption()).isEqualTo(TestPhotos.CAPTION);
        assertThat(ready.credit()).isEqualTo(TestPhotos.CREDIT);
        assertThat(ready.photographers()).containsExactly("刘坤", "陈文卿");
        assertThat(ready.renditions()).extracting(PhotoUpdated.Rendition::width).containsExactly(320, 640, 1280, 2048);
        List<String> published = given().auth().oauth2(reporter).get("/api/v1/media/{id}", id).then().statusCode(200)
                .extract().path("renditions.url");
        assertThat(ready.renditions()).extracting(PhotoUpdated.Rendition::url).containsExactlyElementsOf(published);

        given().auth().oauth2(reporter).contentType("application/merge-patch+json")
                .body("{\"caption\":\"徐汇区 AI 学术年会现场\"}".getBytes(StandardCharsets.UTF_8))
                .patch("/api/v1/media/{id}", id).then().statusCode(200);
        List<PhotoUpdated> states = Awaitility.await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> SharedTopics.photoStates(id), all -> all.size() >= 2);
        PhotoUpdated edited = states.get(states.size() - 1);
        assertThat(edited.caption()).isEqualTo("徐汇区 AI 学术年会现场");
        assertThat(edited.credit()).isEqualTo(TestPhotos.CREDIT);
        assertThat(edited.updatedAt()).isAfter(ready.updatedAt());
    }
}
