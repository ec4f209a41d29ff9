package org.newsroom.notify.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.newsroom.notify.config.NotifyConfig;

import io.quarkus.runtime.Startup;

/**
 * Encrypts webhook signing secrets and unsubscribe tokens at rest (AES-256-GCM) so that a database dump does not reveal
 * them. Created at start: without a key notify-service does not start, unless the key is explicitly not required (dev).
 */
@Startup
@ApplicationScoped
public class SecretCipher {

    private static final Logger LOG = Logger.getLogger(SecretCipher.class);
    private static final String ENCRYPTED = "v1:";
    private static final String PLAIN = "plain:";

    private final SecretKey key;

    public SecretCipher(NotifyConfig config) {
        Optional<String> configured = config.secretEncryptionKey().filter(value -> !value.isBlank());
        if (configured.isPresent()) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(configured.get().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("newsroom.notify.secret-encryption-key is not base64");
            }
            if (bytes.length != 32) {
                throw new IllegalStateException("newsroom.notify.secret-encryption-key must hold 32 bytes (AES-256)");
            }
            key = new SecretKeySpec(bytes, "AES");
        } else if (config.secretEncryptionKeyRequired()) {
            throw new IllegalStateException("newsroom.notify.secret-encryption-key (environment variable "
                    + "NEWSROOM_NOTIFY_SECRET_ENCRYPTION_KEY) is not set: notify-service does not start without the key "
                    + "that encrypts webhook secrets and unsubscribe tokens at rest. Set it to the base64 of 32 random "
                    + "bytes (openssl rand -base64 32), in Kubernetes through the Secret notify-secrets.");
        } else {
            LOG.warn("newsroom.notify.secret-encryption-key is not set: webhook signing secrets and unsubscribe tokens are "
                    + "stored unencrypted (allowed because newsroom.notify.secret-encryption-key-required=false)");
            key = null;
        }
    }

    /** Whether a key is configured (values are sealed as {@code v1:}, not {@code plain:}). */
    public boolean hasKey() {
        return key != null;
    }

    /** Whether a stored value is unencrypted ({@code plain:}) and should be sealed again once a key exists. */
    public static boolean isPlain(String stored) {
        return stored != null && stored.startsWith(PLAIN);
    }

    public String seal(String secret) {
        if (key == null) {
            return PLAIN + secret;
        }
        try {
            byte[] iv = Tokens.randomBytes(12);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ENCRYPTED + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret", e);
        }
    }

    public String open(String stored) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (!stored.startsWith(ENCRYPTED) || key == null) {
            throw new IllegalStateException("a stored secret cannot be decrypted with the configured key");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(ENCRYPTED.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored secret cannot be decrypted with the configured key");
        }
    }
}
