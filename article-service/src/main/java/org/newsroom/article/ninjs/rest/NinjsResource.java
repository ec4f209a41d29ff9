package org.newsroom.article.ninjs.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsroom.article.ninjs.mapping.NinjsMapper;
import org.newsroom.article.ninjs.service.NinjsService;
import org.newsroom.article.rest.Params;
import org.newsroom.article.rest.Representations;
import org.newsroom.article.service.Viewer;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@code GET /api/v1/articles/{id}} with {@code Accept: application/ninjs+json}: the article as IPTC ninjs 3.1. The
 * JSON representation of the same URL stays in {@code ArticleResource}; content negotiation picks between them, and
 * any other Accept type gets 406.
 */
@Path("/api/v1/articles")
@Tag(name = "Articles")
public class NinjsResource {

    /** The ninjs media type with its charset, as sent. */
    public static final String NINJS_UTF8 = NinjsMapper.MEDIA_TYPE + ";charset=UTF-8";

    @Inject
    NinjsService ninjs;

    @Inject
    Representations representations;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{id}")
    @PermitAll
    @Produces(NinjsMapper.MEDIA_TYPE)
    @Operation(summary = "One article as IPTC ninjs 3.1", description = "Same visibility as the JSON representation "
            + "(404 / 403 / 410). Valid against ninjs-schema_3.1.json.")
    public Response get(@PathParam("id") String id, @Context HttpHeaders headers) {
        Viewer viewer = Viewer.of(identity);
        Response response = representations.ok(ninjs.ninjs(Params.uuid("id", id), viewer), viewer, headers);
        if (response.getStatus() != Response.Status.OK.getStatusCode()) {
            return response;
        }
        return Response.fromResponse(response).type(NINJS_UTF8).build();
    }
}
