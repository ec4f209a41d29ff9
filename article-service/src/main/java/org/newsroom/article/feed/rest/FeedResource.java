package org.newsroom.article.feed.rest;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsroom.article.feed.config.FeedConfig;
import org.newsroom.article.feed.mapping.FeedModel;
import org.newsroom.article.feed.mapping.FeedWriter;
import org.newsroom.article.feed.service.FeedService;
import org.newsroom.article.rest.Representations;
import org.newsroom.common.http.EntityTags;
import org.newsroom.common.problem.ProblemException;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Public feeds: published issues as Atom, RSS 2.0 and JSON Feed 1.1, and each section's articles as Atom. Cacheable
 * ({@code ETag}/304, {@code Cache-Control: public}); tokens make no difference, feeds only ever show what readers may read.
 */
@Path("/feeds")
@Tag(name = "Feeds")
public class FeedResource {

    @Inject
    FeedService feeds;

    @Inject
    FeedConfig config;

    @Inject
    MeterRegistry registry;

    @GET
    @Path("/issues.atom")
    @PermitAll
    @Operation(summary = "Published issues (Atom 1.0), newest first")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FeedWriter.ATOM))
    public Response issuesAtom(@Context HttpHeaders headers) {
        return serve("issues", "atom", FeedWriter.ATOM, feeds::issues, FeedWriter::atom, headers);
    }

    @GET
    @Path("/issues.rss")
    @PermitAll
    @Operation(summary = "Published issues (RSS 2.0), newest first")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FeedWriter.RSS))
    public Response issuesRss(@Context HttpHeaders headers) {
        return serve("issues", "rss", FeedWriter.RSS, feeds::issues, FeedWriter::rss, headers);
    }

    @GET
    @Path("/issues.json")
    @PermitAll
    @Operation(summary = "Published issues (JSON Feed 1.1), newest first")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FeedWriter.JSON_FEED))
    public Response issuesJson(@Context HttpHeaders headers) {
        return serve("issues", "json", FeedWriter.JSON_FEED, feeds::issues, FeedWriter::jsonFeed, headers);
    }

    @GET
    @Path("/sections/{section}.atom")
    @PermitAll
    @Operation(summary = "A section's published public articles (Atom 1.0), newest first",
            description = "The section name is a URL-encoded path segment (e.g. %E8%A6%81%E9%97%BB for 要闻). A section "
                    + "without readable articles gives an empty feed.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = FeedWriter.ATOM))
    public Response sectionAtom(@Encoded @PathParam("section") String rawSection, @Context HttpHeaders headers) {
        String name = checkSection(decode(rawSection));
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return serve("section", "atom", FeedWriter.ATOM, () -> feeds.section(name, encoded), FeedWriter::atom, headers);
    }

    /** Percent-decodes a path segment as strict UTF-8: 400 for a malformed escape or bytes that are not UTF-8. */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw ProblemException.badRequest("section: malformed percent-encoding");
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < raw.length()) {
                    utf8 = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("section: not valid UTF-8");
        }
    }

    /** 1..50 characters (as a Submission's section), no slashes, dot-segments or control characters: else 422. */
    static String checkSection(String section) {
        if (section == null || section.isBlank() || section.codePointCount(0, section.length()) > 50
                || section.equals(".") || section.equals("..") || section.indexOf('/') >= 0
                || section.indexOf('\\') >= 0 || section.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.unprocessable("section", "must be a section name of 1..50 characters");
        }
        return section;
    }

    private Response serve(String feed, String format, String mediaType, Supplier<FeedModel.Feed> model,
            Function<FeedModel.Feed, byte[]> writer, HttpHeaders headers) {
        byte[] body = writer.apply(model.get());
        String etag = Representations.etag(body);
        String cacheControl = "public, max-age=" + config.cacheMaxAge().toSeconds();
        boolean notModified = EntityTags.matchesNoneMatch(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag);
        registry.counter("newsroom.article.feed.requests", "feed", feed, "format", format,
                "outcome", notModified ? "not-modified" : "ok").increment();
        if (notModified) {
            return Response.notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        return Response.ok(body).type(mediaType + ";charset=UTF-8")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .build();
    }
}
