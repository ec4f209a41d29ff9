package org.newsroom.common.problem;

import java.io.CharConversionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The single family of exception mappers of every service: each failure becomes an {@code application/problem+json}
 * answer; nothing a client sent yields a 500, and no stack trace, class name or SQL reaches a response.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder builder = respond(e.problem());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldPath(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 422,
                errors.size() + " field(s) are invalid", errors)).build();
    }

    /** Well-formed JSON with a wrong type, an unknown enum value or an unknown field: 422 naming the field. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e) {
        if (truncated(e)) {
            return truncatedDocument();
        }
        String field = jsonPath(e);
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            message = "unknown value '" + invalid.getValue() + "'";
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (field.isEmpty() && e.getTargetType() == null) {
            return malformed("The request body is empty or not a JSON document of the expected shape");
        } else {
            message = "wrong type" + (e.getTargetType() == null ? "" : ", expected " + typeName(e.getTargetType()));
        }
        String name = field.isEmpty() ? "$" : field;
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 422, name + ": " + message,
                List.of(new Problem.FieldError(name, message)))).build();
    }

    @ServerExceptionMapper(priority = 1)
    public Response mapping(JsonMappingException e) {
        if (truncated(e)) {
            return truncatedDocument();
        }
        String field = jsonPath(e);
        String name = field.isEmpty() ? "$" : field;
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Invalid request", 422, name + ": invalid value",
                List.of(new Problem.FieldError(name, "invalid value")))).build();
    }

    /** A document that ends before it is complete ({@code {"headline": "x", "body": [}) is malformed syntax: 400. */
    private Response truncatedDocument() {
        return malformed("The JSON document ends before it is complete");
    }

    /** Whether Jackson failed because the input ended, however deep in data binding it noticed. */
    private static boolean truncated(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonEOFException || String.valueOf(t.getMessage()).contains("end-of-input")) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper(priority = 1)
    public Response unparseable(JsonParseException e) {
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
        return malformed("The body is not valid JSON" + where + ": " + clean(e.getOriginalMessage()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response tooDeep(StreamConstraintsException e) {
        return malformed("The JSON document exceeds a size or nesting limit: " + clean(e.getOriginalMessage()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e) {
        return malformed("The body is not valid JSON: " + clean(e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response encoding(CharConversionException e) {
        return malformed("The body is not valid UTF-8");
    }

    /** 401 with {@code WWW-Authenticate: Bearer} for every way authentication fails. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e) {
        String detail = e instanceof AuthenticationFailedException
                ? "The bearer token is missing, expired or not signed by a trusted key"
                : e instanceof AuthenticationCompletionException ? "The bearer token could not be verified"
                : "A valid bearer token is required";
        return unauthenticated(detail);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this")).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return internal(e);
        }
        Response.ResponseBuilder builder = respond(Problem.of(status, kind(status), reason(status), detail(status, e)));
        if (original != null) {
            original.getStringHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
        }
        return builder.build();
    }

    @ServerExceptionMapper(priority = 10000)
    public Response unexpected(Throwable e) {
        java.sql.SQLException sql = cause(e, java.sql.SQLException.class);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
            // SQLSTATE class 22 "data exception": a value the client sent cannot be stored or compared as given
            // (a NUL character in text, a number out of range); the request is at fault, not the server.
            return malformed("The request contains a value that cannot be processed (e.g. a NUL character)");
        }
        if (e.getCause() instanceof CharConversionException) {
            return malformed("The body is not valid UTF-8");
        }
        if (e instanceof java.io.IOException && "Request too large".equals(e.getMessage())) {
            // A body without Content-Length passed quarkus.http.limits.max-body-size while being read: Vert.x has
            // already answered 413; this is the client's doing, not an incident.
            return respond(Problem.of(413, "payload-too-large", "Payload too large", "The request body is too large"))
                    .build();
        }
        return internal(e);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Response internal(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, incident %s", incident);
        return respond(Problem.of(500, "internal", "Internal error",
                "Something went wrong on our side; incident " + incident)).build();
    }

    private static Response malformed(String detail) {
        return respond(Problem.of(400, "malformed-request", "Malformed request", detail)).build();
    }

    private static Response unauthenticated(String detail) {
        return respond(Problem.of(401, "unauthorized", "Unauthorized", detail))
                .header("WWW-Authenticate", "Bearer").build();
    }

    /** A response builder with the problem as body and the problem media type. */
    public static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String detail(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406 -> "None of the accepted media types can be produced";
            case 413 -> "The request body is too large";
            case 415 -> "This content type is not supported here";
            default -> clean(e.getMessage());
        };
    }

    private static String kind(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "validation";
            case 429 -> "rate-limited";
            default -> "http-" + status;
        };
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static String typeName(Class<?> type) {
        if (type.isEnum()) {
            return "one of the documented values";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an RFC 3339 date-time";
        }
        return "an object";
    }

    /** {@code body[2].text} from Jackson's reference path. */
    static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** {@code body[2].text} from a Bean Validation path, without the method and parameter nodes. */
    public static String fieldPath(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : propertyPath) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.RETURN_VALUE || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                path.append('[').append(node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(name);
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    /** Removes anything that looks like a Java type name from a parser message. */
    private static String clean(String message) {
        if (message == null) {
            return "";
        }
        String firstLine = message.lines().findFirst().orElse("");
        return firstLine.replaceAll("\\(?(class |type )?`?[a-z][a-z0-9_]*(\\.[a-zA-Z0-9_$]+){2,}`?\\)?", "").trim();
    }
}
