package org.newsroom.article.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.newsroom.article.config.ReaderConfig;
import org.newsroom.article.service.Viewer;
import org.newsroom.common.http.EntityTags;
import org.newsroom.common.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Serialises response bodies once, so that their strong {@code ETag} is the hash of exactly the bytes sent, and
 * applies conditional requests ({@code If-None-Match} → 304, {@code If-Match} → 412) and {@code Cache-Control}
 * (public and short for readers, {@code private, no-store} for staff).
 */
@ApplicationScoped
public class Representations {

    public static final String JSON_UTF8 = MediaType.APPLICATION_JSON + ";charset=UTF-8";

    @Inject
    ObjectMapper mapper;

    @Inject
    ReaderConfig config;

    public byte[] bytes(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }

    /** Strong entity tag of a representation: the first 128 bits of its SHA-256. */
    public static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String etagOf(Object body) {
        return etag(bytes(body));
    }

    /** 200 with the body, or 304 when {@code If-None-Match} names its tag; caching headers for the viewer. */
    public Response ok(Object body, Viewer viewer, HttpHeaders headers) {
        return respond(Response.Status.OK, body, viewer, headers).build();
    }

    /** Like {@link #ok} with another success status (201, 202), without the 304 shortcut. */
    public Response.ResponseBuilder respond(Response.Status status, Object body, Viewer viewer, HttpHeaders headers) {
        byte[] bytes = bytes(body);
        String etag = etag(bytes);
        String cacheControl = cacheControl(viewer);
        if (status == Response.Status.OK && headers != null
                && EntityTags.matchesNoneMatch(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl).header(HttpHeaders.VARY, "Authorization, Accept");
        }
        return Response.status(status).entity(bytes).type(JSON_UTF8)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, "Authorization, Accept");
    }

    public String cacheControl(Viewer viewer) {
        return viewer.anonymous() ? "public, max-age=" + config.cacheMaxAge().toSeconds()
                : "private, no-store";
    }

    /**
     * Checks an {@code If-Match} header against the current tag (strong comparison).
     *
     * @throws ProblemException 400 when the header is not a list of entity tags, 412 when none matches
     */
    public static void checkIfMatch(String ifMatch, String currentEtag) {
        if (ifMatch == null) {
            return;
        }
        List<String> tags = EntityTags.parse(ifMatch, "If-Match");
        if (tags.contains("*")) {
            return;
        }
        for (String tag : tags) {
            if (!tag.startsWith("W/") && tag.equals(currentEtag)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed(
                "The resource has changed since you read it (its ETag is now " + currentEtag + "); read it again");
    }
}
