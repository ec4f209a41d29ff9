package org.newsroom.ingest.service;

import java.util.List;

import org.newsroom.common.problem.ProblemException;

/** The syntax of the {@code Idempotency-Key} header: one value of 1 to 255 printable ASCII characters. */
public final class IdempotencyKeys {

    public static final int MAX_LENGTH = 255;

    private IdempotencyKeys() {
    }

    /**
     * @return the key, or null when the header is absent
     * @throws ProblemException 400 when it is present but not a valid key
     */
    public static String of(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ProblemException.badRequest("Send one Idempotency-Key header, not " + values.size());
        }
        String key = values.get(0);
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            throw ProblemException.badRequest("Idempotency-Key must be 1 to " + MAX_LENGTH + " characters long");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw ProblemException.badRequest("Idempotency-Key must consist of printable ASCII characters");
            }
        }
        return key;
    }
}
