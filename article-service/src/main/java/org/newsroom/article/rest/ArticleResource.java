package org.newsroom.article.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsroom.article.config.ReaderConfig;
import org.newsroom.article.domain.ArticleStatus;
import org.newsroom.article.mapping.ArticleMapper;
import org.newsroom.article.mapping.KeysetCursor;
import org.newsroom.article.model.ArticleView;
import org.newsroom.article.service.ArticleQuery;
import org.newsroom.article.service.ArticleReadModel;
import org.newsroom.article.service.Page;
import org.newsroom.article.service.Viewer;
import org.newsroom.common.problem.ProblemException;

import io.quarkus.security.identity.SecurityIdentity;

/** Reader and staff access to articles: one article, and the filtered, paginated list. */
@Path("/api/v1/articles")
@Tag(name = "Articles")
public class ArticleResource {

    @Inject
    ArticleReadModel readModel;

    @Inject
    Representations representations;

    @Inject
    ArticleMapper mapper;

    @Inject
    ReaderConfig config;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{id}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One article", description = "Readers: published or corrected public articles past their "
            + "embargo (404 otherwise, 410 when retracted). Reporters: their own in any status. Editors: all.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleView.class)))
    public Response get(@PathParam("id") String id, @Context HttpHeaders headers) {
        Viewer viewer = Viewer.of(identity);
        UUID articleId = Params.uuid("id", id);
        return representations.ok(readModel.view(articleId, viewer), viewer, headers);
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Articles, newest first",
            description = "Keyset pagination: limit (1..100, default 20) and the opaque cursor from \"next\". "
                    + "from/to: RFC 3339 date-times or dates, matched against the publication time (submission time "
                    + "before publication).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleList.class)))
    public Response list(@QueryParam("status") String status, @QueryParam("section") String section,
            @QueryParam("byline") String byline, @QueryParam("issue") String issue,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        Viewer viewer = Viewer.of(identity);
        ArticleStatus wanted = null;
        if (!Params.blank(status)) {
            wanted = ArticleStatus.fromWire(status).orElseThrow(() -> ProblemException.unprocessable("status",
                    "unknown value; one of submitted, approved, rejected, published, corrected, retracted"));
        }
        ArticleQuery query = new ArticleQuery(wanted,
                Params.text("section", section, 50),
                Params.text("byline", byline, 100),
                Params.optionalUuid("issue", issue),
                Params.from(from, config.zone()),
                Params.toExclusive(to, config.zone()),
                Params.limit(limit),
                Params.blank(cursor) ? null : KeysetCursor.decode(cursor));
        if (query.from() != null && query.toExclusive() != null && !query.from().isBefore(query.toExclusive())) {
            throw ProblemException.unprocessable("from", "must be before to");
        }
        Page<ArticleView> page = readModel.list(query, viewer);
        Response.ResponseBuilder response = representations.respond(Response.Status.OK,
                new ArticleList(page.items(), page.next()), viewer, headers);
        if (page.next() != null) {
            response.header("Link", "<" + nextLink(uriInfo, page.next()) + ">; rel=\"next\"");
        }
        return response.build();
    }

    /** The URL of the next page: this request's URL on the public base URL, with the new cursor. */
    String nextLink(UriInfo uriInfo, String next) {
        URI uri = uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", next).build();
        return mapper.baseUrl() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
