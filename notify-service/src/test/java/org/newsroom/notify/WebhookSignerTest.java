package org.newsroom.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.notify.service.WebhookSigner;

import com.standardwebhooks.Webhook;

/** The signer against the Standard Webhooks test vector and the reference library. */
class WebhookSignerTest {

    @Test
    void reproducesTheSpecTestVector() {
        assertThat(WebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void newSecretsVerifyWithTheReferenceLibrary() throws Exception {
        String secret = WebhookSigner.newSecret();
        assertThat(secret).startsWith("whsec_");
        long now = System.currentTimeMillis() / 1000;
        String body = "{\"type\":\"issue.published\",\"data\":{\"masthead\":\"徐汇报\"}}";
        String signature = WebhookSigner.sign(secret, "msg_1", now, body);
        HttpHeaders headers = HttpHeaders.of(Map.of(
                "webhook-id", List.of("msg_1"),
                "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(signature)), (a, b) -> true);
        assertThatCode(() -> new Webhook(secret).verify(body, headers)).doesNotThrowAnyException();
    }
}
