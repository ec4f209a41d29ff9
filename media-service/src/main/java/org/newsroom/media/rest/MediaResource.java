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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newsroom.common.problem.Problem;
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
    @Operation(summary = "Upload a photo",
            description = "The body is the image itself. Answers 201 only after the object store acknowledged the "
                    + "original; caption, credit, byline, copyright and takenAt are read from its IPTC/XMP/EXIF.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER,
            description = "1-255 printable ASCII; the same uploader, key and bytes get the same photo")
    @APIResponse(responseCode = "201", description = "Stored; renditions follow asynchronously",
            headers = @Header(name = "Location", description = "The photo"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PhotoView.class)))
    @APIResponse(responseCode = "400", description = "Empty or interrupted body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Larger than newsroom.media.max-upload-bytes (25 MiB)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Not JPEG, PNG or WebP by its bytes (SVG, HTML, a renamed file)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Too many pixels (decompression bomb), truncated or corrupt, "
            + "or an Idempotency-Key reused with other bytes", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Object store unavailable, nothing stored (Retry-After)", content = @Content(mediaType = Problem.MEDIA_TYPE))
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
    @Operation(summary = "A photo with its renditions", description = "Staff always; readers once an article "
            + "carrying the photo is published (404 before).")
    @APIResponse(responseCode = "200", description = "The photo",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PhotoView.class)))
    @APIResponse(responseCode = "404", description = "Unknown, or not public for this reader", content = @Content(mediaType = Problem.MEDIA_TYPE))
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
    @Operation(summary = "Edit caption, credit or byline", description = "JSON merge patch; the uploader or an editor.")
    @APIResponse(responseCode = "200", description = "The edited photo",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PhotoView.class)))
    @APIResponse(responseCode = "403", description = "Neither the uploader nor an editor", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown photo", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "A field too long", content = @Content(mediaType = Problem.MEDIA_TYPE))
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
    @Operation(summary = "The original as uploaded (staff only)", description = "With all its metadata, GPS "
            + "included; Cache-Control: private, no-store.")
    @APIResponse(responseCode = "200", description = "The original bytes")
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown photo", content = @Content(mediaType = Problem.MEDIA_TYPE))
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
