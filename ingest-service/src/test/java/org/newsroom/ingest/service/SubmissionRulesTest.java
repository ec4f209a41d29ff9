package org.newsroom.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.contracts.article.SubmissionFormat;

/** Content types, Idempotency-Key syntax and trace context, as the HTTP edge reads them. */
class SubmissionRulesTest {

    @Test
    void contentTypes() {
        assertThat(WireFormats.of("application/json")).contains(SubmissionFormat.JSON);
        assertThat(WireFormats.of("Application/JSON; charset=UTF-8")).contains(SubmissionFormat.JSON);
        assertThat(WireFormats.of("text/markdown; charset=utf-8")).contains(SubmissionFormat.MARKDOWN);
        assertThat(WireFormats.of("application/ninjs+json")).contains(SubmissionFormat.NINJS);
        assertThat(WireFormats.of("application/json; charset=ISO-8859-1")).isEmpty();
        assertThat(WireFormats.of("text/plain")).isEmpty();
        assertThat(WireFormats.of(null)).isEmpty();
        assertThat(WireFormats.of("not a media type;;")).isEmpty();
    }

    @Test
    void idempotencyKeys() {
        assertThat(IdempotencyKeys.of(null)).isNull();
        assertThat(IdempotencyKeys.of(List.of())).isNull();
        assertThat(IdempotencyKeys.of(List.of("a b,c~"))).isEqualTo("a b,c~");
        assertThat(IdempotencyKeys.of(List.of("k".repeat(255)))).hasSize(255);
        for (List<String> bad : List.of(List.of(""), List.of("k".repeat(256)), List.of("键"), List.of("a\u007f"),
                List.of("a", "b"))) {
            assertThatThrownBy(() -> IdempotencyKeys.of(bad)).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.problem().status()).isEqualTo(400));
        }
    }
}
