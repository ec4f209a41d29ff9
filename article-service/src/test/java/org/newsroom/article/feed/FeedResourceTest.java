package org.newsroom.article.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.article.search.ReaderFixtures;
import org.newsroom.article.support.Articles;
import org.newsroom.article.support.SeedData;
import org.newsroom.article.support.Staff;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.article.BlockType;
import org.newsroom.contracts.article.BodyBlock;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.contracts.article.Submission;
import org.newsroom.stack.test.NewsroomTestResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The public feeds on the real service: parsed with Rome (Atom, RSS) and checked against JSON Feed 1.1. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))
class FeedResourceTest {

    private static SyndFeed parse(Response response) throws Exception {
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(response.asByteArray())));
    }

    private static Submission story(String headline, String section, Distribution distribution,
            OffsetDateTime embargo) {
        return new Submission(headline, "副题：" + headline, null, null, null,
                List.of(new BodyBlock(BlockType.PARAGRAPH, "正文 <b>&</b> " + headline)), null, "记者 测试", null,
                section, List.of("测试"), null, distribution, embargo, null);
    }

    private static String path(String section) {
        return "/feeds/sections/" + URLEncoder.encode(section, StandardCharsets.UTF_8).replace("+", "%20") + ".atom";
    }

    @Test
    void issueFeedsListPublishedIssuesNewestFirstWithTheirPublicArticlesOnly() throws Exception {
        String masthead = ReaderFixtures.newMasthead();
        String reporter = Staff.newReporter();
        List<String> seeds = SeedData.articleFiles();
        UUID first = Articles.submit(SeedData.submission(seeds.get(0)), reporter);
        UUID second = Articles.submit(SeedData.submission(seeds.get(2)), reporter);
        String internalHeadline = "内部稿件 " + UUID.randomUUID();
        String embargoedHeadline = "禁发稿件 " + UUID.randomUUID();
        UUID internal = Articles.submit(story(internalHeadline, "要闻", Distribution.INTERNAL, null), reporter);
        UUID embargoed = Articles.submit(story(embargoedHeadline, "要闻", Distribution.PUBLIC,
                OffsetDateTime.now(ZoneOffset.UTC).plusYears(3).truncatedTo(java.time.temporal.ChronoUnit.MICROS)), reporter);
        UUID issue1 = ReaderFixtures.publishIssue(masthead, 1, List.of(first));
        UUID issue2 = ReaderFixtures.publishIssue(masthead, 2, List.of(second, internal, embargoed));

        Response atomResponse = given().get("/feeds/issues.atom");
        atomResponse.then().statusCode(200).contentType("application/atom+xml");
        assertThat(atomResponse.header("Cache-Control")).startsWith("public, max-age=");
        SyndFeed atom = parse(atomResponse);
        List<String> uris = atom.getEntries().stream().map(SyndEntry::getUri).toList();
        assertThat(uris).contains("urn:uuid:" + issue1, "urn:uuid:" + issue2);
        assertThat(uris.indexOf("urn:uuid:" + issue2)).as("newest first").isLessThan(uris.indexOf("urn:uuid:" + issue1));
        SyndEntry entry2 = atom.getEntries().get(uris.indexOf("urn:uuid:" + issue2));
        assertThat(entry2.getTitle()).isEqualTo(masthead + " 第2期（2024-12-20）");
        assertThat(entry2.getLink()).endsWith("/api/v1/issues/" + issue2);
        String content = entry2.getContents().get(0).getValue();
        assertThat(content).contains("全球人工智能领域专家学者聚在徐汇", "/api/v1/articles/" + second, "导读", "内部资料 免费交流")
                .doesNotContain(internalHeadline, embargoedHeadline, internal.toString(), embargoed.toString());
        assertThat(entry2.getPublishedDate()).isNotNull();

        Response rssResponse = given().get("/feeds/issues.rss");
        rssResponse.then().statusCode(200).contentType("application/rss+xml");
        SyndFeed rss = parse(rssResponse);
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(rss.getEntries().stream().map(SyndEntry::getLink).toList())
                .anyMatch(link -> link.endsWith("/api/v1/issues/" + issue2));
        assertThat(rss.getEntries().toString()).doesNotContain(internalHeadline, embargoedHeadline);

        Response jsonResponse = given().get("/feeds/issues.json");
        jsonResponse.then().statusCode(200).contentType("application/feed+json");
        JsonNode json = EventJson.mapper().readTree(jsonResponse.asByteArray());
        assertThat(json.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(json.get("title").asText()).isNotBlank();
        assertThat(json.get("items").isArray()).isTrue();
        JsonNode item = null;
        for (JsonNode candidate : json.get("items")) {
            assertThat(candidate.get("id").isTextual()).isTrue();
            assertThat(candidate.get("url").asText()).startsWith("http");
            assertThat(candidate.get("title").isTextual()).isTrue();
            assertThat(candidate.has("content_html") || candidate.has("content_text")).isTrue();
            OffsetDateTime.parse(candidate.get("date_published").asText());
            if (candidate.get("id").asText().equals("urn:uuid:" + issue2)) {
                item = candidate;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.get("content_html").asText()).contains("全球人工智能领域专家学者聚在徐汇")
                .doesNotContain(internalHeadline, embargoedHeadline);
        assertThat(json.toString()).doesNotContain(internalHeadline, embargoedHeadline);
    }

    @Test
    void feedsAnswerConditionalRequests() {
        Response response = given().get("/feeds/issues.atom");
        String etag = response.header("ETag");
        assertThat(etag).startsWith("\"");
        given().header("If-None-Match", etag).get("/feeds/issues.atom").then().statusCode(304);
        given().header("If-None-Match", "W/" + etag).get("/feeds/issues.atom").then().statusCode(304);
        given().header("If-None-Match", "\"other\"").get("/feeds/issues.atom").then().statusCode(200);
        String section = ReaderFixtures.newSection();
        String sectionEtag = given().urlEncodingEnabled(false).get(path(section)).then().statusCode(200).extract().header("ETag");
        given().urlEncodingEnabled(false).header("If-None-Match", sectionEtag).get(path(section)).then().statusCode(304);
    }

    @Test
    void aSectionFeedShowsItsPublishedPublicArticlesNewestFirst() throws Exception {
        String section = "要闻 & <版> " + UUID.randomUUID().toString().substring(0, 6);
        String reporter = Staff.newReporter();
        UUID older = Articles.submit(story("较早的文章", section, Distribution.PUBLIC, null), reporter);
        UUID newer = Articles.submit(story("较新的文章", section, Distribution.PUBLIC, null), reporter);
        UUID internal = Articles.submit(story("内部文章", section, Distribution.INTERNAL, null), reporter);
        UUID embargoed = Articles.submit(story("禁发文章", section, Distribution.PUBLIC,
                OffsetDateTime.now(ZoneOffset.UTC).plusYears(3).truncatedTo(java.time.temporal.ChronoUnit.MICROS)), reporter);
        Articles.submit(story("未发表的文章", section, Distribution.PUBLIC, null), reporter);
        UUID elsewhere = Articles.submit(story("别的版面", ReaderFixtures.newSection(), Distribution.PUBLIC, null),
                reporter);
        ReaderFixtures.publish(List.of(older, internal, embargoed, elsewhere));
        ReaderFixtures.publish(List.of(newer));

        Response response = given().urlEncodingEnabled(false).get(path(section));
        response.then().statusCode(200).contentType("application/atom+xml");
        SyndFeed feed = parse(response);
        assertThat(feed.getTitle()).endsWith(section);
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri)
                .containsExactly("urn:uuid:" + newer, "urn:uuid:" + older);
        SyndEntry entry = feed.getEntries().get(0);
        assertThat(entry.getTitle()).isEqualTo("较新的文章");
        assertThat(entry.getLink()).endsWith("/api/v1/articles/" + newer);
        assertThat(entry.getContents().get(0).getValue()).contains("正文 &lt;b&gt;&amp;&lt;/b&gt; 较新的文章");
        assertThat(entry.getCategories()).extracting("name").contains(section, "测试");
        assertThat(entry.getPublishedDate()).isNotNull();

        // the same feed with a token is still the readers' feed
        SyndFeed withToken = parse(given().urlEncodingEnabled(false).auth().oauth2(Staff.editor()).get(path(section)));
        assertThat(withToken.getEntries()).hasSize(2);
    }

    @Test
    void oddSectionNamesAreProblemsAndTheServiceStaysReady() {
        given().urlEncodingEnabled(false).get(path("版".repeat(51))).then().statusCode(422).contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/feeds/sections/%2E%2E.atom").then().statusCode(422).contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/feeds/sections/%00.atom").then().statusCode(422).contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/feeds/sections/%20%20.atom").then().statusCode(422).contentType("application/problem+json");
        for (String hostile : List.of("/feeds/sections/..%2F..%2Fetc%2Fpasswd.atom", "/feeds/sections/.atom",
                "/feeds/sections/x.rss", "/feeds/sections/%E8%A6.atom",
                "/feeds/sections/%C0%AF.atom")) {
            int status = given().urlEncodingEnabled(false).get(hostile).then().extract().statusCode();
            assertThat(status).as(hostile).isBetween(400, 499);
        }
        given().urlEncodingEnabled(false).get("/feeds/sections/%E8%A6%81%E9%97%BB'%20OR%201=1.atom").then()
                .statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
