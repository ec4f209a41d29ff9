package org.newsroom.notify.service;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.newsroom.notify.config.WebhookConfig;

/** Builds the one {@link EndpointGuard} of the service from the allow-list and the (replaceable) resolver. */
public class GuardProducer {

    @Produces
    @Singleton
    EndpointGuard guard(WebhookConfig config, HostResolver resolver) {
        return new EndpointGuard(config.allowedHosts().orElse(List.of()), config.nat64Prefixes().orElse(List.of()),
                config.allowHttp(), resolver);
    }
}
