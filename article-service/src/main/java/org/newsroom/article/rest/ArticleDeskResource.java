package org.newsroom.article.rest;

import java.io.IOException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsroom.article.model.ArticleView;
import org.newsroom.article.model.RevisionView;
import org.newsroom.article.model.TransitionRequest;
import org.newsroom.article.model.TransitionView;
import org.newsroom.article.service.EditorialService;
import org.newsroom.article.service.Page;
import org.newsroom.article.service.Viewer;
import org.newsroom.common.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** The editorial desk on articles: workflow transitions, merge-patch edits, revision and transition history. */
@Path("/api/v1/articles/{id}")
@Tag(name = "Editorial desk")
public class ArticleDeskResource {

    /** RFC 7396 media type. */
    public static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    EditorialService editorial;

    @Inject
    Representations representations;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/transitions")
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an article through the workflow",
            description = "approve|reject from submitted; correct|retract (note required) from published or corrected. "
                    + "409 for any other combination. If-Match is honoured (412).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleView.class)))
    public Response transition(@PathParam("id") String id, @Valid @NotNull TransitionRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Viewer viewer = Viewer.of(identity);
        ArticleView view = editorial.transition(Params.uuid("id", id), request, viewer,
                current -> Representations.checkIfMatch(ifMatch, representations.etagOf(current)));
        return representations.ok(view, viewer, null);
    }

    @PATCH
    @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit an article (JSON merge patch of Submission fields)",
            description = "Makes a new revision; the result must satisfy the Submission constraints (422). "
                    + "If-Match with the article's ETag → 412 when it changed meanwhile. 409 for a retracted article.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ArticleView.class)))
    public Response patch(@PathParam("id") String id, byte[] body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) throws IOException {
        Viewer viewer = Viewer.of(identity);
        UUID articleId = Params.uuid("id", id);
        ArticleView view = editorial.patch(articleId, body, viewer,
                current -> Representations.checkIfMatch(ifMatch, representations.etagOf(current)));
        return representations.ok(view, viewer, null);
    }

    @GET
    @Path("/revisions")
    @RolesAllowed({Roles.REPORTER, Roles.EDITOR, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every revision of an article, oldest first, with who and when",
            description = "Reporters: their own articles only (403 otherwise). Keyset pagination (limit, cursor).")
    public Response revisions(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        Viewer viewer = Viewer.of(identity);
        Page<RevisionView> page = editorial.revisions(Params.uuid("id", id), viewer, cursor, Params.limit(limit));
        return representations.ok(new ItemList<>(page.items(), page.next()), viewer, headers);
    }

    @GET
    @Path("/transitions")
    @RolesAllowed({Roles.REPORTER, Roles.EDITOR, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Workflow history of an article (approvals, rejections with their notes, publication...)")
    public Response transitions(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @Context HttpHeaders headers) {
        Viewer viewer = Viewer.of(identity);
        Page<TransitionView> page = editorial.transitions(Params.uuid("id", id), viewer, cursor, Params.limit(limit));
        return representations.ok(new ItemList<>(page.items(), page.next()), viewer, headers);
    }
}
