package org.newsroom.article.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.article.search.service.ChineseAnalysis;
import org.newsroom.article.search.service.SearchDocumentBuilder;
import org.newsroom.article.search.service.SearchQuery;
import org.newsroom.article.search.service.SnippetBuilder;

/** The pure parts of Chinese search: segmentation, bigrams, query building and snippets. */
class ChineseSearchAnalysisTest {

    private static List<String> terms(List<ChineseAnalysis.Token> tokens) {
        return tokens.stream().map(ChineseAnalysis.Token::term).toList();
    }

    @Test
    void smartcnSegmentsWordsAndKeepsLatinAndDigits() {
        assertThat(terms(ChineseAnalysis.words("全球 150 余名人工智能领域专家学者聚在徐汇")))
                .contains("全球", "150", "人工智能", "领域", "专家", "徐汇");
        assertThat(terms(ChineseAnalysis.words("围绕AGI 发展方向"))).containsExactly("围绕", "agi", "发展", "方向");
        assertThat(terms(ChineseAnalysis.words("首届“浦江 AI学术年会”"))).doesNotContain(",", "“")
                .contains("浦江", "ai", "学术", "年会");
    }

    @Test
    void fullWidthLatinAndDigitsAreFoldedWithoutMovingOffsets() {
        String text = "ＡＩ２０２４年";
        assertThat(ChineseAnalysis.fold(text)).isEqualTo("ai2024年").hasSameSizeAs(text);
        assertThat(terms(ChineseAnalysis.grams(text))).containsExactly("ai2024", "年");
    }

    @Test
    void gramsAreBigramsOfCjkRunsAndWholeLatinWords() {
        assertThat(terms(ChineseAnalysis.grams("姚期智强调 5G AI学术"))).containsExactly(
                "姚期", "期智", "智强", "强调", "5g", "ai", "学术");
    }

    @Test
    void namesSplitIntoSingleCharactersBecomePhrases() {
        SearchQuery query = SearchQuery.parse("姚期智");
        assertThat(query.wordsQuery()).isEqualTo("('姚' <-> '期' <-> '智')");
        assertThat(query.gramsQuery()).isEqualTo("('姚期' <-> '期智')");
        assertThat(query.marks()).containsExactly("姚期智");
        assertThat(query.wordsMatch()).isEqualTo("'姚' & '期' & '智'");
        assertThat(query.gramsMatch()).isEqualTo("'姚期' & '期智'");
    }

    @Test
    void dictionaryWordsAreAndedAndTermsCombine() {
        SearchQuery query = SearchQuery.parse("学术年会  AI");
        assertThat(query.wordsQuery()).isEqualTo("'学术' & '年会' & 'ai'");
        assertThat(query.gramsQuery()).isEqualTo("('学术' <-> '术年' <-> '年会') & 'ai'");
        assertThat(query.marks()).startsWith("学术年会");
    }

    @Test
    void aSingleCharacterGluedToAWordMakesAPhraseButFunctionWordsDoNot() {
        assertThat(SearchQuery.parse("大模型").wordsQuery()).isEqualTo("('大' <-> '模型')");
        assertThat(SearchQuery.parse("徐汇的人工智能").wordsQuery()).isEqualTo("'徐汇' & '人工智能'");
        assertThat(SearchQuery.parse("徐汇的人工智能").gramsQuery()).contains("'汇的' <-> '的人'");
    }

    @Test
    void mixedDigitsAndLettersStayTogether() {
        SearchQuery query = SearchQuery.parse("5G");
        assertThat(query.wordsQuery()).isEqualTo("('5' <-> 'g')");
        assertThat(query.gramsQuery()).isEqualTo("'5g'");
    }

    @Test
    void aSingleCjkCharacterIsAPrefixOfBigrams() {
        assertThat(SearchQuery.parse("党").gramsQuery()).isEqualTo("'党':*");
    }

    @Test
    void punctuationOnlyQueriesAreEmptyAndHostileInputIsQuotedAway() {
        assertThat(SearchQuery.parse("。。！？ ''' \\ & | ! <->").isEmpty()).isTrue();
        SearchQuery query = SearchQuery.parse("a'b:* & c");
        assertThat(query.wordsQuery()).doesNotContain("''").contains("'a'", "'b'", "'c'");
    }

    @Test
    void documentVectorsCarryWeightsAndPositions() {
        SearchDocumentBuilder doc = new SearchDocumentBuilder(1000)
                .add("全球人工智能", SearchDocumentBuilder.Weight.A)
                .add("记者 曹香玉", SearchDocumentBuilder.Weight.D);
        assertThat(doc.words()).contains("'全球':1A", "'人工智能':2A", "'记者':4", "'曹':5");
        assertThat(doc.grams()).contains("'全球':1A", "'智能':5A", "'曹香':8");
    }

    @Test
    void documentVectorsStopAtTheConfiguredSize() {
        SearchDocumentBuilder doc = new SearchDocumentBuilder(4)
                .add("人工智能", SearchDocumentBuilder.Weight.A)
                .add("徐汇", SearchDocumentBuilder.Weight.C);
        assertThat(doc.words()).isEqualTo("'人工智能':1A");
    }

    @Test
    void snippetsMarkMatchesAndEscapeEverythingElse() {
        String text = "<b>首届</b> “浦江 AI学术年会”日前在徐汇举办 & said";
        String snippet = SnippetBuilder.snippet(text, SearchQuery.parse("ai 学术年会").marks(), 200);
        assertThat(snippet).isEqualTo(
                "&lt;b&gt;首届&lt;/b&gt; “浦江 <mark>AI</mark><mark>学术年会</mark>”日前在徐汇举办 &amp; said");
        assertThat(SnippetBuilder.snippet("he said <script>", SearchQuery.parse("ai").marks(), 200))
                .isEqualTo("he said &lt;script&gt;");
    }

    @Test
    void snippetsShowTheWindowWithTheMatches() {
        String text = "开头".repeat(100) + "上海期智研究院院长姚期智强调，除了引进人才" + "结尾".repeat(100);
        String snippet = SnippetBuilder.snippet(text, SearchQuery.parse("姚期智").marks(), 60);
        assertThat(snippet).startsWith("…").endsWith("…").contains("<mark>姚期智</mark>");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).hasSizeLessThanOrEqualTo(62);
    }
}
