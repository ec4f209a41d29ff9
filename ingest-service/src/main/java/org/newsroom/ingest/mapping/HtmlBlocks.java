package org.newsroom.ingest.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.newsroom.contracts.article.BlockType;
import org.newsroom.contracts.article.BodyBlock;

/**
 * Turns an HTML or XHTML body (ninjs {@code bodies} of type text/html, application/xhtml+xml) into body blocks:
 * {@code <p>} paragraphs, {@code <h1>}..{@code <h6>} headings, {@code <blockquote>} quotes; other tags are stripped,
 * entities decoded, {@code <br>} kept as a line break. Text inside a block is kept as written; only the HTML source's
 * surrounding whitespace (ASCII space, tab, CR, LF, FF) at a block's start and end is dropped.
 */
public final class HtmlBlocks {

    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer", "aside", "main", "nav",
            "figure", "figcaption", "table", "thead", "tbody", "tr", "td", "th", "pre", "hr", "address", "body", "html");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "template", "noscript");
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", "\u00A0"), Map.entry("mdash", "\u2014"),
            Map.entry("ndash", "\u2013"), Map.entry("hellip", "\u2026"), Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201C"), Map.entry("rdquo", "\u201D"),
            Map.entry("middot", "\u00B7"), Map.entry("laquo", "\u00AB"), Map.entry("raquo", "\u00BB"),
            Map.entry("copy", "\u00A9"), Map.entry("reg", "\u00AE"), Map.entry("times", "\u00D7"));

    private final List<BodyBlock> blocks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private int headingDepth;
    private int quoteDepth;

    private HtmlBlocks() {
    }

    public static List<BodyBlock> parse(String html) {
        HtmlBlocks parser = new HtmlBlocks();
        parser.run(html);
        return parser.blocks;
    }

    private void run(String html) {
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c != '<') {
                int next = html.indexOf('<', i);
                int end = next < 0 ? n : next;
                text.append(decode(html.substring(i, end)));
                i = end;
            } else if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? n : end + 3;
            } else if (html.startsWith("<![CDATA[", i)) {
                int end = html.indexOf("]]>", i + 9);
                text.append(html, i + 9, end < 0 ? n : end);
                i = end < 0 ? n : end + 3;
            } else if (i + 1 < n && (html.charAt(i + 1) == '!' || html.charAt(i + 1) == '?')) {
                int end = html.indexOf('>', i);
                i = end < 0 ? n : end + 1;
            } else {
                int end = tagEnd(html, i);
                if (end < 0 || !isTagStart(html, i)) {
                    text.append('<');
                    i++;
                    continue;
                }
                String tag = html.substring(i + 1, end);
                boolean closing = tag.startsWith("/");
                String name = name(closing ? tag.substring(1) : tag);
                i = end + 1;
                if (!closing && SKIPPED.contains(name)) {
                    int close = html.toLowerCase(Locale.ROOT).indexOf("</" + name, i);
                    int closeEnd = close < 0 ? -1 : html.indexOf('>', close);
                    i = closeEnd < 0 ? n : closeEnd + 1;
                } else {
                    tag(name, closing, tag.endsWith("/"));
                }
            }
        }
        flush();
    }

    private void tag(String name, boolean closing, boolean selfClosing) {
        if (name.equals("br")) {
            text.append('\n');
            return;
        }
        if (!BLOCKS.contains(name)) {
            return;
        }
        flush();
        boolean heading = name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1));
        if (selfClosing) {
            return;
        }
        if (heading) {
            headingDepth = Math.max(0, headingDepth + (closing ? -1 : 1));
        } else if (name.equals("blockquote")) {
            quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
        }
    }

    private void flush() {
        int start = 0;
        int end = text.length();
        while (start < end && isHtmlSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isHtmlSpace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            BlockType type = headingDepth > 0 ? BlockType.HEADING : quoteDepth > 0 ? BlockType.QUOTE : BlockType.PARAGRAPH;
            blocks.add(new BodyBlock(type, text.substring(start, end)));
        }
        text.setLength(0);
    }

    private static boolean isHtmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isTagStart(String html, int i) {
        if (i + 1 >= html.length()) {
            return false;
        }
        char c = html.charAt(i + 1);
        return Character.isLetter(c) || c == '/' && i + 2 < html.length() && Character.isLetter(html.charAt(i + 2));
    }

    /** The index of the {@code >} closing the tag at {@code start}, skipping quoted attribute values. */
    private static int tagEnd(String html, int start) {
        char quote = 0;
        for (int i = start + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    private static String name(String tag) {
        int end = 0;
        while (end < tag.length() && (Character.isLetterOrDigit(tag.charAt(end)) || tag.charAt(end) == ':'
                || tag.charAt(end) == '-')) {
            end++;
        }
        String name = tag.substring(0, end).toLowerCase(Locale.ROOT);
        int colon = name.indexOf(':');
        return colon >= 0 ? name.substring(colon + 1) : name;
    }

    /** Decodes character references; unknown named entities stay as written. */
    static String decode(String s) {
        int amp = s.indexOf('&');
        if (amp < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (amp >= 0) {
            out.append(s, i, amp);
            int semi = s.indexOf(';', amp);
            String replacement = semi < 0 || semi - amp > 12 ? null : entity(s.substring(amp + 1, semi));
            if (replacement == null) {
                out.append('&');
                i = amp + 1;
            } else {
                out.append(replacement);
                i = semi + 1;
            }
            amp = s.indexOf('&', i);
        }
        out.append(s, i, s.length());
        return out.toString();
    }

    private static String entity(String name) {
        if (name.startsWith("#")) {
            try {
                int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return ENTITIES.get(name);
    }
}
