package org.newsroom.article.search.service;

import java.util.ArrayList;
import java.util.List;

import org.newsroom.article.mapping.HtmlText;

/**
 * Cuts the passage of an article that best shows why it matched and marks the query's terms with
 * {@code <mark>…</mark>}; everything else is HTML-escaped. Built in Java because PostgreSQL's ts_headline does not know
 * smartcn's segmentation.
 */
public final class SnippetBuilder {

    private static final String ELLIPSIS = "…";

    private SnippetBuilder() {
    }

    /** A marked range of the text. */
    record Match(int start, int end) {
    }

    /**
     * The snippet of {@code text}: a window of about {@code length} characters holding the most matches of
     * {@code marks} (folded surface forms, longest first), or the beginning of the text when nothing matches.
     */
    public static String snippet(String text, List<String> marks, int length) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        List<Match> matches = find(ChineseAnalysis.fold(text), marks);
        int start = 0;
        if (!matches.isEmpty() && text.length() > length) {
            start = bestWindowStart(matches, length);
            // a little context before the first match, never past the text's end
            start = Math.max(0, Math.min(start - Math.min(length / 6, 20), text.length() - length));
        }
        start = avoidSplitSurrogate(text, start);
        int end = avoidSplitSurrogate(text, Math.min(text.length(), start + length));
        StringBuilder out = new StringBuilder();
        if (start > 0) {
            out.append(ELLIPSIS);
        }
        int cursor = start;
        for (Match match : matches) {
            if (match.end() <= start || match.start() >= end) {
                continue;
            }
            int s = Math.max(match.start(), start);
            int e = Math.min(match.end(), end);
            HtmlText.escape(text, cursor, s, out);
            out.append("<mark>");
            HtmlText.escape(text, s, e, out);
            out.append("</mark>");
            cursor = e;
        }
        HtmlText.escape(text, cursor, end, out);
        if (end < text.length()) {
            out.append(ELLIPSIS);
        }
        return out.toString();
    }

    /** Non-overlapping occurrences in {@code folded}; longer forms win (they come first). Sorted by position. */
    static List<Match> find(String folded, List<String> marks) {
        boolean[] taken = new boolean[folded.length()];
        List<Match> matches = new ArrayList<>();
        for (String mark : marks) {
            if (mark.isEmpty()) {
                continue;
            }
            int from = 0;
            while (true) {
                int at = folded.indexOf(mark, from);
                if (at < 0) {
                    break;
                }
                int end = at + mark.length();
                boolean free = true;
                for (int i = at; i < end; i++) {
                    if (taken[i]) {
                        free = false;
                        break;
                    }
                }
                if (free && isWordBoundary(folded, at, end)) {
                    for (int i = at; i < end; i++) {
                        taken[i] = true;
                    }
                    matches.add(new Match(at, end));
                }
                from = at + 1;
            }
        }
        matches.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return matches;
    }

    /** Latin words and numbers match whole (AI is not marked inside "said"); CJK matches anywhere. */
    private static boolean isWordBoundary(String folded, int start, int end) {
        return !(continuesLatin(folded, start - 1, folded.charAt(start))
                || continuesLatin(folded, end, folded.charAt(end - 1)));
    }

    private static boolean continuesLatin(String folded, int index, char inside) {
        if (index < 0 || index >= folded.length()) {
            return false;
        }
        char outside = folded.charAt(index);
        return isLatinOrDigit(inside) && isLatinOrDigit(outside);
    }

    private static boolean isLatinOrDigit(char c) {
        return Character.isLetterOrDigit(c) && !ChineseAnalysis.isCjk(c);
    }

    /** Start of the window of {@code length} characters that covers the most matches. */
    private static int bestWindowStart(List<Match> matches, int length) {
        int best = 0;
        int bestStart = matches.get(0).start();
        int j = 0;
        for (int i = 0; i < matches.size(); i++) {
            while (j < matches.size() && matches.get(j).end() - matches.get(i).start() <= length) {
                j++;
            }
            if (j - i > best) {
                best = j - i;
                bestStart = matches.get(i).start();
            }
        }
        return bestStart;
    }

    private static int avoidSplitSurrogate(String text, int index) {
        if (index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
                && Character.isHighSurrogate(text.charAt(index - 1))) {
            return index - 1;
        }
        return index;
    }
}
