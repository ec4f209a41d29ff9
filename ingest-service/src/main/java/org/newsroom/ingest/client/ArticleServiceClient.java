package org.newsroom.ingest.client;

import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * article-service as ingest sees it: only the current state of an article, asked for before a new revision is
 * accepted (ingest keeps no state of its own). URL and timeouts: {@code quarkus.rest-client.article-service.*}.
 */
@RegisterRestClient(configKey = "article-service")
@Path("/api/v1/articles")
public interface ArticleServiceClient {

    /**
     * The article, asked for with the caller's own token so that article-service applies its own access rules.
     * Asynchronous so that the caller can bound the whole exchange: the client's read timeout does not cover a body
     * that stalls after the headers.
     */
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    CompletionStage<RestResponse<ArticleState>> get(@PathParam("id") String id,
            @HeaderParam("Authorization") String authorization);
}
