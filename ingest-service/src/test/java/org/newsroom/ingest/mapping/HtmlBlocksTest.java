package org.newsroom.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.article.BlockType;
import org.newsroom.contracts.article.BodyBlock;

/** HTML bodies of ninjs items become paragraphs, headings and quotes with their text intact. */
class HtmlBlocksTest {

    @Test
    void blocksByElement() {
        assertThat(HtmlBlocks.parse("<p>第一段 <b>加粗</b>。</p>\n<h2>小标题</h2><blockquote><p>引语一</p><p>引语二</p></blockquote>"
                + "<div>第二段<br/>换行</div> 散落的文字"))
                .containsExactly(
                        new BodyBlock(BlockType.PARAGRAPH, "第一段 加粗。"),
                        new BodyBlock(BlockType.HEADING, "小标题"),
                        new BodyBlock(BlockType.QUOTE, "引语一"),
                        new BodyBlock(BlockType.QUOTE, "引语二"),
                        new BodyBlock(BlockType.PARAGRAPH, "第二段\n换行"),
                        new BodyBlock(BlockType.PARAGRAPH, "散落的文字"));
    }

    @Test
    void entitiesAreDecodedAndInnerWhitespaceKept() {
        assertThat(HtmlBlocks.parse("<p>\n  A &amp; B &lt;c&gt; &#20013;&#x6587; &nbsp;x  y &unknown; &amp</p>"))
                .containsExactly(new BodyBlock(BlockType.PARAGRAPH, "A & B <c> 中文 \u00A0x  y &unknown; &"));
    }

    @Test
    void everyHtml5NamedEntityIsKnown() {
        assertThat(HtmlBlocks.parse("<p>&hearts; &eacute;t&eacute; &Kopf; &frac12; &yen;100 &ensp;</p>"))
                .containsExactly(new BodyBlock(BlockType.PARAGRAPH, "\u2665 été \uD835\uDD42 \u00BD \u00A5100 \u2002"));
    }

    @Test
    void textWhoseLowerCaseIsLongerKeepsItsPlace() {
        assertThat(HtmlBlocks.parse("<P>İİİ<B>粗</B></P><H2>İ标题</H2>"))
                .containsExactly(new BodyBlock(BlockType.PARAGRAPH, "İİİ粗"), new BodyBlock(BlockType.HEADING, "İ标题"));
    }

    @Test
    void unclosedMarkupIsText() {
        String unclosed = "<p>" + "&<".repeat(50_000);
        assertThat(HtmlBlocks.parse(unclosed)).singleElement()
                .satisfies(block -> assertThat(block.text()).startsWith("&<&<").hasSize(100_000));
    }

    @Test
    void xhtmlNamespacePrefixesAreIgnored() {
        assertThat(HtmlBlocks.parse("<xhtml:p>一</xhtml:p><xhtml:blockquote>二</xhtml:blockquote>"))
                .containsExactly(new BodyBlock(BlockType.PARAGRAPH, "一"), new BodyBlock(BlockType.QUOTE, "二"));
    }

    @Test
    void fullWidthIndentIsTextNotHtmlWhitespace() {
        assertThat(HtmlBlocks.parse("<p>　　首届年会</p>")).containsExactly(new BodyBlock(BlockType.PARAGRAPH, "　　首届年会"));
    }

    @Test
    void scriptsStylesAndCommentsDisappear() {
        assertThat(HtmlBlocks.parse("<style>p{}</style><!-- 注释 --><p>正文</p><script>alert('x')</script>"))
                .containsExactly(new BodyBlock(BlockType.PARAGRAPH, "正文"));
    }

    @Test
    void aLoneLessThanIsText() {
        assertThat(HtmlBlocks.parse("<p>3 < 5 and 5 > 3</p>"))
                .containsExactly(new BodyBlock(BlockType.PARAGRAPH, "3 < 5 and 5 > 3"));
    }
}
