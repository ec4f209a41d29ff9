package org.newsroom.article.search.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits Chinese text (no spaces between words, mixed with Latin letters and digits) into searchable terms, the same
 * way for stored articles and for queries: dictionary words from Lucene's SmartChineseAnalyzer, and CJK bigrams as a
 * fallback for words the dictionary does not know (person names such as 姚期智 come out as single characters).
 */
public final class ChineseAnalysis {

    /** A term with its character offsets in the analysed text. */
    public record Token(String term, int start, int end) {
        public int length() {
            return end - start;
        }
    }

    /** Thread-safe: Lucene analyzers reuse their token streams per thread. */
    private static final Analyzer SMART_CN = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);

    private ChineseAnalysis() {
    }

    /** Loads smartcn's dictionaries (a few hundred milliseconds) so that the first request does not pay for it. */
    public static void warmUp() {
        words("徐汇区 人工智能 AI 2024");
    }

    /**
     * Folds text for matching, keeping every offset: full-width ASCII (ＡＩ２０２４) becomes half-width, the ideographic
     * space a space, letters lower case. One char in, one char out.
     */
    public static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            }
            char lower = Character.toLowerCase(c);
            chars[i] = Character.isSurrogate(c) ? c : lower;
        }
        return new String(chars);
    }

    /**
     * Dictionary words (smartcn segmentation; Latin words lower-cased and stemmed, digits kept) with their offsets in
     * {@code text}. Punctuation is dropped.
     */
    public static List<Token> words(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        try (TokenStream stream = SMART_CN.tokenStream("text", fold(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String value = term.toString();
                if (isSearchable(value)) {
                    tokens.add(new Token(value, offset.startOffset(), offset.endOffset()));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /**
     * Context-free terms: every run of CJK characters becomes its overlapping bigrams (a lone character stays a
     * unigram); every run of other letters or digits becomes one lower-case term (AI, 2024, 5g).
     */
    public static List<Token> grams(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return tokens;
        }
        String folded = fold(text);
        int i = 0;
        int n = folded.length();
        while (i < n) {
            int cp = folded.codePointAt(i);
            if (isCjk(cp)) {
                int runStart = i;
                List<int[]> chars = new ArrayList<>();
                while (i < n && isCjk(folded.codePointAt(i))) {
                    int c = folded.codePointAt(i);
                    chars.add(new int[] { i, i + Character.charCount(c) });
                    i += Character.charCount(c);
                }
                if (chars.size() == 1) {
                    tokens.add(new Token(folded.substring(runStart, i), runStart, i));
                } else {
                    for (int k = 0; k + 1 < chars.size(); k++) {
                        int s = chars.get(k)[0];
                        int e = chars.get(k + 1)[1];
                        tokens.add(new Token(folded.substring(s, e), s, e));
                    }
                }
            } else if (Character.isLetterOrDigit(cp)) {
                int runStart = i;
                while (i < n) {
                    int c = folded.codePointAt(i);
                    if (!Character.isLetterOrDigit(c) || isCjk(c)) {
                        break;
                    }
                    i += Character.charCount(c);
                }
                tokens.add(new Token(folded.substring(runStart, i), runStart, i));
            } else {
                i += Character.charCount(cp);
            }
        }
        return tokens;
    }

    /** Han ideographs, kana and hangul: scripts written without spaces between words. */
    public static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    /** Terms made only of letters and digits; punctuation tokens that smartcn emits (",") are not searchable. */
    static boolean isSearchable(String term) {
        if (term.isEmpty()) {
            return false;
        }
        return term.codePoints().allMatch(Character::isLetterOrDigit);
    }
}
