package org.newsroom.notify.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpMethod;

/**
 * Webhook intent verification: {@code GET endpoint?challenge=<random>} must answer 2xx with the challenge as body.
 * Proves that whoever runs the endpoint wants the alerts (nobody can point the service at someone else's URL).
 */
@ApplicationScoped
public class IntentVerifier {

    private static final Logger LOG = Logger.getLogger(IntentVerifier.class);

    private final EndpointGuard guard;
    private final WebhookClient client;

    public IntentVerifier(EndpointGuard guard, WebhookClient client) {
        this.guard = guard;
        this.client = client;
    }

    /** The result of one verification: passed, or why not. */
    public record Verification(boolean passed, String reason) {
    }

    public Verification verify(String endpoint) {
        return verify(endpoint, -1, -1);
    }

    /** One verification with its own connect and answer timeouts (milliseconds; negative: the client's defaults). */
    public Verification verify(String endpoint, long connectMillis, long readMillis) {
        String challenge = Tokens.random("", 24);
        EndpointGuard.Checked target;
        try {
            target = guard.check(endpoint);
        } catch (EndpointRejectedException e) {
            return new Verification(false, e.getMessage());
        }
        String pathAndQuery = target.pathAndQuery() + (target.pathAndQuery().contains("?") ? "&" : "?")
                + "challenge=" + challenge;
        EndpointGuard.Checked withChallenge = new EndpointGuard.Checked(target.uri(), target.host(), target.port(),
                target.https(), target.address(), pathAndQuery);
        try {
            WebhookClient.Answer answer = connectMillis < 0
                    ? client.send(withChallenge, HttpMethod.GET, Map.of("Accept", "text/plain"), null, 1024)
                    : client.send(withChallenge, HttpMethod.GET, Map.of("Accept", "text/plain"), null, 1024,
                            connectMillis, readMillis);
            if (!answer.is2xx()) {
                // nothing of what an arbitrary URL answered is repeated (no status, no body): no oracle for anyone
                return new Verification(false, "the endpoint did not answer the challenge as required");
            }
            if (!challenge.equals(answer.body().strip())) {
                return new Verification(false, "the endpoint did not answer the challenge as required");
            }
            return new Verification(true, null);
        } catch (Exception e) {
            LOG.debugf("intent verification of a webhook failed: %s", e.getMessage());
            return new Verification(false, "the endpoint could not be reached");
        }
    }
}
