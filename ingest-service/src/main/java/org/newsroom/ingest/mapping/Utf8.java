package org.newsroom.ingest.mapping;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.newsroom.common.problem.ProblemException;

/** Strict UTF-8 decoding of request bodies: malformed bytes are a 400, never silently replaced by U+FFFD. */
public final class Utf8 {

    private Utf8() {
    }

    /** @throws ProblemException 400 when the bytes are not valid UTF-8 */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("The body is not valid UTF-8");
        }
    }

    /** @throws ProblemException 400 when the bytes are not valid UTF-8 */
    public static void check(byte[] bytes) {
        decode(bytes);
    }
}
