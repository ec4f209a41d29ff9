package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.issue.IssuePublished;
import org.newsroom.notify.mapping.MailComposer;
import org.newsroom.notify.support.Api;
import org.newsroom.notify.support.Issues;
import org.newsroom.notify.support.MailServerResource;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * E-mail alerts through a real SMTP server (GreenMail): double opt-in, Chinese subject, one-click unsubscribe, the
 * Qute mail templates' escaping.
 */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "notify"))
@QuarkusTestResource(MailServerResource.class)
class EmailDeliveryTest {

    @Inject
    MailComposer composer;

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+/api/v1/subscriptions/confirm/[A-Za-z0-9_-]+");

    @Test
    void doubleOptInByThePostOfTheConfirmationPageNotByAGetThenAChineseAlertWithWorkingOneClickUnsubscribe() throws Exception {
        GreenMail mail = MailServerResource.greenMail();
        String section = "社区-" + UUID.randomUUID();
        String address = "reader-" + UUID.randomUUID() + "@example.org";

        JsonPath created = given().contentType(ContentType.JSON)
                .body(Map.of("channel", "email", "endpoint", address, "sections", List.of(section)))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(202).body("status", equalTo("pending")).extract().jsonPath();
        String id = created.getString("id");
        String token = created.getString("manageToken");
        assertThat(created.getString("secret")).isNull();

        MimeMessage confirmation = await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(mail, address),
                list -> list.size() == 1).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("请确认订阅《徐汇报》新刊提醒");
        Matcher link = LINK.matcher(GreenMailUtil.getBody(confirmation).replace("=\r\n", ""));
        String body = textOf(confirmation);
        Matcher found = LINK.matcher(body);
        assertThat(found.find() || link.find()).isTrue();
        String confirmPath = URI.create(found.group()).getPath();

        IssuePublished early = Issues.issue(section);    // fanned out before confirmation: not for this subscriber
        Issues.publish(early);
        String editor = TestInfrastructure.get().token("editor", "王编辑");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(editor)
                .when().get("/api/v1/issues/" + early.issueId() + "/deliveries")
                .then().statusCode(200).body("total", equalTo(0)));
        // a GET on the link (what a mail link scanner does) shows a page and activates nothing
        given().when().get(confirmPath).then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<form method=\"post\" action=\"" + confirmPath + "\""))
                .body(containsString("确认订阅"));
        given().when().get(confirmPath).then().statusCode(200);
        assertThat(Api.subscription(id, token).getString("status")).isEqualTo("pending");
        // the POST of the page's button does
        given().contentType("application/x-www-form-urlencoded").when().post(confirmPath)
                .then().statusCode(200).contentType(startsWith("text/html")).body(containsString("订阅已确认"));
        assertThat(Api.subscription(id, token).getString("status")).isEqualTo("active");
        given().when().get(confirmPath).then().statusCode(200).body(containsString("订阅已确认"));

        IssuePublished issue = Issues.issue(section);
        Issues.publish(issue);
        MimeMessage alert = await().atMost(Duration.ofSeconds(30)).until(() -> messagesTo(mail, address),
                list -> list.size() == 2).get(1);

        String rawSubject = alert.getHeader("Subject")[0];
        assertThat(rawSubject).startsWith("=?").contains("?=");                    // RFC 2047 encoded on the wire
        String expectedSubject = "《徐汇报》第" + issue.number() + "期已出版（2024-12-20）";
        assertThat(MimeUtility.decodeText(MimeUtility.unfold(rawSubject))).isEqualTo(expectedSubject);
        assertThat(alert.getSubject()).isEqualTo(expectedSubject);
        assertThat(alert.getContentType()).startsWith("multipart/alternative");
        String text = part(alert, "text/plain");
        String html = part(alert, "text/html");
        assertThat(text).contains("全球人工智能领域专家学者聚在徐汇").contains("使居民身心更健康").contains("徐汇区新增八所“优秀”养老机构")
                .contains("内部资料 免费交流").contains(issue.url());
        assertThat(html).contains("<a href=\"http://127.0.0.1:8082/api/v1/articles/1\">全球人工智能领域专家学者聚在徐汇</a>");

        String listUnsubscribe = alert.getHeader("List-Unsubscribe")[0];
        assertThat(alert.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        Matcher url = Pattern.compile("<(https?://[^>]+/unsubscribe/[^>]+)>").matcher(listUnsubscribe);
        assertThat(url.find()).isTrue();
        String unsubscribePath = URI.create(url.group(1)).getPath();

        given().when().get(unsubscribePath).then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("List-Unsubscribe")).body(containsString("One-Click"));
        assertThat(Api.subscription(id, token).getString("status")).isEqualTo("active");   // GET changes nothing

        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .when().post(unsubscribePath).then().statusCode(200);
        assertThat(Api.subscription(id, token).getString("status")).isEqualTo("disabled");

        JsonPath log = Api.deliveries(id, token);
        assertThat(log.getList("items")).hasSize(1);
        assertThat(log.getString("items[0].status")).isEqualTo("delivered");
        assertThat(log.getString("items[0].attempts[0].smtpReply")).isNotBlank();
    }

    @Test
    void htmlSpecialCharactersOfAHeadlineAreEscapedInTheHtmlPartKeptVerbatimInTheTextPartAndTheSubjectIsEncoded()
            throws Exception {
        GreenMail mail = MailServerResource.greenMail();
        String address = "reader-" + UUID.randomUUID() + "@example.org";
        String headline = "<b>人工智能 & 徐汇</b> \"大会\" 'Q&A'";
        String link = "http://127.0.0.1:8082/api/v1/articles/1?from=alert&lang=zh";
        IssuePublished base = Issues.issue("科技");
        IssuePublished issue = new IssuePublished(base.issueId(), "徐汇报 <周刊> & Co", base.number(), base.date(),
                base.publishedAt(), base.distributionNote(), base.url(), base.pages(),
                List.of(new IssuePublished.Article(UUID.randomUUID(), headline, 1, "科技", link)), base.teasers());

        composer.alert(address, issue, new String[0], "token-" + UUID.randomUUID()).send().await()
                .atMost(Duration.ofSeconds(30));

        MimeMessage alert = await().atMost(Duration.ofSeconds(20)).until(() -> messagesTo(mail, address),
                list -> list.size() == 1).get(0);
        String rawSubject = alert.getHeader("Subject")[0];
        assertThat(rawSubject).startsWith("=?").contains("?=").doesNotContain("<周刊>");
        String expectedSubject = "《徐汇报 <周刊> & Co》第" + issue.number() + "期已出版（2024-12-20）";
        assertThat(MimeUtility.decodeText(MimeUtility.unfold(rawSubject))).isEqualTo(expectedSubject);
        assertThat(alert.getSubject()).isEqualTo(expectedSubject);
        String text = part(alert, "text/plain");
        String html = part(alert, "text/html");
        assertThat(text).contains("· " + headline + "（第1版 科技）").contains(link).contains(expectedSubject)
                .contains("使居民身心更健康 —— 徐汇区新增八所“优秀”养老机构（第7版）");
        assertThat(html).doesNotContain(headline).doesNotContain("<b>").doesNotContain("<周刊>")
                .contains("&lt;b&gt;人工智能 &amp; 徐汇&lt;/b&gt;")
                .contains("<a href=\"http://127.0.0.1:8082/api/v1/articles/1?from=alert&amp;lang=zh\">")
                .contains("徐汇报 &lt;周刊&gt; &amp; Co")
                .contains("<em>使居民身心更健康</em> 徐汇区新增八所“优秀”养老机构");
        assertThat(html.replace("&quot;", "\"").replace("&#34;", "\"").replace("&#39;", "'").replace("&#x27;", "'"))
                .contains("&lt;b&gt;人工智能 &amp; 徐汇&lt;/b&gt; \"大会\" 'Q&amp;A'");
    }

    @Test
    void badUnsubscribeRequestsAreProblems() {
        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .when().post("/unsubscribe/unknown-token").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().when().get("/unsubscribe/unknown-token").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().when().get("/api/v1/subscriptions/confirm/unknown").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().contentType("application/x-www-form-urlencoded").when().post("/api/v1/subscriptions/confirm/unknown")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    private static List<MimeMessage> messagesTo(GreenMail mail, String address) throws Exception {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String textOf(MimeMessage message) throws Exception {
        return part(message, "text/plain");
    }

    private static String part(MimeMessage message, String type) throws Exception {
        Object content = message.getContent();
        if (content instanceof String s) {
            return s;
        }
        MimeMultipart multipart = (MimeMultipart) content;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContentType().startsWith(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof MimeMultipart nested) {
                for (int j = 0; j < nested.getCount(); j++) {
                    if (nested.getBodyPart(j).getContentType().startsWith(type)) {
                        return (String) nested.getBodyPart(j).getContent();
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
