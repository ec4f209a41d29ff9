package org.newsroom.ingest.messaging;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * W3C Trace Context for the {@code traceparent} header of each record: continues the caller's trace when the request
 * carried a valid {@code traceparent}, otherwise starts a new one.
 */
public final class TraceContext {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "00000000000000000000000000000000";
    private static final String INVALID_SPAN = "0000000000000000";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContext() {
    }

    /** A {@code traceparent} for a new span: a child of {@code incoming} when valid, else the root of a new trace. */
    public static String childOf(String incoming) {
        String traceId = null;
        String flags = "01";
        if (incoming != null) {
            var m = TRACEPARENT.matcher(incoming.trim());
            if (m.matches() && !m.group(1).equals(INVALID_TRACE) && !m.group(2).equals(INVALID_SPAN)) {
                traceId = m.group(1);
                flags = m.group(3);
            }
        }
        if (traceId == null) {
            traceId = random(16);
        }
        return "00-" + traceId + "-" + random(8) + "-" + flags;
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        do {
            RANDOM.nextBytes(b);
        } while (isZero(b));
        return HexFormat.of().formatHex(b);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
