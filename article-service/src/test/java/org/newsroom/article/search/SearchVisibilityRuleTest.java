package org.newsroom.article.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsroom.article.repository.ArticleRepository;
import org.newsroom.article.search.repository.SearchIndexRepository;

/** The index's copy of the reader visibility rule must stay the article service's rule, on the index row's alias. */
class SearchVisibilityRuleTest {

    @Test
    void theCopiedRuleIsTheReadModelsRule() {
        assertThat(SearchIndexRepository.READER_VISIBLE_COPY_SQL)
                .isEqualTo(ArticleRepository.READER_VISIBLE_SQL.replace("a.", "s."));
    }
}
