package org.newsroom.contracts;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 attributes in Kafka binary content mode ({@code ce_*} headers), written and read in one place
 * so that every producer and consumer agrees on them.
 */
public record CloudEventAttributes(String id, String source, String type, OffsetDateTime time, String subject) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE_JSON = "application/json";
    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_TIME = "ce_time";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_CONTENT_TYPE = "content-type";
    public static final String HEADER_TRACEPARENT = "traceparent";

    public CloudEventAttributes {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
    }

    /** Writes these attributes (and the JSON content type) as headers, replacing any previous values. */
    public void writeTo(Headers headers) {
        put(headers, HEADER_SPEC_VERSION, SPEC_VERSION);
        put(headers, HEADER_ID, id);
        put(headers, HEADER_SOURCE, source);
        put(headers, HEADER_TYPE, type);
        // ISO_OFFSET_DATE_TIME always prints seconds (RFC 3339); OffsetDateTime.toString() drops ":00".
        put(headers, HEADER_TIME, time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        if (subject != null) {
            put(headers, HEADER_SUBJECT, subject);
        }
        put(headers, HEADER_CONTENT_TYPE, CONTENT_TYPE_JSON);
    }

    /**
     * Reads the attributes of a record.
     *
     * @throws InvalidEventException when a required attribute is missing or malformed
     */
    public static CloudEventAttributes readFrom(Headers headers) {
        String specVersion = get(headers, HEADER_SPEC_VERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException("unsupported or missing ce_specversion: " + specVersion);
        }
        String id = require(headers, HEADER_ID);
        String source = require(headers, HEADER_SOURCE);
        String type = require(headers, HEADER_TYPE);
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(require(headers, HEADER_TIME));
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("malformed ce_time");
        }
        return new CloudEventAttributes(id, source, type, time, get(headers, HEADER_SUBJECT));
    }

    private static String require(Headers headers, String name) {
        String value = get(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("missing " + name);
        }
        return value;
    }

    /** The last value of a header as UTF-8 text, or null. */
    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
