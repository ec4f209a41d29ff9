package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.newsroom.notify.support.Api;
import org.newsroom.notify.support.MailServerResource;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.TestInfrastructure;
import org.newsroom.stack.test.WebhookReceiver;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Manage tokens (not JWTs) on the subscription endpoints, and roles on the editors' endpoint. */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "notify"))
@QuarkusTestResource(MailServerResource.class)
class ManageTokenAuthTest {

    @Test
    void manageTokensAreAcceptedAndWrongOnesLookLikeUnknownSubscriptions() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath created = Api.subscribeWebhook(receiver.url("/auth").toString(), List.of("要闻", "综合新闻"));
            String id = created.getString("id");
            String token = created.getString("manageToken");
            assertThat(token).startsWith("mt_");

            JsonPath view = Api.subscription(id, token);
            assertThat(view.getString("id")).isEqualTo(id);
            assertThat(view.getString("channel")).isEqualTo("webhook");
            assertThat(view.getString("endpoint")).isEqualTo(receiver.url("/auth").toString());
            assertThat(view.getList("sections")).containsExactly("要闻", "综合新闻");
            assertThat(view.getString("status")).isEqualTo("active");
            assertThat(view.getMap("")).doesNotContainKeys("secret", "manageToken");

            given().when().get("/api/v1/subscriptions/" + id)
                    .then().statusCode(401).contentType(startsWith("application/problem+json"));
            given().header("Authorization", "Bearer mt_wrong").when().get("/api/v1/subscriptions/" + id)
                    .then().statusCode(404).contentType(startsWith("application/problem+json"));
            given().header("Authorization", "Bearer " + token).when().get("/api/v1/subscriptions/" + UUID.randomUUID())
                    .then().statusCode(404).contentType(startsWith("application/problem+json"));
            String editor = TestInfrastructure.get().token("editor", "王编辑");
            given().auth().oauth2(editor).when().get("/api/v1/subscriptions/" + id)
                    .then().statusCode(404).contentType(startsWith("application/problem+json"));
            given().header("Authorization", "Bearer " + token).when().delete("/api/v1/subscriptions/" + id)
                    .then().statusCode(204);
            given().header("Authorization", "Bearer " + token).when().get("/api/v1/subscriptions/" + id)
                    .then().statusCode(200).body("status", equalTo("disabled"));
        }
    }

    @Test
    void theRetryEndpointAcceptsEditorsAndAdmins() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath created = Api.subscribeWebhook(receiver.url("/retry").toString(), List.of("x-" + UUID.randomUUID()));
            String id = created.getString("id");
            String url = "/api/v1/subscriptions/" + id + "/deliveries/" + UUID.randomUUID() + "/retry";
            given().auth().oauth2(TestInfrastructure.get().token("editor", "王编辑")).when().post(url)
                    .then().statusCode(404);
            given().auth().oauth2(TestInfrastructure.get().token("admin", "管理员")).when().post(url)
                    .then().statusCode(404);
            given().auth().oauth2(TestInfrastructure.get().token("reporter", "曹香玉")).when().post(url)
                    .then().statusCode(404);
            given().when().post(url).then().statusCode(401);
            Api.delete(id, created.getString("manageToken"));
        }
    }

    @Test
    void theIssueViewNeedsAnEditor() {
        String url = "/api/v1/issues/" + UUID.randomUUID() + "/deliveries";
        given().when().get(url).then().statusCode(401).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(TestInfrastructure.get().token("reporter", "曹香玉")).when().get(url)
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(TestInfrastructure.get().token("admin", "管理员")).when().get(url)
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().header("Authorization", "Bearer mt_not_a_jwt").when().get(url)
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
    }
}
