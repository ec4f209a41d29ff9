package org.newsroom.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.article.BlockType;
import org.newsroom.contracts.article.BodyBlock;

/** The Markdown subset and plain-text paragraphs keep every character; only blank lines and markers are structure. */
class TextBlocksTest {

    @Test
    void headingsQuotesAndParagraphs() {
        List<BodyBlock> blocks = TextBlocks.markdown("""
                第一段第一行
                第一段第二行
                ## 小标题
                > 引语一
                >
                > 引语二
                第二段
                """);
        assertThat(blocks).containsExactly(
                new BodyBlock(BlockType.PARAGRAPH, "第一段第一行\n第一段第二行"),
                new BodyBlock(BlockType.HEADING, "小标题"),
                new BodyBlock(BlockType.QUOTE, "引语一\n\n引语二"),
                new BodyBlock(BlockType.PARAGRAPH, "第二段"));
    }

    @Test
    void whitespaceInsideTextIsKeptExactly() {
        List<BodyBlock> blocks = TextBlocks.markdown("　　全角缩进，  两个空格，行尾空格 \n\t制表符开头\n\n\n## 标题  两个空格 \n");
        assertThat(blocks).containsExactly(
                new BodyBlock(BlockType.PARAGRAPH, "　　全角缩进，  两个空格，行尾空格 \n\t制表符开头"),
                new BodyBlock(BlockType.HEADING, "标题  两个空格 "));
    }

    @Test
    void onlyTheDocumentedMarkersAreStructure() {
        List<BodyBlock> blocks = TextBlocks.markdown("# 一级标题\n\n### 三级标题\n\n>没有空格\n\n##没有空格\n");
        assertThat(blocks).extracting(BodyBlock::type).containsOnly(BlockType.PARAGRAPH);
        assertThat(blocks).extracting(BodyBlock::text)
                .containsExactly("# 一级标题", "### 三级标题", ">没有空格", "##没有空格");
    }

    @Test
    void plainTextSplitsOnBlankLinesOnlyAndHandlesCrLf() {
        assertThat(TextBlocks.plain("甲\r\n乙\r\n \r\n## 不是标题\r\n")).containsExactly(
                new BodyBlock(BlockType.PARAGRAPH, "甲\n乙"),
                new BodyBlock(BlockType.PARAGRAPH, "## 不是标题"));
        assertThat(TextBlocks.plain("\n\n \t \n")).isEmpty();
    }
}
