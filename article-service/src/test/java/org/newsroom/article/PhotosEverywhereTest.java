package org.newsroom.article;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.newsroom.article.ninjs.NinjsSchema;
import org.newsroom.article.search.ReaderFixtures;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.Db;
import org.newsroom.article.support.Issues;
import org.newsroom.article.support.Photos;
import org.newsroom.article.support.SeedData;
import org.newsroom.article.support.Staff;
import org.newsroom.article.support.TestKafka;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.Ids;
import org.newsroom.contracts.article.Media;
import org.newsroom.contracts.article.MediaType;
import org.newsroom.contracts.article.Submission;
import org.newsroom.contracts.issue.IssuePublished;
import org.newsroom.contracts.media.PhotoUpdated;
import org.newsroom.stack.test.NewsroomTestResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Photos of the photo desk everywhere a story goes: media-service's {@code news.photo.updated} records produced on the
 * real {@code newsroom.photos} (the consumer's side of the contract), then the article JSON, ninjs, feeds and the
 * issue announcement read back from the real service.
 */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class PhotosEverywhereTest {

    /** The seed's photo story (刘坤 陈文卿 摄影报道) in a section of its own, with these media. */
    private static Submission photoStory(String section, List<Media> media) {
        Submission seed = SeedData.submission(SeedData.articleFiles().get(0));
        return new Submission(seed.headline(), seed.subheadline(), seed.kicker(), seed.genre(), seed.language(),
                seed.body(), seed.bylines(), seed.creditLine(), seed.source(), section, seed.tags(), media,
                seed.distribution(), seed.embargoedUntil(), seed.slug());
    }

    private static Media byId(UUID photo) {
        return new Media(MediaType.PHOTO, null, null, null, photo);
    }

    private static JsonNode article(UUID id, String token) {
        var request = token == null ? given() : given().auth().oauth2(token);
        return json(request.get("/api/v1/articles/{id}", id).then().statusCode(200).extract().response());
    }

    private static JsonNode json(Response response) {
        try {
            return EventJson.mapper().readTree(response.asByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> renditions(PhotoUpdated state) {
        List<Map<String, Object>> expected = new ArrayList<>();
        for (PhotoUpdated.Rendition r : state.renditions()) {
            expected.add(Map.of("url", r.url(), "width", r.width(), "height", r.height(),
                    "contentType", r.contentType()));
        }
        return expected;
    }

    private static void awaitPhotoShown(UUID article, int item, PhotoUpdated state) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode media = article(article, Staff.editor()).get("media").get(item);
            return media.has("renditions") && media.get("renditions").get(0).get("url").asText()
                    .equals(state.renditions().get(0).url());
        });
    }

    private static PhotoUpdated.Rendition rendition(PhotoUpdated state, int width) {
        return state.renditions().stream().filter(r -> r.width() == width).findFirst().orElseThrow();
    }

    /** A published photo story whose photo the desk has announced; returns the article id. */
    private static UUID publishedPhotoStory(String section, PhotoUpdated state) {
        Photos.announce(state);
        UUID id = Articles.submit(photoStory(section, List.of(byId(state.id()))), Staff.newReporter());
        awaitPhotoShown(id, 0, state);
        ReaderFixtures.publish(List.of(id));
        return id;
    }

    @Test
    void aPhotoReferencedByIdShowsTheDesksCaptionCreditAndRenditionsOnceAnnounced() throws Exception {
        UUID desk = Ids.newV7();
        UUID own = Ids.newV7();
        Media uriItem = new Media(MediaType.PHOTO, "https://example.org/图片/1.jpg", "外部图片", "新华社");
        String section = ReaderFixtures.newSection();
        UUID id = Articles.submit(photoStory(section, List.of(byId(desk),
                new Media(MediaType.PHOTO, null, "稿件自己的说明", "本报记者 摄", own), uriItem)), Staff.newReporter());

        JsonNode before = article(id, Staff.editor()).get("media");
        assertThat(before.get(0).get("id").asText()).isEqualTo(desk.toString());
        assertThat(before.get(0).has("renditions")).as("not announced yet: only what was submitted").isFalse();
        assertThat(before.get(0).has("caption")).isFalse();

        PhotoUpdated deskState = Photos.state(desk, Photos.CAPTION, Photos.CREDIT, Photos.now());
        PhotoUpdated ownState = Photos.state(own, "图片库的说明", "图片库的署名", Photos.now());
        Photos.announce(deskState);
        Photos.announce(ownState);
        awaitPhotoShown(id, 0, deskState);
        awaitPhotoShown(id, 1, ownState);

        ReaderFixtures.publish(List.of(id));
        Response response = given().get("/api/v1/articles/{id}", id);
        response.then().statusCode(200)
                .body("media[0].type", org.hamcrest.Matchers.equalTo("photo"))
                .body("media[0].id", org.hamcrest.Matchers.equalTo(desk.toString()))
                .body("media[0].caption", org.hamcrest.Matchers.equalTo(Photos.CAPTION))
                .body("media[0].credit", org.hamcrest.Matchers.equalTo("刘坤 陈文卿"))
                .body("media[0].width", org.hamcrest.Matchers.equalTo(4000))
                .body("media[0].height", org.hamcrest.Matchers.equalTo(3000))
                .body("media[0].renditions", org.hamcrest.Matchers.equalTo(renditions(deskState)))
                .body("media[0].uri", org.hamcrest.Matchers.nullValue())
                .body("media[1].caption", org.hamcrest.Matchers.equalTo("稿件自己的说明"))
                .body("media[1].credit", org.hamcrest.Matchers.equalTo("本报记者 摄"))
                .body("media[1].renditions", org.hamcrest.Matchers.equalTo(renditions(ownState)));
        JsonNode media = json(response).get("media");
        assertThat(media.get(2)).as("a uri item is unchanged")
                .isEqualTo(EventJson.mapper().valueToTree(uriItem));
        // the Chinese text survives every hop byte for byte (UTF-8 on the wire, no escaping or normalisation)
        assertThat(new String(response.asByteArray(), StandardCharsets.UTF_8))
                .contains("\"credit\":\"刘坤 陈文卿\"", "\"caption\":\"" + Photos.CAPTION + "\"");
        assertThat(Db.text("select credit from photo where id = ?", desk)).isEqualTo("刘坤 陈文卿");

        JsonNode listed = json(given().get("/api/v1/articles?section={s}", section));
        assertThat(listed.toString()).as("lists show the same media").contains(deskState.renditions().get(3).url());
    }

    @Test
    void aReplayedOlderStateNeverOverwritesANewerOne() {
        UUID photo = Ids.newV7();
        var now = Photos.now();
        PhotoUpdated newer = Photos.state(photo, "新说明", Photos.CREDIT, now);
        PhotoUpdated older = Photos.state(photo, "旧说明", "旧署名", now.minusMinutes(5));
        UUID id = Articles.submit(photoStory(ReaderFixtures.newSection(), List.of(byId(photo))), Staff.newReporter());
        Photos.announce(newer);
        awaitPhotoShown(id, 0, newer);

        Photos.announce(older);
        RecordMetadata replayed = Photos.announce(newer);
        Photos.awaitConsumed(replayed);

        JsonNode media = article(id, Staff.editor()).get("media").get(0);
        assertThat(media.get("caption").asText()).isEqualTo("新说明");
        assertThat(media.get("credit").asText()).isEqualTo(Photos.CREDIT);
        assertThat(media.get("renditions").get(0).get("url").asText()).isEqualTo(newer.renditions().get(0).url());
        assertThat(Db.text("select caption from photo where id = ?", photo)).isEqualTo("新说明");
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("newsroom_article_photos_stale_total"));
    }

    @Test
    void invalidPhotoRecordsAreSkippedAndDoNotBlockThePartition() {
        UUID photo = Ids.newV7();
        UUID other = Ids.newV7();
        String key = photo.toString();
        UUID id = Articles.submit(photoStory(ReaderFixtures.newSection(), List.of(byId(photo))), Staff.newReporter());
        PhotoUpdated bad = Photos.state(photo, "坏的", "坏的", Photos.now());
        TestKafka.sendRecord(Photos.record(key, "不是 JSON".getBytes(StandardCharsets.UTF_8),
                EventTypes.PHOTO_UPDATED));
        TestKafka.sendRecord(Photos.record(key, null, EventTypes.PHOTO_UPDATED));
        TestKafka.sendRecord(Photos.record(key, EventJson.write(bad), EventTypes.ARTICLE_SUBMITTED));
        TestKafka.sendRecord(Photos.record(key, EventJson.write(Photos.state(other, "别的", "别的", Photos.now())),
                EventTypes.PHOTO_UPDATED));
        TestKafka.sendRecord(Photos.record(key, EventJson.write(new PhotoUpdated(photo, 4000, 3000, "坏的", "坏的",
                null, null, List.of(new PhotoUpdated.Rendition("javascript:alert(1)", 320, 240, "image/jpeg")),
                Photos.now())), EventTypes.PHOTO_UPDATED));
        PhotoUpdated good = Photos.state(photo, Photos.CAPTION, Photos.CREDIT, Photos.now());
        Photos.announce(good);

        awaitPhotoShown(id, 0, good);
        assertThat(article(id, Staff.editor()).get("media").get(0).get("caption").asText()).isEqualTo(Photos.CAPTION);
        assertThat(Db.count("select count(*) from photo where id = ?", other)).as("a state under another key").isZero();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double skipped = metrics.lines().filter(l -> l.startsWith("newsroom_article_photos_skipped_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        assertThat(skipped).isGreaterThanOrEqualTo(5);
    }

    @Test
    void ninjsCarriesThePhotoAsAnAssociationWithItsRenditions() {
        PhotoUpdated state = Photos.state(Ids.newV7(), Photos.CAPTION, Photos.CREDIT, Photos.now());
        UUID id = publishedPhotoStory(ReaderFixtures.newSection(), state);

        JsonNode doc = json(given().header("Accept", "application/ninjs+json").get("/api/v1/articles/{id}", id)
                .then().statusCode(200).extract().response());
        assertThat(NinjsSchema.errors(doc)).as(doc.toString()).isEmpty();
        JsonNode association = doc.get("associations").get(0);
        assertThat(association.get("uri").asText()).isEqualTo("urn:uuid:" + state.id());
        assertThat(association.get("type").asText()).isEqualTo("picture");
        assertThat(association.get("by").asText()).isEqualTo("刘坤 陈文卿");
        assertThat(association.get("descriptions").get(0).get("value").asText()).isEqualTo(Photos.CAPTION);
        JsonNode renditions = association.get("renditions");
        assertThat(renditions).hasSize(4);
        for (int i = 0; i < 4; i++) {
            PhotoUpdated.Rendition expected = state.renditions().get(i);
            JsonNode rendition = renditions.get(i);
            assertThat(rendition.get("name").asText()).isEqualTo("w" + expected.width());
            assertThat(rendition.get("href").asText()).isEqualTo(expected.url());
            assertThat(rendition.get("width").asInt()).isEqualTo(expected.width());
            assertThat(rendition.get("height").asInt()).isEqualTo(expected.height());
            assertThat(rendition.get("contentType").asText()).isEqualTo("image/jpeg");
        }
    }

    @Test
    void feedsEncloseTheLeadImage() throws Exception {
        String section = ReaderFixtures.newSection();
        PhotoUpdated state = Photos.state(Ids.newV7(), Photos.CAPTION, Photos.CREDIT, Photos.now());
        Photos.announce(state);
        UUID id = Articles.submit(photoStory(section, List.of(byId(state.id()))), Staff.newReporter());
        awaitPhotoShown(id, 0, state);
        UUID issue = ReaderFixtures.publish(List.of(id));
        PhotoUpdated.Rendition lead = rendition(state, 1280);
        String img = "<img src=\"" + lead.url() + "\" width=\"1280\" height=\"960\" alt=\"" + Photos.CAPTION
                + "\">";

        // a section's articles: each entry encloses its own lead image
        String sectionPath = "/feeds/sections/" + URLEncoder.encode(section, StandardCharsets.UTF_8)
                .replace("+", "%20") + ".atom";
        SyndEntry article = entry(parse(feed(sectionPath)), "urn:uuid:" + id);
        assertThat(article.getEnclosures()).extracting(SyndEnclosure::getUrl).containsExactly(lead.url());
        assertThat(article.getEnclosures().get(0).getType()).isEqualTo("image/jpeg");
        assertThat(article.getContents().get(0).getValue()).contains(img, "刘坤 陈文卿");
        assertThat(feed(sectionPath).asString()).contains("rel=\"enclosure\"", lead.url());

        // the issues: each entry encloses the lead image of its first article that has one, in all three formats
        SyndEntry atomIssue = entry(parse(feed("/feeds/issues.atom")), "urn:uuid:" + issue);
        assertThat(atomIssue.getEnclosures()).extracting(SyndEnclosure::getUrl).containsExactly(lead.url());
        assertThat(atomIssue.getContents().get(0).getValue()).contains(img);
        SyndEntry rssIssue = entry(parse(feed("/feeds/issues.rss")), "urn:uuid:" + issue);
        assertThat(rssIssue.getEnclosures()).extracting(SyndEnclosure::getUrl).containsExactly(lead.url());
        assertThat(rssIssue.getEnclosures()).extracting(SyndEnclosure::getType).containsExactly("image/jpeg");
        assertThat(feed("/feeds/issues.rss").asString()).contains("<enclosure url=\"" + lead.url() + "\"");
        JsonNode item = null;
        for (JsonNode candidate : json(feed("/feeds/issues.json")).get("items")) {
            if (candidate.get("id").asText().equals("urn:uuid:" + issue)) {
                item = candidate;
            }
        }
        assertThat(item).as("the issue in the JSON Feed").isNotNull();
        assertThat(item.get("image").asText()).isEqualTo(lead.url());
    }

    @Test
    void theIssueAnnouncementCarriesEachArticlesLeadImage() {
        String section = ReaderFixtures.newSection();
        PhotoUpdated state = Photos.state(Ids.newV7(), Photos.CAPTION, Photos.CREDIT, Photos.now());
        Photos.announce(state);
        UUID withPhoto = Articles.submit(photoStory(section, List.of(byId(state.id()))), Staff.newReporter());
        UUID without = Articles.submit(photoStory(section, null), Staff.newReporter());
        awaitPhotoShown(withPhoto, 0, state);
        UUID issue = ReaderFixtures.publish(List.of(withPhoto, without));

        await().atMost(Duration.ofSeconds(60)).until(() -> !Issues.events(issue).isEmpty());
        ConsumerRecord<byte[], byte[]> record = Issues.events(issue).get(0);
        IssuePublished event = EventJson.read(record.value(), IssuePublished.class);
        IssuePublished.Article first = event.articles().stream().filter(a -> a.id().equals(withPhoto)).findFirst()
                .orElseThrow();
        PhotoUpdated.Rendition lead = rendition(state, 1280);
        assertThat(first.image()).isEqualTo(new IssuePublished.Image(lead.url(), 1280, 960, Photos.CAPTION,
                "刘坤 陈文卿"));
        IssuePublished.Article second = event.articles().stream().filter(a -> a.id().equals(without)).findFirst()
                .orElseThrow();
        assertThat(second.image()).isNull();
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"credit\":\"刘坤 陈文卿\"")
                .containsOnlyOnce("\"image\"");
    }

    private static Response feed(String path) {
        return given().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().response();
    }

    private static SyndFeed parse(Response response) throws Exception {
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.asByteArray())));
    }

    private static SyndEntry entry(SyndFeed feed, String uri) {
        return feed.getEntries().stream().filter(e -> uri.equals(e.getUri())).findFirst().orElseThrow();
    }
}
