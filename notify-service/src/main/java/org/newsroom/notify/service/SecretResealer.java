package org.newsroom.notify.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.newsroom.notify.domain.Subscription;
import org.newsroom.notify.repository.SubscriptionRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Seals, at start and once a key is configured, every secret and unsubscribe token still stored as {@code plain:}
 * (rows from before the key, or migrated by Flyway V11 from the clear {@code unsubscribe_token} column).
 */
@ApplicationScoped
public class SecretResealer {

    private static final Logger LOG = Logger.getLogger(SecretResealer.class);
    private static final int BATCH = 500;

    private final SecretCipher cipher;
    private final SubscriptionRepository subscriptions;

    public SecretResealer(SecretCipher cipher, SubscriptionRepository subscriptions) {
        this.cipher = cipher;
        this.subscriptions = subscriptions;
    }

    void onStart(@Observes StartupEvent event) {
        int sealed = resealAll();
        if (sealed > 0) {
            LOG.infof("%d subscriptions had secrets or unsubscribe tokens stored unencrypted: now sealed", sealed);
        }
    }

    /** Seals every {@code plain:} value; returns how many subscriptions changed (0 without a key). */
    public int resealAll() {
        if (!cipher.hasKey()) {
            return 0;
        }
        int total = 0;
        while (true) {
            int changed = QuarkusTransaction.requiringNew().call(() -> {
                List<Subscription> batch = subscriptions.withPlainSecrets(BATCH);
                for (Subscription subscription : batch) {
                    if (SecretCipher.isPlain(subscription.secret)) {
                        subscription.secret = cipher.seal(cipher.open(subscription.secret));
                    }
                    if (SecretCipher.isPlain(subscription.unsubscribeTokenSealed)) {
                        subscription.unsubscribeTokenSealed = cipher.seal(cipher.open(subscription.unsubscribeTokenSealed));
                    }
                }
                return batch.size();
            });
            total += changed;
            if (changed < BATCH) {
                return total;
            }
        }
    }
}
