package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.notify.support.Api;
import org.newsroom.notify.support.Issues;
import org.newsroom.notify.support.MailServerResource;
import org.newsroom.notify.support.TestHostResolver;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.WebhookReceiver;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The SSRF guard in the running service: non-public endpoints are refused at subscription (422) and again at each
 * delivery, so that a name rebound to a private address after verification gets nothing. Requests only ever go to
 * 127.0.0.1 (allow-listed in tests); refused addresses are never connected to.
 */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "notify"))
@QuarkusTestResource(MailServerResource.class)
class SsrfTest {

    @ParameterizedTest
    @ValueSource(strings = { "http://10.0.0.1/hook", "https://192.168.1.10/hook", "http://169.254.169.254/latest/meta-data",
            "http://[::ffff:10.0.0.1]:8080/hook", "http://127.0.0.2:8080/hook", "http://[fd00::1]/hook",
            "http://100.64.0.1/hook", "http://0.0.0.0:8080/", "http://2130706433/", "ftp://127.0.0.1/x",
            "http://user:pw@127.0.0.1:8080/", "http://127.0.0.1:22/" })
    void privateAndMalformedEndpointsAreRefused(String endpoint) {
        given().contentType(ContentType.JSON).body(Map.of("channel", "webhook", "endpoint", endpoint))
                .when().post("/api/v1/subscriptions")
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("endpoint"));
    }

    @Test
    void aNameReboundToAPrivateAddressAfterVerificationGetsNothing() {
        String name = "rebind-" + UUID.randomUUID().toString().substring(0, 8) + ".newsroom.test";
        AtomicReference<String> answer = new AtomicReference<>("127.0.0.1");
        TestHostResolver.answer(name, () -> answer.get());
        String section = "rebind-" + UUID.randomUUID();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath subscription = Api.subscribeWebhook("http://" + name + ":" + receiver.port() + "/hook", List.of(section));
            assertThat(subscription.getString("status")).isEqualTo("active");
            String id = subscription.getString("id");
            String token = subscription.getString("manageToken");

            answer.set("10.0.0.5");                        // DNS now points inside the network
            Issues.publish(Issues.issue(section));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonPath log = Api.deliveries(id, token);
                assertThat(log.getString("items[0].attempts[0].error")).contains("SSRF");
            });
            assertThat(receiver.posts()).isEmpty();

            answer.set("127.0.0.1");                       // back to the verified, allowed address: the retry goes out
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(Api.deliveries(id, token).getString("items[0].status")).isEqualTo("delivered"));
            assertThat(receiver.posts()).hasSize(1);
            assertThat(receiver.posts().get(0).header("host")).isEqualTo(name + ":" + receiver.port());
            Api.delete(id, token);
        } finally {
            TestHostResolver.forget(name);
        }
    }

    @Test
    void anEndpointThatDoesNotEchoTheChallengeStaysPendingUntilVerifiedAgain() {
        try (WebhookReceiver receiver = new WebhookReceiver().refuseChallenges()) {
            JsonPath subscription = Api.subscribeWebhook(receiver.url("/nope").toString(), List.of());
            assertThat(subscription.getString("status")).isEqualTo("pending");
            // the reason repeats nothing of what the endpoint answered (it could be any URL)
            assertThat(subscription.getString("statusReason"))
                    .isEqualTo("intent verification failed: the endpoint did not answer the challenge as required");
            String id = subscription.getString("id");
            String token = subscription.getString("manageToken");
            given().header("Authorization", "Bearer " + token).when().post("/api/v1/subscriptions/" + id + "/verify")
                    .then().statusCode(200).body("status", equalTo("pending"));   // verification runs in the background
            receiver.echoChallenges();
            given().header("Authorization", "Bearer " + token).when().post("/api/v1/subscriptions/" + id + "/verify")
                    .then().statusCode(200);
            Api.awaitStatus(id, token, "active");
            Api.delete(id, token);
        }
    }
}
