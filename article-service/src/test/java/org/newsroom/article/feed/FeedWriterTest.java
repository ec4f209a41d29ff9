package org.newsroom.article.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.article.feed.mapping.FeedModel;
import org.newsroom.article.feed.mapping.FeedWriter;
import org.newsroom.article.model.LeadImage;
import org.newsroom.contracts.EventJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

/** The three feed formats, read back with a real parser (Rome) and checked against JSON Feed 1.1 field by field. */
class FeedWriterTest {

    static final OffsetDateTime T1 = OffsetDateTime.parse("2024-12-20T08:00:00+08:00");
    static final OffsetDateTime T2 = OffsetDateTime.parse("2024-12-21T09:30:00Z");

    static FeedModel.Feed feed() {
        return new FeedModel.Feed("http://news.example/feeds/sections/%E8%A6%81%E9%97%BB.atom",
                "http://news.example/feeds/sections/%E8%A6%81%E9%97%BB.atom", "http://news.example/",
                "徐汇报 · 要闻 <&>", "要闻版 \u0001 最新文章", "zh-CN", T2,
                List.of(new FeedModel.Entry("urn:uuid:0193f0c4-0000-7000-8000-000000000002",
                                "http://news.example/api/v1/articles/0193f0c4-0000-7000-8000-000000000002",
                                "全球人工智能领域专家学者聚在徐汇 & <AI>", "就 AI 发展趋势等进行探讨",
                                "<p>首届“浦江 AI学术年会”&amp;</p>", T2, T2, List.of("曹香玉", "施昱辰"),
                                List.of("要闻", "人工智能")),
                        new FeedModel.Entry("urn:uuid:0193f0c4-0000-7000-8000-000000000001",
                                "http://news.example/api/v1/articles/0193f0c4-0000-7000-8000-000000000001",
                                "区领导走访番南小区", null, "<p>正文</p>", T1, T1, List.of(), List.of())));
    }

    static SyndFeed parse(byte[] xml) throws Exception {
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
    }

    @Test
    void atomParsesWithRome() throws Exception {
        SyndFeed atom = parse(FeedWriter.atom(feed()));
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atom.getTitle()).isEqualTo("徐汇报 · 要闻 <&>");
        assertThat(atom.getEntries()).hasSize(2);
        SyndEntry first = atom.getEntries().get(0);
        assertThat(first.getTitle()).isEqualTo("全球人工智能领域专家学者聚在徐汇 & <AI>");
        assertThat(first.getUri()).isEqualTo("urn:uuid:0193f0c4-0000-7000-8000-000000000002");
        assertThat(first.getLink()).endsWith("/api/v1/articles/0193f0c4-0000-7000-8000-000000000002");
        assertThat(first.getContents().get(0).getValue()).isEqualTo("<p>首届“浦江 AI学术年会”&amp;</p>");
        assertThat(first.getPublishedDate().toInstant()).isEqualTo(T2.toInstant());
        assertThat(first.getAuthors()).extracting("name").containsExactly("曹香玉", "施昱辰");
        assertThat(first.getCategories()).extracting("name").containsExactly("要闻", "人工智能");
        assertThat(atom.getDescription()).doesNotContain("\u0001");
    }

    @Test
    void rssParsesWithRome() throws Exception {
        SyndFeed rss = parse(FeedWriter.rss(feed()));
        assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
        assertThat(rss.getTitle()).isEqualTo("徐汇报 · 要闻 <&>");
        assertThat(rss.getEntries()).hasSize(2);
        SyndEntry first = rss.getEntries().get(0);
        assertThat(first.getTitle()).isEqualTo("全球人工智能领域专家学者聚在徐汇 & <AI>");
        assertThat(first.getLink()).endsWith("/api/v1/articles/0193f0c4-0000-7000-8000-000000000002");
        assertThat(first.getUri()).isEqualTo("urn:uuid:0193f0c4-0000-7000-8000-000000000002");
        assertThat(first.getPublishedDate().toInstant()).isEqualTo(T2.toInstant());
    }

    @Test
    void jsonFeedFollowsVersion11() throws Exception {
        JsonNode json = EventJson.mapper().readTree(FeedWriter.jsonFeed(feed()));
        assertThat(json.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(json.get("title").asText()).isEqualTo("徐汇报 · 要闻 <&>");
        assertThat(json.get("feed_url").asText()).endsWith(".json");
        assertThat(json.get("items")).hasSize(2);
        JsonNode item = json.get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo("urn:uuid:0193f0c4-0000-7000-8000-000000000002");
        assertThat(item.get("url").asText()).endsWith("/api/v1/articles/0193f0c4-0000-7000-8000-000000000002");
        assertThat(item.get("title").asText()).isEqualTo("全球人工智能领域专家学者聚在徐汇 & <AI>");
        assertThat(item.get("content_html").asText()).isEqualTo("<p>首届“浦江 AI学术年会”&amp;</p>");
        assertThat(OffsetDateTime.parse(item.get("date_published").asText())).isEqualTo(T2);
        assertThat(item.get("authors").get(0).get("name").asText()).isEqualTo("曹香玉");
        assertThat(item.get("tags").get(1).asText()).isEqualTo("人工智能");
        assertThat(json.get("items").get(1).has("authors")).isFalse();
    }

    @Test
    void anEmptyFeedIsStillValid() throws Exception {
        FeedModel.Feed empty = new FeedModel.Feed("urn:x", "http://news.example/feeds/issues.atom",
                "http://news.example/", "徐汇报", "期刊", "zh-CN", null, List.of());
        assertThat(parse(FeedWriter.atom(empty)).getEntries()).isEmpty();
        assertThat(parse(FeedWriter.rss(empty)).getEntries()).isEmpty();
        assertThat(EventJson.mapper().readTree(FeedWriter.jsonFeed(empty)).get("items")).isEmpty();
        assertThat(FeedWriter.atom(empty)).isEqualTo(FeedWriter.atom(empty));
    }

    @Test
    void theLeadImageIsAnAtomEnclosureLinkAnRssEnclosureAndTheJsonFeedImage() throws Exception {
        LeadImage image = new LeadImage("http://127.0.0.1:8084/api/v1/media/renditions/ab12.jpg", 1280, 960,
                "image/jpeg", "区领导走访番南小区", "刘坤 陈文卿");
        FeedModel.Feed feed = new FeedModel.Feed("urn:x", "http://news.example/feeds/sections/a.atom",
                "http://news.example/", "徐汇报", "要闻", "zh-CN", T1, List.of(new FeedModel.Entry("urn:uuid:1",
                        "http://news.example/api/v1/articles/1", "区领导走访番南小区", null, "<p>正文</p>", T1, T1,
                        List.of(), List.of(), image)));
        String atom = new String(FeedWriter.atom(feed), StandardCharsets.UTF_8);
        assertThat(atom).contains("<link rel=\"enclosure\" type=\"image/jpeg\" href=\"" + image.url() + "\"");
        assertThat(parse(FeedWriter.atom(feed)).getEntries().get(0).getEnclosures()).extracting("url")
                .containsExactly(image.url());
        String rss = new String(FeedWriter.rss(feed), StandardCharsets.UTF_8);
        assertThat(rss).contains("<enclosure url=\"" + image.url() + "\"", "type=\"image/jpeg\"");
        assertThat(parse(FeedWriter.rss(feed)).getEntries().get(0).getEnclosures()).extracting("type")
                .containsExactly("image/jpeg");
        JsonNode json = EventJson.mapper().readTree(FeedWriter.jsonFeed(feed));
        assertThat(json.get("items").get(0).get("image").asText()).isEqualTo(image.url());
        assertThat(EventJson.mapper().readTree(FeedWriter.jsonFeed(feed())).get("items").get(0).has("image"))
                .isFalse();
    }
}
