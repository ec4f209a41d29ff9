package org.newsroom.notify.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Production-like abuse limits for the tests that exercise them: 50 subscription requests per client, 60 per target,
 * the client address taken from a trusted {@code X-Forwarded-For} (so that each test is a client of its own), and a
 * verification timeout long enough that a tarpit holds its worker for the whole test.
 */
public class AbuseProfile implements QuarkusTestProfile {

    public static final int PER_CLIENT = 50;
    public static final int PER_TARGET = 60;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "newsroom.notify.abuse.per-client-capacity", Integer.toString(PER_CLIENT),
                "newsroom.notify.abuse.per-target-capacity", Integer.toString(PER_TARGET),
                "newsroom.notify.abuse.client-address-header", "X-Forwarded-For",
                "newsroom.webhooks.verify-workers", "4",
                "newsroom.webhooks.verify-per-host", "2",
                "newsroom.webhooks.verify-timeout", "60s",
                "newsroom.webhooks.read-timeout", "60s");
    }
}
