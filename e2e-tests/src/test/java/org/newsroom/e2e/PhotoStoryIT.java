package org.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.newsroom.stack.LocalStack;
import org.newsroom.stack.test.TestPhotos;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.GpsDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The seed's photo story (刘坤 陈文卿 摄影报道) from the photographer's upload to the reader, across every service: the
 * photo is uploaded to media-service (IPTC caption and credit read from the JPEG), the story references it by id
 * through ingest-service, and article-service shows the photo's Chinese caption and credit exactly, with a rendition
 * at every width — none with GPS data — in its JSON and its ninjs; readers reach the renditions only once the story
 * is published in an issue.
 */
class PhotoStoryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePhotoStoryCarriesItsPhotoFromTheUploadToTheReader() throws Exception {
        LocalStack stack = E2eStack.get();
        String media = stack.service(LocalStack.MEDIA).url();
        String ingest = stack.service(LocalStack.INGEST).url();
        String article = stack.service(LocalStack.ARTICLE).url();
        String photographer = E2eStack.token("reporter", "刘坤");
        String editor = E2eStack.token("editor", "王编辑");

        String photoId = given().baseUri(media).auth().oauth2(photographer).contentType("image/jpeg")
                .body(TestPhotos.chineseIptcJpeg()).post("/api/v1/media").then().statusCode(201)
                .extract().path("id");
        ObjectNode story = (ObjectNode) JSON.readTree(Files.readString(photoStory()));
        story.putArray("media").addObject().put("type", "photo").put("id", photoId);
        String id = given().baseUri(ingest).auth().oauth2(photographer).contentType(ContentType.JSON)
                .body(JSON.writeValueAsString(story)).post("/api/v1/submissions").then().statusCode(202)
                .extract().path("id");

        // the article shows the photo's caption and credit exactly, and every rendition once they are made
        JsonPath shown = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().baseUri(article).auth().oauth2(editor).get("/api/v1/articles/{id}", id),
                        r -> r.statusCode() == 200 && r.jsonPath().getList("media[0].renditions") != null
                                && r.jsonPath().getList("media[0].renditions").size() == 4)
                .jsonPath();
        assertThat(shown.getString("media[0].id")).isEqualTo(photoId);
        assertThat(shown.getString("media[0].caption")).isEqualTo(TestPhotos.CAPTION);
        assertThat(shown.getString("media[0].credit")).isEqualTo(TestPhotos.CREDIT);
        assertThat(shown.getList("media[0].renditions.width", Integer.class)).containsExactly(320, 640, 1280, 2048);
        List<String> urls = shown.getList("media[0].renditions.url", String.class);

        // the renditions: staff get each at its width and without GPS; readers nothing before publication
        for (int i = 0; i < urls.size(); i++) {
            String path = URI.create(urls.get(i)).getPath();
            given().baseUri(media).get(path).then().statusCode(404);
            byte[] jpeg = given().baseUri(media).auth().oauth2(editor).get(path).then().statusCode(200)
                    .extract().asByteArray();
            assertThat(ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth())
                    .isEqualTo(shown.getList("media[0].renditions.width", Integer.class).get(i));
            assertThat(ImageMetadataReader.readMetadata(new ByteArrayInputStream(jpeg))
                    .getFirstDirectoryOfType(GpsDirectory.class)).as("GPS in " + path).isNull();
        }

        // ninjs: the photo is an association with its renditions
        JsonNode ninjs = JSON.readTree(given().baseUri(article).auth().oauth2(editor)
                .accept("application/ninjs+json").get("/api/v1/articles/{id}", id).then().statusCode(200)
                .extract().asString());
        List<String> hrefs = new ArrayList<>();
        ninjs.path("associations").forEach(association -> association.path("renditions")
                .forEach(rendition -> hrefs.add(rendition.path("href").asText())));
        assertThat(hrefs).containsAll(urls);

        // published in an issue: readers see the story with its photo, and the renditions
        given().baseUri(article).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("action", "approve")).post("/api/v1/articles/{id}/transitions", id)
                .then().statusCode(200);
        String issueId = given().baseUri(article).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("masthead", "徐汇报", "number", (int) (System.nanoTime() % 1_000_000),
                        "date", LocalDate.now().toString(),
                        "pages", List.of(Map.of("number", 1, "name", "要闻",
                                "placements", List.of(Map.of("articleId", id, "order", 1)))),
                        "teasers", List.of()))
                .post("/api/v1/issues").then().statusCode(201).extract().path("id");
        given().baseUri(article).auth().oauth2(editor).post("/api/v1/issues/{id}/publish", issueId)
                .then().statusCode(200);
        JsonPath read = given().baseUri(article).get("/api/v1/articles/{id}", id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(read.getString("media[0].credit")).isEqualTo(TestPhotos.CREDIT);
        assertThat(read.getList("media[0].renditions.url", String.class)).isEqualTo(urls);
        String largest = URI.create(urls.get(urls.size() - 1)).getPath();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().baseUri(media).get(largest).then().statusCode(200).contentType("image/jpeg"));
    }

    private static Path photoStory() throws Exception {
        for (Path file : E2eStack.seedArticles()) {
            if (Files.readString(file).contains("摄影报道")) {
                return file;
            }
        }
        throw new IllegalStateException("the seed has no photo story");
    }
}
