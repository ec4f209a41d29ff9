package org.newsroom.article.mapping;

/**
 * HTML escaping for the fragments article-service builds piece by piece in code — ninjs {@code text/html} bodies and
 * search snippets with {@code <mark>} around matches — where a template would cost more than the fragment. Pages and
 * feed entries are Qute templates, which escape by themselves. Hand-written because Qute's escaper is not public
 * API; it escapes the same five characters ({@code & < > " '}), so text is safe in element content and in quoted
 * attribute values.
 */
public final class HtmlText {

    private HtmlText() {
    }

    /** {@code text} escaped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, 0, text.length(), out);
        return out.toString();
    }

    /** Appends {@code text[from, to)} escaped to {@code out}. */
    public static void escape(CharSequence text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
