package org.newsroom.article.search.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the two PostgreSQL {@code tsvector} values of an article from its weighted text fields: {@code words}
 * (smartcn words) and {@code grams} (CJK bigrams, Latin words, numbers). The vectors are written as tsvector literals
 * so that PostgreSQL's own parser never re-splits the terms; positions keep phrase search working.
 */
public final class SearchDocumentBuilder {

    /** PostgreSQL's largest lexeme position; later positions are clamped to it. */
    static final int MAX_POSITION = 16383;
    /** PostgreSQL keeps at most 256 positions per lexeme. */
    static final int MAX_POSITIONS_PER_LEXEME = 256;
    /** Longer runs of letters (base64 blobs, URLs) are not useful terms and risk PostgreSQL's lexeme limit. */
    static final int MAX_TERM_LENGTH = 100;
    /**
     * Most bytes a vector may take as PostgreSQL stores it (entry, lexeme, alignment, positions): its limit is
     * 1,048,575 bytes (SQLSTATE 54000 above), which a long body of distinct Chinese character pairs can exceed. Terms
     * beyond the budget are not indexed, so that every storable story stays indexable.
     */
    static final int MAX_VECTOR_BYTES = 900_000;
    /** Gap between fields and blocks, so that a phrase never matches across them. */
    private static final int FIELD_GAP = 2;

    /** The weight classes of ts_rank_cd, strongest first. */
    public enum Weight {
        A, B, C, D
    }

    private final int maxChars;
    private final Vector words = new Vector();
    private final Vector grams = new Vector();
    private int charsLeft;

    /** @param maxChars how many characters of an article are indexed at most (the rest is stored but not searchable) */
    public SearchDocumentBuilder(int maxChars) {
        this.maxChars = maxChars;
        this.charsLeft = maxChars;
    }

    /** Adds one field or block of text with a weight; null or blank text is ignored. */
    public SearchDocumentBuilder add(String text, Weight weight) {
        if (text == null || text.isBlank() || charsLeft <= 0) {
            return this;
        }
        String indexed = text.length() > charsLeft ? text.substring(0, charsLeft) : text;
        charsLeft -= indexed.length();
        words.add(ChineseAnalysis.words(indexed), weight);
        grams.add(ChineseAnalysis.grams(indexed), weight);
        return this;
    }

    /** The {@code words} tsvector literal. */
    public String words() {
        return words.literal();
    }

    /** The {@code grams} tsvector literal. */
    public String grams() {
        return grams.literal();
    }

    public int maxChars() {
        return maxChars;
    }

    /** Lexemes with positions and weights, rendered as a tsvector literal. */
    private static final class Vector {
        private final Map<String, List<String>> positions = new LinkedHashMap<>();
        private int position;
        private int bytes;

        void add(List<ChineseAnalysis.Token> tokens, Weight weight) {
            if (tokens.isEmpty()) {
                return;
            }
            position += position == 0 ? 0 : FIELD_GAP - 1;
            for (ChineseAnalysis.Token token : tokens) {
                position = Math.min(position + 1, MAX_POSITION);
                if (token.term().length() > MAX_TERM_LENGTH) {
                    continue;
                }
                List<String> list = positions.get(token.term());
                if (list == null) {
                    int lexemeBytes = token.term().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                    // WordEntry (4), the lexeme padded to 2 bytes, the position count (2), one position (2)
                    int cost = 4 + lexemeBytes + (lexemeBytes & 1) + 2 + 2;
                    if (bytes + cost > MAX_VECTOR_BYTES) {
                        continue;
                    }
                    bytes += cost - 2;
                    list = new ArrayList<>();
                    positions.put(token.term(), list);
                }
                if (list.size() < MAX_POSITIONS_PER_LEXEME && bytes + 2 <= MAX_VECTOR_BYTES) {
                    String entry = weight == Weight.D ? Integer.toString(position) : position + weight.name();
                    if (list.isEmpty() || !list.get(list.size() - 1).equals(entry)) {
                        list.add(entry);
                        bytes += 2;
                    }
                }
            }
        }

        String literal() {
            StringBuilder out = new StringBuilder();
            positions.forEach((term, list) -> {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(SearchQuery.quote(term)).append(':').append(String.join(",", list));
            });
            return out.toString();
        }
    }
}
