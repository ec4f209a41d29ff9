package org.newsroom.notify.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} keyed by the whsec_ secret. */
public final class WebhookSigner {

    public static final String SECRET_PREFIX = "whsec_";

    private WebhookSigner() {
    }

    /** A new signing secret: 32 random bytes, base64, with the {@code whsec_} prefix. */
    public static String newSecret() {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(Tokens.randomBytes(32));
    }

    /** The {@code webhook-signature} header value for one message. */
    public static String sign(String secret, String msgId, long timestampSeconds, String body) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        byte[] key = Base64.getDecoder().decode(encoded);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((msgId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
