package org.newsroom.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.newsroom.common.problem.Problem;
import org.newsroom.contracts.EventJson;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;

/**
 * Refuses a declared body larger than {@code newsroom.http.max-body-bytes} with a 413 problem+json before any of it is
 * read. (Bodies sent without a length are capped by {@code quarkus.http.limits.max-body-size} set to the same value.)
 */
@ApplicationScoped
public class BodyLimitFilter {

    private static final int PRIORITY = 1000;

    @ConfigProperty(name = "newsroom.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    void register(@Observes Filters filters) {
        byte[] body = EventJson.write(Problem.of(413, "payload-too-large", "Payload too large",
                "The request body is larger than " + maxBodyBytes + " bytes"));
        filters.register(rc -> {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isTooLarge(length)) {
                rc.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(io.vertx.core.buffer.Buffer.buffer(body));
                return;
            }
            rc.next();
        }, PRIORITY);
    }

    private boolean isTooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
