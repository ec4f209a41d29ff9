package org.newsroom.article.ninjs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.newsroom.article.domain.ArticleStatus;
import org.newsroom.article.mapping.ArticleMapper;
import org.newsroom.article.model.ArticleView;
import org.newsroom.article.model.MediaView;
import org.newsroom.article.ninjs.mapping.NinjsMapper;
import org.newsroom.article.support.SeedData;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.article.BlockType;
import org.newsroom.contracts.article.BodyBlock;
import org.newsroom.contracts.article.Media;
import org.newsroom.contracts.article.MediaType;
import org.newsroom.contracts.article.Submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The ninjs mapping on its own: every seed story and every ninjs example as original validate against ninjs 3.1. */
class NinjsMapperTest {

    private static final String URI = "http://127.0.0.1:8082/api/v1/articles/0193f0c4-0000-7000-8000-000000000001";

    static ArticleView view(Submission s, ArticleStatus status) {
        Submission d = s.withDefaults();
        OffsetDateTime at = OffsetDateTime.parse("2024-12-20T08:00:00Z");
        return new ArticleView(UUID.fromString("0193f0c4-0000-7000-8000-000000000001"), 3, null, status, d.headline(),
                d.subheadline(), d.kicker(), d.genre(), d.language(), d.body(), d.bylines(), d.creditLine(),
                d.source(), d.section(), d.tags(), ArticleMapper.media(d.media(), Map.of()), d.distribution(), d.embargoedUntil(), d.slug(), "曹香玉",
                at, at.plusHours(1), status == ArticleStatus.PUBLISHED ? at.plusHours(2) : null, null,
                status == ArticleStatus.CORRECTED ? new ArticleView.Note("更正：人名有误", at.plusHours(3)) : null,
                null, Map.of());
    }

    @Test
    void everySeedStoryMapsToValidNinjs() {
        for (String file : SeedData.articleFiles()) {
            Submission seed = SeedData.submission(file);
            for (ArticleStatus status : ArticleStatus.values()) {
                ObjectNode doc = NinjsMapper.toNinjs(view(seed, status), URI, null, NinjsMapper.Rights.NONE);
                assertThat(NinjsSchema.errors(doc)).as(file + " " + status + ": " + doc).isEmpty();
            }
            ObjectNode doc = NinjsMapper.toNinjs(view(seed, ArticleStatus.PUBLISHED), URI, null,
                    new NinjsMapper.Rights(Optional.of("徐汇报"), Optional.of("© 徐汇报")));
            assertThat(NinjsSchema.errors(doc)).isEmpty();
            assertThat(doc.get("uri").asText()).isEqualTo(URI);
            assertThat(doc.get("type").asText()).isEqualTo("text");
            assertThat(doc.get("pubStatus").asText()).isEqualTo("usable");
            assertThat(doc.get("version").asText()).isEqualTo("3");
            assertThat(doc.get("language").asText()).isEqualTo("zh-CN");
            assertThat(doc.get("copyrightNotice").asText()).isEqualTo("© 徐汇报");
            assertThat(doc.get("standard").get("version").asText()).isEqualTo("3.1");
            assertThat(doc.get("headlines").get(0).get("role").asText()).isEqualTo("main");
            assertThat(doc.get("headlines").get(0).get("value").asText()).isEqualTo(seed.headline());
            String plain = doc.get("bodies").get(1).get("value").asText();
            assertThat(plain).isEqualTo(String.join("\n\n", seed.body().stream().map(BodyBlock::text).toList()));
            if (seed.creditLine() != null) {
                assertThat(doc.get("by").asText()).isEqualTo(seed.creditLine());
            }
            if (seed.source() != null) {
                assertThat(doc.get("infoSources").get(0).get("name").asText()).isEqualTo(seed.source().name());
            }
        }
    }

    @Test
    void statusesMapToPubStatus() {
        Submission seed = SeedData.submission(SeedData.articleFiles().get(2));
        assertThat(NinjsMapper.toNinjs(view(seed, ArticleStatus.SUBMITTED), URI, null, NinjsMapper.Rights.NONE)
                .get("pubStatus").asText()).isEqualTo("withheld");
        assertThat(NinjsMapper.toNinjs(view(seed, ArticleStatus.RETRACTED), URI, null, NinjsMapper.Rights.NONE)
                .get("pubStatus").asText()).isEqualTo("canceled");
        ObjectNode corrected = NinjsMapper.toNinjs(view(seed, ArticleStatus.CORRECTED), URI, null,
                NinjsMapper.Rights.NONE);
        assertThat(corrected.get("pubStatus").asText()).isEqualTo("usable");
        assertThat(corrected.get("descriptions").get(0).get("value").asText()).isEqualTo("更正：人名有误");
    }

    @Test
    void htmlBodyIsEscapedAndMediaBecomeAssociations() {
        Submission s = new Submission("标题 <script>", null, "引题", null, null,
                List.of(new BodyBlock(BlockType.PARAGRAPH, "A & B <b>\"引\"</b> '单'"),
                        new BodyBlock(BlockType.HEADING, "小标题<"), new BodyBlock(BlockType.QUOTE, "引语>")),
                null, null, null, null, List.of("人工智能"),
                List.of(new Media(MediaType.PHOTO, "https://example.org/照片 1.jpg", "说明", "刘坤 陈文卿"),
                        new Media(MediaType.VIDEO, "https://example.org/v.mp4", null, null)),
                null, OffsetDateTime.parse("2031-01-01T00:00Z"), "slug-1");
        ObjectNode doc = NinjsMapper.toNinjs(view(s, ArticleStatus.PUBLISHED), URI, null, NinjsMapper.Rights.NONE);
        assertThat(NinjsSchema.errors(doc)).as(doc.toString()).isEmpty();
        assertThat(doc.get("bodies").get(0).get("value").asText()).isEqualTo(
                "<p>A &amp; B &lt;b&gt;&quot;引&quot;&lt;/b&gt; &#39;单&#39;</p><h2>小标题&lt;</h2>"
                        + "<blockquote><p>引语&gt;</p></blockquote>");
        assertThat(doc.get("embargoedUntil").asText()).isEqualTo("2031-01-01T00:00:00Z");
        assertThat(doc.get("associations").get(0).get("uri").asText())
                .isEqualTo("https://example.org/%E7%85%A7%E7%89%87%201.jpg");
        assertThat(doc.get("associations").get(0).get("type").asText()).isEqualTo("picture");
        assertThat(doc.get("associations").get(1).get("type").asText()).isEqualTo("video");
        assertThat(doc.get("subjects").get(0).get("name").asText()).isEqualTo("人工智能");
        assertThat(doc.get("headlines").get(1).get("role").asText()).isEqualTo("kicker");
    }

    @Test
    void photosOfTheDeskBecomeAssociationsWithTheirRenditions() {
        UUID photo = UUID.fromString("0193f0c4-0000-7000-8000-0000000000aa");
        Submission seed = SeedData.submission(SeedData.articleFiles().get(0));
        ArticleView base = view(seed, ArticleStatus.PUBLISHED);
        List<MediaView> media = List.of(new MediaView(MediaType.PHOTO, null, photo, "区领导走访番南小区", "刘坤 陈文卿",
                4000, 3000, List.of(
                        new MediaView.Rendition("http://127.0.0.1:8084/api/v1/media/renditions/a1.jpg", 320, 240,
                                "image/jpeg"),
                        new MediaView.Rendition("http://127.0.0.1:8084/api/v1/media/renditions/b2.jpg", 1280, 960,
                                "image/jpeg"),
                        new MediaView.Rendition("http://127.0.0.1:8084/api/v1/media/renditions/c3.webp", 1280, 960,
                                "image/webp"))),
                new MediaView(MediaType.PHOTO, null, UUID.fromString("0193f0c4-0000-7000-8000-0000000000bb"), null,
                        null, null, null, null));
        ArticleView article = new ArticleView(base.id(), base.revision(), null, base.status(), base.headline(),
                base.subheadline(), base.kicker(), base.genre(), base.language(), base.body(), base.bylines(),
                base.creditLine(), base.source(), base.section(), base.tags(), media, base.distribution(),
                base.embargoedUntil(), base.slug(), base.submittedBy(), base.submittedAt(), base.updatedAt(),
                base.publishedAt(), null, null, null, Map.of());
        ObjectNode doc = NinjsMapper.toNinjs(article, URI, null, NinjsMapper.Rights.NONE);
        assertThat(NinjsSchema.errors(doc)).as(doc.toString()).isEmpty();
        JsonNode association = doc.get("associations").get(0);
        assertThat(association.get("uri").asText()).isEqualTo("urn:uuid:" + photo);
        assertThat(association.get("by").asText()).isEqualTo("刘坤 陈文卿");
        assertThat(association.get("renditions").toString()).isEqualTo("[{\"name\":\"w320\",\"href\":"
                + "\"http://127.0.0.1:8084/api/v1/media/renditions/a1.jpg\",\"contentType\":\"image/jpeg\","
                + "\"width\":320,\"height\":240},{\"name\":\"w1280\",\"href\":"
                + "\"http://127.0.0.1:8084/api/v1/media/renditions/b2.jpg\",\"contentType\":\"image/jpeg\","
                + "\"width\":1280,\"height\":960},{\"name\":\"w1280-webp\",\"href\":"
                + "\"http://127.0.0.1:8084/api/v1/media/renditions/c3.webp\",\"contentType\":\"image/webp\","
                + "\"width\":1280,\"height\":960}]");
        JsonNode unknown = doc.get("associations").get(1);
        assertThat(unknown.get("uri").asText()).as("a photo not announced yet").endsWith("0000000000bb");
        assertThat(unknown.has("renditions")).isFalse();
    }

    @Test
    void definedFieldsOfTheOriginalAreKeptAndTheRestDropped() throws IOException {
        JsonNode original = EventJson.mapper().readTree("""
                {"uri": "urn:example:story:1", "type": "text", "urgency": 3, "located": "上海",
                 "places": [{"name": "徐汇", "uri": "http://example.org/places/xuhui"},
                            {"name": "坏的", "geoJSON": {"type": "Point"}}, {"name": "坏的", "uri": "不是 uri"}],
                 "altIds": [{"role": "wire", "value": "X-1"}], "edNote": "仅供内部", "x-custom": {"a": 1},
                 "expires": "2030-01-01", "contentCreated": "2024-12-01T09:00:00+08:00",
                 "people": [{"name": "姚期智", "rel": "mentioned"}],
                 "headlines": [{"role": "main", "value": "旧标题"}], "pubStatus": "usable",
                 "rightsInfo": {"linkedRights": "https://example.org/rights"}}
                """);
        Submission seed = SeedData.submission(SeedData.articleFiles().get(2));
        ObjectNode doc = NinjsMapper.toNinjs(view(seed, ArticleStatus.SUBMITTED), URI, original,
                NinjsMapper.Rights.NONE);
        assertThat(NinjsSchema.errors(doc)).as(doc.toString()).isEmpty();
        assertThat(doc.get("urgency").asInt()).isEqualTo(3);
        assertThat(doc.get("located").asText()).isEqualTo("上海");
        assertThat(doc.get("places")).hasSize(1);
        assertThat(doc.get("contentCreated").asText()).isEqualTo("2024-12-01T09:00:00+08:00");
        assertThat(doc.get("rightsInfo").get("linkedRights").asText()).isEqualTo("https://example.org/rights");
        assertThat(doc.get("altIds").toString()).contains("original-uri", "urn:example:story:1", "X-1");
        assertThat(doc.get("people").toString()).contains("曹香玉", "姚期智");
        assertThat(doc.get("pubStatus").asText()).isEqualTo("withheld");
        assertThat(doc.get("headlines").get(0).get("value").asText()).isEqualTo(seed.headline());
        assertThat(doc.has("edNote")).isFalse();
        assertThat(doc.has("x-custom")).isFalse();
        assertThat(doc.has("expires")).isFalse();
    }

    @Test
    void theIptcExamplesAsOriginalsStayValid() throws IOException {
        Submission seed = SeedData.submission(SeedData.articleFiles().get(0));
        try (Stream<Path> files = Files.list(SeedData.dir().resolve("ninjs/examples"))) {
            for (Path file : files.sorted().toList()) {
                JsonNode original = EventJson.mapper().readTree(file.toFile());
                ObjectNode doc = NinjsMapper.toNinjs(view(seed, ArticleStatus.PUBLISHED), URI, original,
                        NinjsMapper.Rights.NONE);
                assertThat(NinjsSchema.errors(doc)).as(file.getFileName() + ": " + doc).isEmpty();
            }
        }
    }

    @Test
    void theValidatorItselfIsStrict() throws IOException {
        assertThat(NinjsSchema.errors(EventJson.mapper().readTree("{\"uri\": \"urn:x:1\"}"))).isEmpty();
        assertThat(NinjsSchema.errors(EventJson.mapper().readTree("{\"uri\": \"urn:x:1\", \"x-custom\": 1}")))
                .isNotEmpty();
        assertThat(NinjsSchema.errors(EventJson.mapper().readTree(
                "{\"uri\": \"urn:x:1\", \"versionCreated\": \"2024-12-20T08:00Z\"}"))).isNotEmpty();
        assertThat(NinjsSchema.errors(EventJson.mapper().readTree("{\"uri\": \"不是 uri\"}"))).isNotEmpty();
    }
}
