package org.newsroom.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The cluster id the broker is formatted with is Kafka's 22-character form, and the rare one the tool would misread is visible. */
class KafkaClusterIdTest {

    @Test
    void aUuidIsTwentyTwoUrlSafeCharacters() {
        assertThat(KafkaBroker.base64(UUID.fromString("00000000-0000-0000-0000-000000000001")))
                .isEqualTo("AAAAAAAAAAAAAAAAAAAAAQ");
    }

    @Test
    void aUuidWhoseFirstSixBitsAreOnesEncodesWithALeadingDash() {
        // the case the storage tool reads as an option; KafkaBroker draws another id instead
        assertThat(KafkaBroker.base64(UUID.fromString("f8000000-0000-0000-0000-000000000000"))).startsWith("-");
    }
}
