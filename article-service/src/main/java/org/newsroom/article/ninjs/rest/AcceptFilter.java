package org.newsroom.article.ninjs.rest;

import java.util.List;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;
import org.newsroom.article.ninjs.mapping.NinjsMapper;
import org.newsroom.article.rest.ArticleResource;
import org.newsroom.common.problem.Problem;
import org.newsroom.common.problem.ProblemException;

/**
 * Content negotiation of {@code GET /api/v1/articles/{id}}: the JSON Article or its ninjs form, and 406 problem+json
 * for any other {@code Accept} type (the framework would otherwise fall back to JSON).
 */
public class AcceptFilter {

    /** What the article endpoint can produce. */
    static final List<MediaType> PRODUCIBLE = List.of(MediaType.APPLICATION_JSON_TYPE,
            MediaType.valueOf(NinjsMapper.MEDIA_TYPE));

    @ServerRequestFilter
    public void check(ContainerRequestContext request, SimpleResourceInfo resource) {
        if (!HttpMethod.GET.equals(request.getMethod()) || resource == null || !isArticleGet(resource)) {
            return;
        }
        String accept = request.getHeaderString("Accept");
        if (accept == null || accept.isBlank()) {
            return;
        }
        if (!acceptable(request.getAcceptableMediaTypes())) {
            throw new ProblemException(Problem.of(406, "not-acceptable", "Not Acceptable",
                    "This resource is available as application/json or " + NinjsMapper.MEDIA_TYPE));
        }
    }

    private static boolean isArticleGet(SimpleResourceInfo resource) {
        Class<?> type = resource.getResourceClass();
        return "get".equals(resource.getMethodName())
                && (type == NinjsResource.class || type == ArticleResource.class);
    }

    static boolean acceptable(List<MediaType> accepted) {
        for (MediaType wanted : accepted) {
            String q = wanted.getParameters().get("q");
            if (q != null && isZero(q)) {
                continue;
            }
            for (MediaType producible : PRODUCIBLE) {
                if (wanted.isCompatible(producible)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isZero(String q) {
        try {
            return Double.parseDouble(q) == 0d;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
