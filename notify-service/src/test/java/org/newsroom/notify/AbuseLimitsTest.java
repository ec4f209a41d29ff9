package org.newsroom.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.Message;

import org.junit.jupiter.api.Test;
import org.newsroom.notify.support.AbuseProfile;
import org.newsroom.notify.support.Api;
import org.newsroom.notify.support.MailServerResource;
import org.newsroom.stack.test.NewsroomTestResource;
import org.newsroom.stack.test.WebhookReceiver;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The anonymous subscription endpoint under abuse, against GreenMail and real HTTP receivers: rate limits per client
 * and per target (429 + Retry-After), one pending subscription per target, one confirmation mail per window, and
 * intent verification in background workers that a tarpit cannot block.
 */
@QuarkusTest
@TestProfile(AbuseProfile.class)
@QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "notify"))
@QuarkusTestResource(MailServerResource.class)
class AbuseLimitsTest {

    /** A client address of this test only (documentation range), sent in the trusted X-Forwarded-For. */
    private static String client() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "2001:db8:" + Integer.toHexString(r.nextInt(0x10000)) + "::" + Integer.toHexString(r.nextInt(1, 0x10000));
    }

    private static Response subscribe(String client, String channel, String endpoint) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.9, " + client)
                .body(Map.of("channel", channel, "endpoint", endpoint))
                .when().post("/api/v1/subscriptions");
    }

    private static long mailsTo(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).count();
    }

    @Test
    void fiftyRapidSubscriptionsOfOneAddressSendOneMailAndTheFiftyFirstRequestIsRateLimited() {
        GreenMail mail = MailServerResource.greenMail();
        String client = client();
        String address = "target-" + UUID.randomUUID() + "@example.org";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < AbuseProfile.PER_CLIENT; i++) {
            JsonPath answer = subscribe(client, "email", address)
                    .then().statusCode(202).body("status", equalTo("pending")).extract().jsonPath();
            ids.add(answer.getString("id"));
            if (i == 0) {
                assertThat(answer.getString("manageToken")).startsWith("mt_");
            } else {
                assertThat(answer.getString("manageToken")).isNull();   // the pending one again, not its secrets
            }
        }
        assertThat(ids).containsOnly(ids.get(0));
        // the first POST claimed the one confirmation mail of the window (sent in the background); later ones claim none
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(mail, address) == 1);

        subscribe(client, "email", "other-" + UUID.randomUUID() + "@example.org")
                .then().statusCode(429).contentType(startsWith("application/problem+json"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*")).body("status", equalTo(429));
        subscribe(client(), "email", "other-" + UUID.randomUUID() + "@example.org").then().statusCode(202);
        assertThat(mailsTo(mail, address)).isEqualTo(1);
    }

    @Test
    void oneTargetIsRateLimitedWhateverTheClient() {
        String address = "target-" + UUID.randomUUID() + "@example.org";
        for (int i = 0; i < AbuseProfile.PER_TARGET; i++) {
            subscribe(client(), "email", address).then().statusCode(202);
        }
        subscribe(client(), "email", address).then().statusCode(429)
                .contentType(startsWith("application/problem+json")).header("Retry-After", matchesPattern("[1-9][0-9]*"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(MailServerResource.greenMail(), address) == 1);
    }

    @Test
    void aWebhookSubscribedAgainWhilePendingIsNotVerifiedAgain() {
        try (WebhookReceiver receiver = new WebhookReceiver().refuseChallenges()) {
            String url = receiver.url("/again").toString();
            JsonPath first = subscribe(client(), "webhook", url).then().statusCode(202).extract().jsonPath();
            JsonPath view = Api.awaitVerified(first.getString("id"), first.getString("manageToken"));
            assertThat(view.getString("status")).isEqualTo("pending");
            int gets = receiver.challenges();
            JsonPath again = subscribe(client(), "webhook", url).then().statusCode(202).extract().jsonPath();
            assertThat(again.getString("id")).isEqualTo(first.getString("id"));
            assertThat(again.getString("secret")).isNull();
            assertThat(receiver.challenges()).isEqualTo(gets);
            Api.delete(first.getString("id"), first.getString("manageToken"));
        }
    }

    @Test
    void aTarpitEndpointDoesNotDelayTheVerificationOfTheNextOne() throws Exception {
        try (Tarpit tarpit = new Tarpit(); WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath slow = subscribe(client(), "webhook", "http://127.0.0.1:" + tarpit.port() + "/never")
                    .then().statusCode(202).body("status", equalTo("pending")).extract().jsonPath();
            await().atMost(Duration.ofSeconds(30)).until(() -> tarpit.accepted() >= 1);   // its GET is under way

            JsonPath fast = subscribe(client(), "webhook", receiver.url("/fast").toString())
                    .then().statusCode(202).body("status", equalTo("pending")).extract().jsonPath();
            Api.awaitStatus(fast.getString("id"), fast.getString("manageToken"), "active");

            // the endpoint subscribed later is active while the tarpit's verification has not ended
            JsonPath stillWaiting = Api.subscription(slow.getString("id"), slow.getString("manageToken"));
            assertThat(stillWaiting.getString("status")).isEqualTo("pending");
            assertThat(stillWaiting.getString("statusReason")).isNull();
            assertThat(tarpit.accepted()).isEqualTo(1);

            Api.delete(fast.getString("id"), fast.getString("manageToken"));
            Api.delete(slow.getString("id"), slow.getString("manageToken"));
        }
    }

    /** A TCP server on 127.0.0.1 that accepts connections and never answers (until closed). */
    static final class Tarpit implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor;

        Tarpit() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "tarpit");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        @Override
        public void close() throws Exception {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
            acceptor.join();
        }
    }
}
