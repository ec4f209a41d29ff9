package org.newsroom.article.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.newsroom.article.domain.IssueStatus;
import org.newsroom.article.mapping.ArticleMapper;
import org.newsroom.article.mapping.KeysetCursor;
import org.newsroom.article.model.IssueRequest;
import org.newsroom.article.model.IssueView;
import org.newsroom.article.service.IssueService;
import org.newsroom.article.service.Page;
import org.newsroom.article.service.Viewer;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.common.security.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

/** Issues (editions): assembling drafts, publishing (now or scheduled), and reading published issues. */
@Path("/api/v1/issues")
@Tag(name = "Issues")
public class IssueResource {

    @Inject
    IssueService issues;

    @Inject
    Representations representations;

    @Inject
    ArticleMapper mapper;

    @Inject
    ObjectMapper json;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft issue", description = "number is unique per masthead (409).")
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IssueView.class)))
    public Response create(@Valid @NotNull IssueRequest request) {
        Viewer viewer = Viewer.of(identity);
        IssueView issue = issues.create(request, viewer);
        return representations.respond(Response.Status.CREATED, issue, viewer, null)
                .location(URI.create(mapper.issueUrl(issue.id()))).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a draft issue", description = "409 when the issue is scheduled or published.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IssueView.class)))
    public Response replace(@PathParam("id") String id, @Valid @NotNull IssueRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Viewer viewer = Viewer.of(identity);
        IssueView issue = issues.replace(Params.uuid("id", id), request, viewer,
                current -> Representations.checkIfMatch(ifMatch, representations.etagOf(current)));
        return representations.ok(issue, viewer, null);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish an issue now, or schedule it",
            description = "Optional body {\"publishAt\": \"<RFC 3339>\"}: in the future → 202 scheduled. Refuses with "
                    + "409 listing every reason (errors[]): unapproved or missing article, empty page, teaser to a "
                    + "page the issue lacks. Publishing a published issue again → 200, nothing emitted.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IssueView.class)))
    @APIResponse(responseCode = "202", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IssueView.class)))
    public Response publish(@PathParam("id") String id, byte[] body, @Context HttpHeaders headers)
            throws java.io.IOException {
        Viewer viewer = Viewer.of(identity);
        UUID issueId = Params.uuid("id", id);
        PublishRequest request = null;
        if (body != null && body.length > 0 && !new String(body, StandardCharsets.UTF_8).isBlank()) {
            MediaType type = headers.getMediaType();
            if (type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                throw new ProblemException(org.newsroom.common.problem.Problem.of(415, "unsupported-media-type",
                        "Unsupported Media Type", "Send the optional body as application/json"));
            }
            request = json.readValue(body, PublishRequest.class);
        }
        IssueService.PublishOutcome outcome = issues.publish(issueId, request == null ? null : request.publishAt(),
                viewer);
        return representations.respond(outcome.scheduled() ? Response.Status.ACCEPTED : Response.Status.OK,
                outcome.issue(), viewer, null).build();
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Published issues, newest first",
            description = "Keyset pagination (limit, cursor). Editors may ask for status=draft|scheduled.")
    public Response list(@QueryParam("status") String status, @QueryParam("masthead") String masthead,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor, @Context UriInfo uriInfo,
            @Context HttpHeaders headers) {
        Viewer viewer = Viewer.of(identity);
        IssueStatus wanted = null;
        if (!Params.blank(status)) {
            wanted = IssueStatus.fromWire(status).orElseThrow(() -> ProblemException.unprocessable("status",
                    "unknown value; one of draft, scheduled, published"));
        }
        Page<IssueView> page = issues.list(wanted, Params.text("masthead", masthead, 100), Params.limit(limit),
                Params.blank(cursor) ? null : KeysetCursor.decode(cursor), viewer);
        Response.ResponseBuilder response = representations.respond(Response.Status.OK,
                new ItemList<>(page.items(), page.next()), viewer, headers);
        if (page.next() != null) {
            URI uri = uriInfo.getRequestUriBuilder().replaceQueryParam("cursor", page.next()).build();
            response.header("Link", "<" + mapper.baseUrl() + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + ">; rel=\"next\"");
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One issue", description = "Readers: published issues only (404 otherwise), and only the "
            + "articles they may read. Editors: drafts and scheduled issues too.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IssueView.class)))
    public Response get(@PathParam("id") String id, @Context HttpHeaders headers) {
        Viewer viewer = Viewer.of(identity);
        return representations.ok(issues.get(Params.uuid("id", id), viewer), viewer, headers);
    }

    @GET
    @Path("/by-number/{masthead}/{number}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One issue by masthead and number")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IssueView.class)))
    public Response byNumber(@PathParam("masthead") String masthead, @PathParam("number") String number,
            @Context HttpHeaders headers) {
        Viewer viewer = Viewer.of(identity);
        int value = Params.integer("number", number);
        if (masthead.length() > 100) {
            throw ProblemException.unprocessable("masthead", "longer than 100 characters");
        }
        return representations.ok(issues.byNumber(masthead, value, viewer), viewer, headers);
    }
}
