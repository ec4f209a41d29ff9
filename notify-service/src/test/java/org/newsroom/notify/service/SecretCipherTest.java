package org.newsroom.notify.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.newsroom.notify.config.NotifyConfig;

/** The encryption key at rest: required unless explicitly not (dev), and what it seals opens again. */
class SecretCipherTest {

    /** The two keys the cipher reads; any other key of the mapping is not expected here. */
    private static NotifyConfig config(Optional<String> key, boolean required) {
        return (NotifyConfig) java.lang.reflect.Proxy.newProxyInstance(NotifyConfig.class.getClassLoader(),
                new Class<?>[] { NotifyConfig.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "secretEncryptionKey" -> key;
                    case "secretEncryptionKeyRequired" -> required;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void withoutAKeyTheServiceRefusesToStartWithAClearMessage() {
        assertThatThrownBy(() -> new SecretCipher(config(Optional.empty(), true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NEWSROOM_NOTIFY_SECRET_ENCRYPTION_KEY").hasMessageContaining("does not start");
        assertThatThrownBy(() -> new SecretCipher(config(Optional.of("  "), true)))
                .hasMessageContaining("NEWSROOM_NOTIFY_SECRET_ENCRYPTION_KEY");
    }

    @Test
    void onlyWhereTheKeyIsNotRequiredAreValuesStoredPlainAndAKeySealsThemLater() {
        SecretCipher dev = new SecretCipher(config(Optional.empty(), false));
        String plain = dev.seal("whsec_abc");
        assertThat(SecretCipher.isPlain(plain)).isTrue();
        SecretCipher keyed = new SecretCipher(config(Optional.of("bmV3c3Jvb20tdGVzdC1vbmx5LWtleS0zMi1ieXRlcyE="), true));
        String sealed = keyed.seal(keyed.open(plain));
        assertThat(sealed).startsWith("v1:").doesNotContain("whsec_abc");
        assertThat(keyed.open(sealed)).isEqualTo("whsec_abc");
    }
}
