package org.newsroom.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The one error body of every Newsroom endpoint: RFC 9457 problem details, with field errors for validation failures. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Base of the {@code type} URIs; each problem kind has its own fragment. */
    public static final String TYPE_BASE = "https://newsroom.example/problems/";

    /** One invalid field, named by its JSON path (e.g. {@code body[2].text}). */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String kind, String title, String detail) {
        return new Problem(TYPE_BASE + kind, title, status, detail, null);
    }
}
