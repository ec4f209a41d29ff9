package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.CloudEventAttributes;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.EventTypes;
import org.newsroom.contracts.issue.IssuePublished;
import org.newsroom.notify.messaging.DeliveryPublisher;
import org.newsroom.notify.messaging.DeliveryRecord;
import org.newsroom.notify.service.FanOutService;
import org.newsroom.notify.support.Api;
import org.newsroom.notify.support.Issues;
import org.newsroom.notify.support.MailServerResource;
import org.newsroom.stack.KafkaBroker;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;
import org.newsroom.stack.test.WebhookReceiver;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The relay to newsroom.deliveries while the broker is away: a batch the broker did not acknowledge is an error (its
 * rows stay undispatched), and deliveries fanned out meanwhile reach their subscriber exactly once after it returns.
 */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "notify"))
@QuarkusTestResource(MailServerResource.class)
class DeliveryRelayOutageTest {

    @Inject
    FanOutService fanOut;

    @Inject
    DeliveryPublisher publisher;

    @Test
    void deliveriesFannedOutWhileTheBrokerIsAwayAreDeliveredExactlyOnceAfterItReturns() {
        String section = "要闻-" + UUID.randomUUID();
        KafkaBroker kafka = TestInfrastructure.get().kafka();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath subscription = Api.subscribeWebhook(receiver.url("/outage").toString(), List.of(section));
            String id = subscription.getString("id");
            String token = subscription.getString("manageToken");
            IssuePublished issue = Issues.issue(section);

            kafka.stop();
            try {
                // the fan-out needs only the database; its relay needs the broker
                FanOutService.Result result = fanOut.fanOut(FanOutService.prepare(new CloudEventAttributes(
                        UUID.randomUUID().toString(), "/article-service", EventTypes.ISSUE_PUBLISHED,
                        OffsetDateTime.now(ZoneOffset.UTC), issue.issueId().toString()), EventJson.write(issue), null));
                assertThat(result.deliveries()).isEqualTo(1);
                assertThatThrownBy(() -> publisher.publish(List.of(new DeliveryPublisher.Request(
                        new DeliveryRecord(UUID.randomUUID(), UUID.randomUUID()), null)), Duration.ofSeconds(3)))
                        .isInstanceOf(RuntimeException.class);
            } finally {
                kafka.start();
            }

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(Api.deliveries(id, token).getString("items[0].status")).isEqualTo("delivered"));
            assertThat(receiver.posts()).hasSize(1);
            assertThat(Api.deliveries(id, token).getList("items[0].attempts")).hasSize(1);
            Api.delete(id, token);
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }
}
