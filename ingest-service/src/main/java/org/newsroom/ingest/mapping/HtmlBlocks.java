package org.newsroom.ingest.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.newsroom.contracts.article.BlockType;
import org.newsroom.contracts.article.BodyBlock;

/**
 * Turns an HTML or XHTML body (ninjs {@code bodies} of type text/html, application/xhtml+xml) into body blocks:
 * {@code <p>} paragraphs, {@code <h1>}..{@code <h6>} headings, {@code <blockquote>} quotes; other tags are stripped,
 * character references decoded as HTML5 does (jsoup's parser), {@code <br>} kept as a line break. Text inside a block
 * is kept as written; only the HTML source's surrounding whitespace (ASCII space, tab, CR, LF, FF) at a block's start
 * and end is dropped.
 */
public final class HtmlBlocks {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer", "aside", "main", "nav",
            "figure", "figcaption", "table", "thead", "tbody", "tr", "td", "th", "pre", "hr", "address", "body", "html");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "template", "noscript", "title");

    private HtmlBlocks() {
    }

    /** The blocks of an HTML (or XHTML) fragment, in document order. */
    public static List<BodyBlock> parse(String html) {
        BlockCollector collector = new BlockCollector();
        Jsoup.parse(html).filter(collector);
        collector.flush();
        return collector.blocks;
    }

    /** Walks the parsed document once, cutting its text into blocks at block elements. */
    private static final class BlockCollector implements NodeFilter {

        private final List<BodyBlock> blocks = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int headingDepth;
        private int quoteDepth;

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode textNode) {
                text.append(textNode.getWholeText());
            } else if (node instanceof Element element) {
                String name = localName(element);
                if (SKIPPED.contains(name)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (name.equals("br")) {
                    text.append('\n');
                } else if (BLOCKS.contains(name)) {
                    flush();
                    depth(name, +1);
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element) {
                String name = localName(element);
                if (BLOCKS.contains(name)) {
                    flush();
                    depth(name, -1);
                }
            }
            return FilterResult.CONTINUE;
        }

        private void depth(String name, int change) {
            boolean heading = name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1));
            if (heading) {
                headingDepth = Math.max(0, headingDepth + change);
            } else if (name.equals("blockquote")) {
                quoteDepth = Math.max(0, quoteDepth + change);
            }
        }

        void flush() {
            int start = 0;
            int end = text.length();
            while (start < end && isHtmlSpace(text.charAt(start))) {
                start++;
            }
            while (end > start && isHtmlSpace(text.charAt(end - 1))) {
                end--;
            }
            if (start < end) {
                BlockType type = headingDepth > 0 ? BlockType.HEADING
                        : quoteDepth > 0 ? BlockType.QUOTE : BlockType.PARAGRAPH;
                blocks.add(new BodyBlock(type, text.substring(start, end)));
            }
            text.setLength(0);
        }
    }

    /** The element's name without an XHTML namespace prefix ({@code xhtml:p} is {@code p}). */
    private static String localName(Element element) {
        String name = element.normalName();
        int colon = name.indexOf(':');
        return (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
    }

    private static boolean isHtmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
