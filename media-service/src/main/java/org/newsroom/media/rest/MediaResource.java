package org.newsroom.media.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.newsroom.common.problem.ProblemException;
import org.newsroom.common.security.Roles;
import org.newsroom.media.service.PhotoService;
import org.newsroom.media.service.UploadRequest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/** The photo desk: upload, read and edit photos; originals for staff only. */
@Path("/api/v1/media")
@Blocking
public class MediaResource {

    private static final java.util.regex.Pattern IDEMPOTENCY_KEY = java.util.regex.Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final java.util.regex.Pattern FILE_NAME =
            java.util.regex.Pattern.compile("filename\\*?=(?:UTF-8'')?\"?([^\";]*)\"?", java.util.regex.Pattern.CASE_INSENSITIVE);

    @Inject
    PhotoService photos;
    @Inject
    PhotoViews views;
    @Inject
    SecurityIdentity identity;

    /** Uploads a JPEG, PNG or WebP; 201 once the original is durably stored. */
    @POST
    @RolesAllowed({Roles.REPORTER, Roles.EDITOR, Roles.ADMIN})
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(InputStream body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Disposition") String disposition,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.unprocessable("Idempotency-Key", "must be 1 to 255 printable ASCII characters");
        }
        String fileName = null;
        if (disposition != null) {
            var matcher = FILE_NAME.matcher(disposition);
            if (matcher.find()) {
                fileName = matcher.group(1);
            }
        }
        var stored = photos.upload(new UploadRequest(body, contentType, fileName, identity.getPrincipal().getName(),
                idempotencyKey));
        return Response.created(URI.create("/api/v1/media/" + stored.photo().id))
                .entity(views.view(stored, true)).build();
    }

    /** A photo's metadata and renditions: staff always, readers once the photo is public. */
    @GET
    @Path("/{id}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public PhotoView get(@PathParam("id") UUID id) {
        boolean staff = isStaff();
        return photos.find(id)
                .filter(stored -> staff || stored.photo().publicSince != null)
                .map(stored -> views.view(stored, staff))
                .orElseThrow(() -> ProblemException.notFound("No photo " + id));
    }

    /** Edits caption, credit or byline: the uploader or an editor. */
    @PATCH
    @Path("/{id}")
    @RolesAllowed({Roles.REPORTER, Roles.EDITOR, Roles.ADMIN})
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Produces(MediaType.APPLICATION_JSON)
    public PhotoView edit(@PathParam("id") UUID id, @Valid @NotNull PhotoEdit edit) {
        boolean desk = identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.ADMIN);
        return photos.edit(id, identity.getPrincipal().getName(), desk, edit.caption(), edit.credit(), edit.byline())
                .map(stored -> views.view(stored, true))
                .orElseThrow(() -> ProblemException.notFound("No photo " + id));
    }

    /** The original as uploaded, metadata included: staff only, never cached by shared caches. */
    @GET
    @Path("/{id}/original")
    @RolesAllowed({Roles.REPORTER, Roles.EDITOR, Roles.ADMIN})
    public Response original(@PathParam("id") UUID id) {
        var stored = photos.find(id).orElseThrow(() -> ProblemException.notFound("No photo " + id));
        byte[] bytes = photos.original(stored.photo()).orElseThrow(() -> ProblemException.notFound("No photo " + id));
        return Response.ok(bytes, stored.photo().contentType)
                .header("Cache-Control", "private, no-store")
                .header("ETag", "\"" + stored.photo().sha256 + "\"")
                .build();
    }

    private boolean isStaff() {
        return !identity.isAnonymous() && (identity.hasRole(Roles.REPORTER) || identity.hasRole(Roles.EDITOR)
                || identity.hasRole(Roles.ADMIN));
    }
}
