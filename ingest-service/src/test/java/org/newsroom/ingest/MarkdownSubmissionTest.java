package org.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsroom.ingest.Ingest.SUBMISSIONS;
import static org.newsroom.ingest.Ingest.as;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.newsroom.stack.test.NewsroomTestResource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A reporter writes Markdown with YAML front matter; the blocks and every Chinese character arrive as written. */
@QuarkusTest
@QuarkusTestResource(NewsroomTestResource.class)
@QuarkusTestResource(ArticleServiceStub.class)
class MarkdownSubmissionTest {

    private static final String STORY = """
            ---
            headline: 全球人工智能领域专家学者聚在徐汇
            subheadline: "就 AI 发展趋势等进行探讨"
            kicker: 使居民身心更健康
            genre: news
            language: zh-CN
            bylines:
              - name: 曹香玉
                role: reporter
              - name: 施昱辰
                role: reporter
            creditLine: 记者 曹香玉 施昱辰
            source:
              label: 来源
              name: 区委办
            section: 要闻
            tags: [人工智能, 浦江]
            embargoedUntil: 2024-12-20T08:00:00+08:00
            slug: 2024-12-pujiang-ai-conference
            ---
            　　首届“浦江 AI学术年会”日前在徐汇举办。活动由上海人工智能实验室发起并主办，\s
            以年会为载体，推动“以问题为导向” 的学术讨论深入开展。

            ## 讲政治， 做到对党忠诚、一心为公

            > “人工智能是引领未来的战略技术， 人才引进和培养是科研成功的关键。 ”
            > ——姚期智

            徐汇区政协主席黄冲致辞。  两个空格留着。
            """;

    private static final TopicReader topic = TopicReader.submissions();

    @Test
    void frontMatterBecomesFieldsAndMarkdownBecomesBlocksCharacterForCharacter() {
        String reporter = Ingest.uniqueReporter("曹香玉");
        Map<TopicPartition, Long> mark = topic.mark();

        String id = as("reporter", reporter)
                .contentType("text/markdown; charset=utf-8").body(Ingest.utf8(STORY))
                .when().post(SUBMISSIONS)
                .then().statusCode(202).extract().path("id");

        JsonNode event = Ingest.tree(topic.since(mark, id).get(0).value());
        assertThat(event.get("format").asText()).isEqualTo("markdown");
        assertThat(event.get("headline").asText()).isEqualTo("全球人工智能领域专家学者聚在徐汇");
        assertThat(event.get("subheadline").asText()).isEqualTo("就 AI 发展趋势等进行探讨");
        assertThat(event.get("kicker").asText()).isEqualTo("使居民身心更健康");
        assertThat(event.get("genre").asText()).isEqualTo("news");
        assertThat(event.get("bylines")).isEqualTo(Ingest.tree(Ingest.utf8(
                "[{\"name\":\"曹香玉\",\"role\":\"reporter\"},{\"name\":\"施昱辰\",\"role\":\"reporter\"}]")));
        assertThat(event.get("creditLine").asText()).isEqualTo("记者 曹香玉 施昱辰");
        assertThat(event.get("source").get("label").asText()).isEqualTo("来源");
        assertThat(event.get("source").get("name").asText()).isEqualTo("区委办");
        assertThat(event.get("section").asText()).isEqualTo("要闻");
        assertThat(event.get("tags")).hasSize(2);
        assertThat(event.get("embargoedUntil").asText()).isEqualTo("2024-12-20T08:00:00+08:00");
        assertThat(event.get("slug").asText()).isEqualTo("2024-12-pujiang-ai-conference");
        assertThat(event.get("submittedBy").asText()).isEqualTo(reporter);

        JsonNode body = event.get("body");
        assertThat(body).hasSize(4);
        assertBlock(body.get(0), "paragraph", "　　首届“浦江 AI学术年会”日前在徐汇举办。活动由上海人工智能实验室发起并主办， \n"
                + "以年会为载体，推动“以问题为导向” 的学术讨论深入开展。");
        assertBlock(body.get(1), "heading", "讲政治， 做到对党忠诚、一心为公");
        assertBlock(body.get(2), "quote", "“人工智能是引领未来的战略技术， 人才引进和培养是科研成功的关键。 ”\n——姚期智");
        assertBlock(body.get(3), "paragraph", "徐汇区政协主席黄冲致辞。  两个空格留着。");
    }

    @Test
    void windowsLineEndingsAreLineEndingsNotText() {
        String crlf = STORY.replace("\n", "\r\n");
        Map<TopicPartition, Long> mark = topic.mark();

        String id = as("reporter", Ingest.uniqueReporter("施昱辰"))
                .contentType("text/markdown").body(Ingest.utf8(crlf))
                .when().post(SUBMISSIONS)
                .then().statusCode(202).extract().path("id");

        JsonNode body = Ingest.tree(topic.since(mark, id).get(0).value()).get("body");
        assertThat(body).hasSize(4);
        assertThat(body.get(0).get("text").asText()).doesNotContain("\r").contains("主办， \n以年会");
    }

    @Test
    void textIsNormalisedToNfcAndNothingElse() {
        String decomposed = "Cafe\u0301　全角　空格 ＡＢＣ";
        String markdown = "---\nheadline: \"Cafe\u0301 新闻\"\n---\n" + decomposed + "\n";
        Map<TopicPartition, Long> mark = topic.mark();

        String id = as("reporter", Ingest.uniqueReporter("刘坤"))
                .contentType("text/markdown").body(Ingest.utf8(markdown))
                .when().post(SUBMISSIONS)
                .then().statusCode(202).extract().path("id");

        JsonNode event = Ingest.tree(topic.since(mark, id).get(0).value());
        assertThat(event.get("headline").asText()).isEqualTo("Caf\u00e9 新闻");
        assertThat(event.get("body").get(0).get("text").asText()).isEqualTo("Caf\u00e9　全角　空格 ＡＢＣ");
    }

    @Test
    void scalarsThatLookLikeNumbersOrBooleansStayTextAsWritten() {
        String markdown = "---\nheadline: 1.50\nkicker: yes\nsection: 007\n---\n正文\n";
        Map<TopicPartition, Long> mark = topic.mark();

        String id = as("reporter", Ingest.uniqueReporter("陈文卿"))
                .contentType("text/markdown").body(Ingest.utf8(markdown))
                .when().post(SUBMISSIONS)
                .then().statusCode(202).extract().path("id");

        JsonNode event = Ingest.tree(topic.since(mark, id).get(0).value());
        assertThat(event.get("headline").asText()).isEqualTo("1.50");
        assertThat(event.get("kicker").asText()).isEqualTo("yes");
        assertThat(event.get("section").asText()).isEqualTo("007");
    }

    private static void assertBlock(JsonNode block, String type, String text) {
        assertThat(block.get("type").asText()).isEqualTo(type);
        assertThat(block.get("text").asText()).isEqualTo(text);
    }
}
