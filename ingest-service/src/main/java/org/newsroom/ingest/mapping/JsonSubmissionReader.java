package org.newsroom.ingest.mapping;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.newsroom.common.problem.ProblemException;
import org.newsroom.contracts.article.Submission;
import org.newsroom.contracts.article.SubmissionFormat;
import org.newsroom.ingest.domain.ParsedSubmission;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads an {@code application/json} Submission with the service's strict mapper, rejecting unknown fields (a typo such
 * as "headlnie" is a 422 naming it, never silently dropped) and anything after the document.
 */
@ApplicationScoped
public class JsonSubmissionReader {

    private final ObjectMapper mapper;
    private final ObjectReader reader;

    @Inject
    public JsonSubmissionReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.reader = mapper.readerFor(Submission.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * @throws ProblemException 400/422 for bodies that are not a Submission; Jackson's own exceptions (mapped to
     *         problem+json by service-common) for syntax and type errors
     */
    public ParsedSubmission read(byte[] body) throws IOException {
        Utf8.check(body);
        try (JsonParser parser = mapper.getFactory().createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ProblemException.badRequest("The request body is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw ProblemException.unprocessable("$", "must be a JSON object (a Submission)");
            }
            // a truncated document is 400, a wrong value 422: service-common's mappers tell them apart
            Submission submission = reader.readValue(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the JSON document");
            }
            return new ParsedSubmission(Nfc.submission(submission), SubmissionFormat.JSON, null);
        }
    }
}
