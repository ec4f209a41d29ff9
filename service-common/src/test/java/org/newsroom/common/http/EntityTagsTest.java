package org.newsroom.common.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.newsroom.common.problem.ProblemException;

class EntityTagsTest {

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsListsAndTheWildcard() {
        assertThat(EntityTags.matchesNoneMatch("\"abc\"", "\"abc\"")).isTrue();
        assertThat(EntityTags.matchesNoneMatch("W/\"abc\"", "\"abc\"")).isTrue();
        assertThat(EntityTags.matchesNoneMatch("\"x\", W/\"abc\"", "\"abc\"")).isTrue();
        assertThat(EntityTags.matchesNoneMatch("*", "\"abc\"")).isTrue();
        assertThat(EntityTags.matchesNoneMatch("\"abd\"", "\"abc\"")).isFalse();
        assertThat(EntityTags.matchesNoneMatch(null, "\"abc\"")).isFalse();
    }

    @Test
    void aMalformedIfNoneMatchMatchesNothingWhileAMalformedIfMatchIsRefused() {
        assertThat(EntityTags.matchesNoneMatch("abc", "\"abc\"")).isFalse();
        assertThat(EntityTags.matchesNoneMatch("\"abc", "\"abc\"")).isFalse();
        assertThatThrownBy(() -> EntityTags.parse("abc", "If-Match")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("If-Match");
    }
}
