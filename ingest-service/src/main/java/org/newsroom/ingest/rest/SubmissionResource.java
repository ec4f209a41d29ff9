package org.newsroom.ingest.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsroom.common.problem.Problem;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.common.security.Roles;
import org.newsroom.contracts.article.Submission;
import org.newsroom.ingest.domain.SubmissionCommand;
import org.newsroom.ingest.domain.SubmissionReceipt;
import org.newsroom.ingest.service.SubmissionService;
import org.newsroom.ingest.service.WireFormats;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * The reporters' front door (API.md "ingest-service"): {@code POST /api/v1/submissions} for a new story and
 * {@code PUT /api/v1/submissions/{id}} for a new revision, each answered 202 only once Kafka has the story.
 */
@Path("/api/v1/submissions")
@Tag(name = "Submissions", description = "Reporters submit stories; each becomes a news.article.submitted event")
public class SubmissionResource {

    private static final String MARKDOWN_EXAMPLE = """
            ---
            headline: 全球人工智能领域专家学者聚在徐汇
            subheadline: 就 AI 发展趋势等进行探讨
            genre: news
            bylines:
              - name: 曹香玉
                role: reporter
            creditLine: 记者 曹香玉 施昱辰
            section: 要闻
            ---
            首届“浦江 AI学术年会”日前在徐汇举办。

            ## 讲政治， 做到对党忠诚、一心为公

            > “人工智能是引领未来的战略技术。”
            """;

    private final SubmissionService submissions;
    private final SecurityIdentity identity;
    private final String articleBaseUrl;
    private final long maxBodyBytes;

    @Context
    HttpServerRequest request;

    @Inject
    public SubmissionResource(SubmissionService submissions, SecurityIdentity identity,
            @ConfigProperty(name = "newsroom.public-base-url") String articleBaseUrl,
            @ConfigProperty(name = "newsroom.http.max-body-bytes", defaultValue = "1048576") long maxBodyBytes) {
        this.submissions = submissions;
        this.maxBodyBytes = maxBodyBytes;
        this.identity = identity;
        this.articleBaseUrl = articleBaseUrl.replaceAll("/+$", "");
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REPORTER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Submit a new story",
            description = "Answers 202 only after the broker acknowledged the news.article.submitted record.")
    @RequestBody(required = true, content = {
            @Content(mediaType = WireFormats.JSON, schema = @Schema(implementation = Submission.class)),
            @Content(mediaType = WireFormats.MARKDOWN, schema = @Schema(type = SchemaType.STRING,
                    description = "YAML front matter between '---' lines (the Submission's fields except body), then "
                            + "Markdown: '## ' lines are headings, '> ' lines quotes, other paragraphs (separated by "
                            + "blank lines) paragraphs"),
                    examples = @ExampleObject(name = "story", value = MARKDOWN_EXAMPLE)),
            @Content(mediaType = WireFormats.NINJS, schema = @Schema(type = SchemaType.OBJECT,
                    description = "An IPTC ninjs 3.x text item; kept as 'original' in the event"))})
    @Parameter(name = SubmissionService.IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = false,
            description = "1-255 printable ASCII characters; a retry with the same key gets the first answer",
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
    @APIResponse(responseCode = "202", description = "Stored in Kafka; the article appears in article-service shortly",
            headers = @Header(name = "Location", description = "The article in article-service"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionAccepted.class)))
    @APIResponse(responseCode = "400", description = "Malformed body (JSON, YAML, UTF-8) or Idempotency-Key",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Body larger than 1 MiB", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "415", description = "Unsupported content type", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Invalid Submission (errors[].field names each field), or an "
            + "Idempotency-Key reused with another body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Rate limited (Retry-After)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Kafka unavailable, nothing accepted (Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response submit(InputStream body) throws IOException {
        return accepted(submissions.submit(command(read(body), null)));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REPORTER, Roles.EDITOR, Roles.ADMIN})
    @Operation(summary = "Submit a new revision of a story not yet published",
            description = "The author, an editor or an admin; article-service is asked for the current revision and status.")
    @RequestBody(required = true, content = {
            @Content(mediaType = WireFormats.JSON, schema = @Schema(implementation = Submission.class)),
            @Content(mediaType = WireFormats.MARKDOWN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = WireFormats.NINJS, schema = @Schema(type = SchemaType.OBJECT))})
    @Parameter(name = SubmissionService.IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = false,
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
    @APIResponse(responseCode = "202", description = "The new revision is stored in Kafka",
            headers = @Header(name = "Location", description = "The article in article-service"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SubmissionAccepted.class)))
    @APIResponse(responseCode = "403", description = "Someone else's story", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such article", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Already published, corrected or retracted",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Kafka or article-service unavailable (Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response revise(@PathParam("id") String id, InputStream body) throws IOException {
        UUID articleId;
        try {
            articleId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No article " + id);
        }
        return accepted(submissions.submit(command(read(body), articleId)));
    }

    /**
     * Reads the body up to {@code newsroom.http.max-body-bytes}. A declared larger length is refused earlier by
     * service-common's BodyLimitFilter; this covers bodies sent without a length (chunked), which would otherwise meet
     * Vert.x's own cap and get a bare 413.
     */
    private byte[] read(InputStream body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, maxBodyBytes) + 1);
        if (bytes.length > maxBodyBytes) {
            throw new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                    "The request body is larger than " + maxBodyBytes + " bytes"), Map.of("Connection", "close"));
        }
        return bytes;
    }

    private SubmissionCommand command(byte[] body, UUID articleId) {
        String reporter = identity.getPrincipal().getName();
        boolean staff = identity.hasRole(Roles.EDITOR) || identity.hasRole(Roles.ADMIN);
        List<String> keys = request.headers().getAll(SubmissionService.IDEMPOTENCY_KEY);
        return new SubmissionCommand(reporter, staff, request.getHeader(HttpHeaders.CONTENT_TYPE),
                body, keys, articleId,
                request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    private Response accepted(SubmissionReceipt receipt) {
        return Response.status(Response.Status.ACCEPTED)
                .header(HttpHeaders.LOCATION, articleBaseUrl + "/api/v1/articles/" + receipt.id())
                .entity(SubmissionAccepted.of(receipt))
                .build();
    }
}
