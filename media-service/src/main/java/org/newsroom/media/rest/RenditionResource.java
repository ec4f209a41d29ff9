package org.newsroom.media.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.newsroom.common.http.EntityTags;
import org.newsroom.common.problem.Problem;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.common.security.Roles;
import org.newsroom.media.service.PhotoService;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

/**
 * Public renditions, addressed by the sha-256 of their bytes: immutable, so cached for a year. A rendition no public
 * photo uses is 404 for readers (staff see it, privately cached).
 */
@Path("/api/v1/media/renditions")
@Blocking
public class RenditionResource {

    private static final java.util.regex.Pattern FILE = java.util.regex.Pattern.compile("([0-9a-f]{64})\\.jpg");

    @Inject
    PhotoService photos;
    @Inject
    SecurityIdentity identity;

    @Operation(summary = "A public rendition, addressed by the SHA-256 of its bytes",
            description = "Immutable: Cache-Control public, max-age=31536000, immutable and an ETag once its photo is "
                    + "public (304 on If-None-Match); 404 for readers before. No GPS or other private metadata.")
    @APIResponse(responseCode = "200", description = "The JPEG", content = @Content(mediaType = "image/jpeg"))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "Unknown, or not public for this reader",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @GET
    @Path("/{file}")
    @PermitAll
    public Response rendition(@PathParam("file") String file, @HeaderParam("If-None-Match") String ifNoneMatch) {
        var matcher = FILE.matcher(file);
        if (!matcher.matches()) {
            throw ProblemException.notFound("No rendition " + file);
        }
        String sha = matcher.group(1);
        boolean staff = !identity.isAnonymous() && (identity.hasRole(Roles.REPORTER)
                || identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.ADMIN));
        boolean isPublic = photos.isPublicRendition(sha);
        if (!isPublic && !staff) {
            throw ProblemException.notFound("No rendition " + file);
        }
        String etag = "\"" + sha + "\"";
        String cacheControl = isPublic ? "public, max-age=31536000, immutable" : "private, no-store";
        if (EntityTags.matchesNoneMatch(ifNoneMatch, etag)) {
            return Response.notModified().tag(sha).header("Cache-Control", cacheControl).build();
        }
        byte[] bytes = photos.rendition(sha, staff).orElseThrow(() -> ProblemException.notFound("No rendition " + file));
        return Response.ok(bytes, "image/jpeg").header("ETag", etag).header("Cache-Control", cacheControl).build();
    }
}
