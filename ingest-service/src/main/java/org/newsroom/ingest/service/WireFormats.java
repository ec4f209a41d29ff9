package org.newsroom.ingest.service;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MediaType;

import org.newsroom.common.problem.Problem;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.contracts.article.SubmissionFormat;

/** The request content types ingest accepts and the wire format each stands for; everything else is a 415. */
public final class WireFormats {

    public static final String JSON = "application/json";
    public static final String MARKDOWN = "text/markdown";
    public static final String NINJS = "application/ninjs+json";

    private static final Map<String, SubmissionFormat> FORMATS = Map.of(
            JSON, SubmissionFormat.JSON,
            MARKDOWN, SubmissionFormat.MARKDOWN,
            NINJS, SubmissionFormat.NINJS);

    private WireFormats() {
    }

    /** The format of a Content-Type header; empty when absent, unparsable, unsupported or not UTF-8. */
    public static Optional<SubmissionFormat> of(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.empty();
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            return Optional.empty();
        }
        String base = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(FORMATS.get(base));
    }

    public static ProblemException unsupported() {
        return new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported Media Type",
                "Submit application/json, text/markdown or application/ninjs+json, in UTF-8"));
    }
}
