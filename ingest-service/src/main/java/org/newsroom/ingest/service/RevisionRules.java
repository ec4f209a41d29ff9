package org.newsroom.ingest.service;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.newsroom.common.problem.Problem;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.ingest.client.ArticleServiceClient;
import org.newsroom.ingest.client.ArticleState;
import org.newsroom.ingest.config.IngestConfig;

/**
 * Decides whether a new revision may be submitted, asking article-service for the article's current state (ingest is
 * stateless): unknown 404, someone else's story 403 (editors and admins may revise any), already published 409,
 * article-service unreachable 503.
 */
@ApplicationScoped
public class RevisionRules {

    private static final Logger LOG = Logger.getLogger(RevisionRules.class);
    /** Statuses after which a story can no longer be revised through ingest (corrections go through editors). */
    private static final Set<String> FINAL = Set.of("published", "corrected", "retracted");

    private final ArticleServiceClient articles;
    private final int retryAfterSeconds;
    private final Duration timeout;

    @Inject
    public RevisionRules(@RestClient ArticleServiceClient articles, IngestConfig config) {
        this.articles = articles;
        this.retryAfterSeconds = config.articleService().retryAfterSeconds();
        this.timeout = config.articleService().timeout();
    }

    /** @return the revision number the new revision gets (current + 1) */
    public int nextRevision(UUID id, String caller, boolean staff, String authorization) {
        ArticleState state;
        CompletableFuture<RestResponse<ArticleState>> answer = null;
        try {
            answer = articles.get(id.toString(), authorization).toCompletableFuture();
            state = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS).getEntity();
        } catch (ExecutionException e) {
            throw failure(id, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            answer.cancel(true);
            LOG.warnf("article-service did not answer within %d ms for article %s", timeout.toMillis(), id);
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (RuntimeException e) {
            throw failure(id, e);
        }
        if (state == null || state.revision() == null || state.status() == null) {
            LOG.warnf("article-service answered without revision or status for article %s", id);
            throw unavailable();
        }
        if (!staff && !caller.equals(state.submittedBy())) {
            throw ProblemException.forbidden("Only the author or an editor may revise this story");
        }
        if (FINAL.contains(state.status())) {
            throw ProblemException.conflict("The story is " + state.status()
                    + "; a published story is changed by an editor's correction, not a new submission");
        }
        return state.revision() + 1;
    }

    private ProblemException failure(UUID id, Throwable cause) {
        if (cause instanceof WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            switch (status) {
                case 404 -> {
                    return ProblemException.notFound("No article " + id);
                }
                case 403 -> {
                    return ProblemException.forbidden("Only the author or an editor may revise this story");
                }
                case 410 -> {
                    return ProblemException.conflict("The story was retracted and can no longer be revised");
                }
                case 401 -> {
                    return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                            "article-service did not accept the bearer token"));
                }
                default -> {
                    LOG.warnf("article-service answered %d for article %s", status, id);
                    return unavailable();
                }
            }
        }
        LOG.warnf("article-service could not be asked about article %s: %s", id, cause.getClass().getSimpleName());
        return unavailable();
    }

    private ProblemException unavailable() {
        return ProblemException.unavailable("article-service cannot be reached to check the story; try again later",
                retryAfterSeconds);
    }
}
