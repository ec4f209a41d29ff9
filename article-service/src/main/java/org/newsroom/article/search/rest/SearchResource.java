package org.newsroom.article.search.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.newsroom.article.rest.Params;
import org.newsroom.article.search.service.SearchService;
import org.newsroom.article.service.Viewer;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.security.identity.SecurityIdentity;

/** {@code GET /api/v1/search}: full-text search over articles in Chinese and mixed Chinese/Latin/digits. */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    /** The response body: hits best first, and the cursor of the next page (absent on the last). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SearchResponse(List<SearchService.Hit> hits, String next) {
    }

    @Inject
    SearchService search;

    @Inject
    SecurityIdentity identity;

    @GET
    @PermitAll
    @Operation(summary = "Full-text search", description = "Readers find published, public articles past their "
            + "embargo; staff tokens see more (reporters their own articles, editors everything). Snippets mark "
            + "matches with <mark>…</mark> and are otherwise HTML-escaped.")
    public Response search(
            @Parameter(description = "Query, 1..200 characters; whitespace-separated terms must all match")
            @QueryParam("q") String q,
            @Parameter(description = "Only articles of this section") @QueryParam("section") String section,
            @Parameter(description = "Hits per page, 1..100 (default 20)") @QueryParam("limit") String limit,
            @Parameter(description = "Opaque cursor from a previous page's next") @QueryParam("cursor") String cursor) {
        SearchService.Page page = search.search(q, section, Params.limit(limit), cursor, Viewer.of(identity));
        Response.ResponseBuilder response = Response.ok(new SearchResponse(page.hits(), page.next()));
        if (page.next() != null) {
            StringBuilder link = new StringBuilder("/api/v1/search?q=").append(encode(q.strip()));
            if (section != null && !section.isEmpty()) {
                link.append("&section=").append(encode(section));
            }
            if (limit != null && !limit.isEmpty()) {
                link.append("&limit=").append(encode(limit));
            }
            link.append("&cursor=").append(encode(page.next()));
            response.header("Link", "<" + link + ">; rel=\"next\"");
        }
        return response.build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
