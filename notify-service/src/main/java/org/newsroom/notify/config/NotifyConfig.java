package org.newsroom.notify.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** General notify-service settings: its public address (for links in mails) and secret storage. */
@ConfigMapping(prefix = "newsroom.notify")
public interface NotifyConfig {

    /** Public base URL of notify-service itself, used in confirmation and unsubscribe links. */
    @WithDefault("http://127.0.0.1:8083")
    String publicUrl();

    /**
     * Base64 of a 256-bit AES key that encrypts webhook signing secrets and unsubscribe tokens at rest. Required unless
     * {@code secret-encryption-key-required} is false (the dev profile only): then they are stored unencrypted.
     */
    Optional<String> secretEncryptionKey();

    /**
     * Whether notify-service refuses to start without {@code secret-encryption-key}: true in production (nothing is
     * ever stored in clear there); only the dev profile sets it to false.
     */
    @WithDefault("true")
    boolean secretEncryptionKeyRequired();

    /** Optional mailbox for {@code List-Unsubscribe: <mailto:...>} in addition to the one-click URL. */
    Optional<String> unsubscribeMailto();

    /**
     * Attempts of an issue's fan-out that fails for an unclassified reason (the database being unavailable is retried
     * until it returns, a refusal for good not at all) before the event is sent to {@code newsroom.issues.dlq} with
     * the reason.
     */
    @WithDefault("5")
    int fanOutMaxAttempts();

    /** Masthead used in mails when an event carries none. */
    @WithDefault("徐汇报")
    String defaultMasthead();
}
