package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.net.URI;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.newsroom.notify.service.SecretResealer;
import org.newsroom.notify.support.Api;
import org.newsroom.notify.support.MailServerResource;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.WebhookReceiver;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * What the database keeps of the secrets it hands out (read with SQL from the real PostgreSQL): hashes of the manage
 * and unsubscribe tokens, the webhook secret and the unsubscribe token sealed with AES-GCM, none of them in clear;
 * rows left unencrypted (Flyway V11 migrates clear unsubscribe tokens to {@code plain:}) are sealed by the resealer.
 */
@QuarkusTest
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "notify"))
@QuarkusTestResource(MailServerResource.class)
class SecretsAtRestTest {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("<https?://[^>]+/unsubscribe/([^>]+)>");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecretResealer resealer;

    @Test
    void storedTokensAreHashesAndSealedValuesNotTheTokensHandedOut() throws Exception {
        String address = "at-rest-" + UUID.randomUUID() + "@example.org";
        JsonPath email = given().contentType(ContentType.JSON).body(Map.of("channel", "email", "endpoint", address))
                .when().post("/api/v1/subscriptions").then().statusCode(202).extract().jsonPath();
        String manageToken = email.getString("manageToken");
        String unsubscribeToken = unsubscribeTokenMailedTo(address);

        Map<String, Object> row = row(email.getString("id"));
        assertThat((byte[]) row.get("manage_token_hash")).isEqualTo(sha256(manageToken));
        assertThat((byte[]) row.get("unsubscribe_token_hash")).isEqualTo(sha256(unsubscribeToken));
        assertThat((String) row.get("unsubscribe_token_sealed")).startsWith("v1:").doesNotContain(unsubscribeToken);
        assertThat(rowAsText(email.getString("id"))).doesNotContain(manageToken).doesNotContain(unsubscribeToken);
        given().when().get("/unsubscribe/" + unsubscribeToken).then().statusCode(200).body(containsString(address));

        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath webhook = Api.subscribeWebhook(receiver.url("/at-rest").toString(), List.of());
            String secret = webhook.getString("secret");
            assertThat(secret).startsWith("whsec_");
            Map<String, Object> hook = row(webhook.getString("id"));
            assertThat((String) hook.get("secret")).startsWith("v1:");
            assertThat(rowAsText(webhook.getString("id"))).doesNotContain(secret.substring("whsec_".length()))
                    .doesNotContain(webhook.getString("manageToken"));
            Api.delete(webhook.getString("id"), webhook.getString("manageToken"));
        }
    }

    @Test
    void valuesLeftUnencryptedAreSealedAndTheirLinksStillWork() throws Exception {
        String address = "legacy-" + UUID.randomUUID() + "@example.org";
        String id = given().contentType(ContentType.JSON).body(Map.of("channel", "email", "endpoint", address))
                .when().post("/api/v1/subscriptions").then().statusCode(202).extract().jsonPath().getString("id");
        String unsubscribeToken = unsubscribeTokenMailedTo(address);
        // what Flyway V11 leaves of a row from before: the clear token as "plain:", its hash for the lookup
        update("update subscription set unsubscribe_token_sealed = ? where id = ?", "plain:" + unsubscribeToken, id);

        assertThat(resealer.resealAll()).isGreaterThanOrEqualTo(1);

        assertThat((String) row(id).get("unsubscribe_token_sealed")).startsWith("v1:");
        assertThat(rowAsText(id)).doesNotContain(unsubscribeToken);
        given().when().get("/unsubscribe/" + unsubscribeToken).then().statusCode(200).body(containsString(address));
    }

    private static String unsubscribeTokenMailedTo(String address) {
        MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(
                MailServerResource.greenMail().getReceivedMessages()).filter(m -> sentTo(m, address)).findFirst(),
                java.util.Optional::isPresent).get();
        try {
            Matcher link = UNSUBSCRIBE.matcher(mail.getHeader("List-Unsubscribe")[0]);
            assertThat(link.find()).isTrue();
            return URI.create("http://x/" + link.group(1)).getPath().substring(1);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(r -> r.toString().equals(address));
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private Map<String, Object> row(String id) throws Exception {
        try (Connection db = dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("select * from subscription where id = ?::uuid")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Map<String, Object> row = new java.util.HashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    if (value != null) {
                        row.put(rs.getMetaData().getColumnName(i), value);
                    }
                }
                return row;
            }
        }
    }

    /** The whole row as text (bytea as hex): no token handed out may appear in it. */
    private String rowAsText(String id) throws Exception {
        try (Connection db = dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("select row_to_json(s)::text from subscription s where id = ?::uuid")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private void update(String sql, String value, String id) throws Exception {
        try (Connection db = dataSource.getConnection(); PreparedStatement update = db.prepareStatement(sql)) {
            db.setAutoCommit(true);
            update.setString(1, value);
            update.setObject(2, UUID.fromString(id));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static byte[] sha256(String token) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
