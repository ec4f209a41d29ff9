package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.ingest.Ingest.SUBMISSIONS;
import static org.newsroom.ingest.Ingest.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.newsroom.contracts.EventJson;
import org.newsroom.stack.test.NewsroomTestResource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A story may carry a photo of the photo desk by its id; the id reaches the event that media-service reads. */
@QuarkusTest
@QuarkusTestResource(NewsroomTestResource.class)
@QuarkusTestResource(ArticleServiceStub.class)
class PhotoReferenceTest {

    private static final TopicReader topic = TopicReader.submissions();

    @Test
    void aPhotoReferencedByIdTravelsWithItsCaptionAndCreditExactly() {
        UUID photo = UUID.randomUUID();
        String body = "{\"headline\": \"区领导走访番南小区\", \"genre\": \"photo\", \"creditLine\": \"刘坤 陈文卿 摄影报道\","
                + " \"bylines\": [{\"name\": \"刘坤\", \"role\": \"photographer\"}, {\"name\": \"陈文卿\", \"role\": \"photographer\"}],"
                + " \"media\": [{\"type\": \"photo\", \"id\": \"" + photo + "\", \"caption\": \"区领导走访番南小区。\","
                + " \"credit\": \"刘坤 陈文卿\"}, {\"type\": \"photo\", \"uri\": \"https://img.example.org/a.jpg\"}],"
                + " \"body\": [{\"type\": \"paragraph\", \"text\": \"正文\"}]}";
        Map<TopicPartition, Long> mark = topic.mark();
        String id = as("reporter", Ingest.uniqueReporter("刘坤")).contentType(ContentType.JSON).body(body)
                .when().post(SUBMISSIONS).then().statusCode(202).extract().path("id");
        List<ConsumerRecord<String, byte[]>> records = topic.since(mark, id);
        assertThat(records).hasSize(1);
        JsonNode media = EventJson.read(records.get(0).value(), JsonNode.class).get("media");
        assertThat(media.get(0).get("id").asText()).isEqualTo(photo.toString());
        assertThat(media.get(0).get("caption").asText()).isEqualTo("区领导走访番南小区。");
        assertThat(media.get(0).get("credit").asText()).isEqualTo("刘坤 陈文卿");
        assertThat(media.get(0).has("uri") && !media.get(0).get("uri").isNull()).isFalse();
        assertThat(media.get(1).has("id")).isFalse();
        assertThat(media.get(1).get("uri").asText()).isEqualTo("https://img.example.org/a.jpg");
    }
}
