package org.newsroom.ingest.mapping;

import java.util.ArrayList;
import java.util.List;

import org.newsroom.contracts.article.BlockType;
import org.newsroom.contracts.article.BodyBlock;

/**
 * Splits plain text and the Markdown subset of API.md into body blocks, keeping every character of the text: lines of
 * one paragraph stay joined by {@code \n}, nothing is trimmed or folded. Blank lines (empty or only spaces and tabs)
 * separate paragraphs; in Markdown, {@code "## "} lines are headings and {@code "> "} lines quotes (consecutive quote
 * lines form one quote).
 */
public final class TextBlocks {

    private TextBlocks() {
    }

    /** Markdown: {@code ## } headings, {@code > } quotes, other paragraphs separated by blank lines. */
    public static List<BodyBlock> markdown(String text) {
        return split(text, true);
    }

    /** Plain text: paragraphs separated by blank lines. */
    public static List<BodyBlock> plain(String text) {
        return split(text, false);
    }

    /** The lines of a text; {@code \r\n} and {@code \n} end a line, a final line ending does not add an empty line. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(text.substring(start, end));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    private static List<BodyBlock> split(String text, boolean markdown) {
        List<BodyBlock> blocks = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        List<String> quote = new ArrayList<>();
        for (String line : lines(text)) {
            if (markdown && line.startsWith("## ")) {
                flush(blocks, paragraph, BlockType.PARAGRAPH);
                flush(blocks, quote, BlockType.QUOTE);
                blocks.add(new BodyBlock(BlockType.HEADING, line.substring(3)));
            } else if (markdown && (line.startsWith("> ") || line.equals(">"))) {
                flush(blocks, paragraph, BlockType.PARAGRAPH);
                quote.add(line.length() <= 2 ? "" : line.substring(2));
            } else if (isBlank(line)) {
                flush(blocks, paragraph, BlockType.PARAGRAPH);
                flush(blocks, quote, BlockType.QUOTE);
            } else {
                flush(blocks, quote, BlockType.QUOTE);
                paragraph.add(line);
            }
        }
        flush(blocks, paragraph, BlockType.PARAGRAPH);
        flush(blocks, quote, BlockType.QUOTE);
        return blocks;
    }

    private static void flush(List<BodyBlock> blocks, List<String> lines, BlockType type) {
        if (!lines.isEmpty()) {
            blocks.add(new BodyBlock(type, String.join("\n", lines)));
            lines.clear();
        }
    }
}
