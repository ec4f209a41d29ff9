package org.newsroom.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsroom.media.service.Credits;

/** Printed photo credits of the seed paper become the photographers' names. */
class CreditsTest {

    @Test
    void thePrintedCreditOfTheSeedPhotoStoryNamesBothPhotographers() {
        assertThat(Credits.photographers("刘坤 陈文卿 摄影报道")).containsExactly("刘坤", "陈文卿");
        assertThat(Credits.photographers("刘坤 陈文卿")).containsExactly("刘坤", "陈文卿");
        assertThat(Credits.photographers("摄影：刘坤、陈文卿")).containsExactly("刘坤", "陈文卿");
        assertThat(Credits.photographers("刘坤摄")).containsExactly("刘坤");
        assertThat(Credits.photographers("Reuters / Jane Doe")).containsExactly("Reuters", "Jane Doe");
        assertThat(Credits.photographers("记者 曹香玉 施昱辰")).containsExactly("曹香玉", "施昱辰");
        assertThat(Credits.photographers("图门")).containsExactly("图门");
        assertThat(Credits.photographers(" ")).isEmpty();
        assertThat(Credits.photographers(null)).isEmpty();
    }
}
