package org.newsroom.article.search.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A reader's query turned into the two PostgreSQL {@code tsquery} values matching the two index columns, plus the
 * surface forms to mark in snippets. Whitespace-separated terms are ANDed. Inside a term, smartcn's words are ANDed,
 * except that a single character glued to its neighbours (a name the dictionary does not know: 姚 期 智; 大 模型) makes
 * them one phrase; the bigram query asks for each CJK run as a phrase of bigrams, i.e. for the exact substring. A
 * document matches when either query does.
 */
public final class SearchQuery {

    /**
     * Single-character function words (的, 在, 和, ...): left out of the word query, where they would glue the words
     * around them into a phrase; the bigram query still asks for them as part of the exact substring.
     */
    static final Set<String> FUNCTION_CHARACTERS = Set.of("的", "了", "和", "与", "及", "或", "在", "是", "也", "都",
            "就", "而", "并", "被", "把", "对", "从", "向", "于", "为", "以", "之", "其", "等", "着", "地", "得");

    /** At most this many whitespace-separated terms are used; more would only slow the query down. */
    static final int MAX_TERMS = 16;

    private final String wordsQuery;
    private final String gramsQuery;
    private final String wordsMatch;
    private final String gramsMatch;
    private final List<String> marks;

    private SearchQuery(String wordsQuery, String gramsQuery, String wordsMatch, String gramsMatch,
            List<String> marks) {
        this.wordsQuery = wordsQuery;
        this.gramsQuery = gramsQuery;
        this.wordsMatch = wordsMatch;
        this.gramsMatch = gramsMatch;
        this.marks = marks;
    }

    /** Analyses {@code q} (already checked for length). */
    public static SearchQuery parse(String q) {
        String folded = ChineseAnalysis.fold(q);
        List<String> wordParts = new ArrayList<>();
        List<String> gramParts = new ArrayList<>();
        List<String> wordTerms = new ArrayList<>();
        List<String> gramTerms = new ArrayList<>();
        Set<String> marks = new LinkedHashSet<>();
        int terms = 0;
        for (String term : folded.trim().split("[\\s\\p{Z}]+")) {
            if (term.isEmpty() || terms >= MAX_TERMS) {
                continue;
            }
            List<String> words = wordsOf(term, marks, wordTerms);
            List<String> grams = gramsOf(term, marks, gramTerms);
            if (words.isEmpty() && grams.isEmpty()) {
                continue;
            }
            terms++;
            wordParts.addAll(words);
            gramParts.addAll(grams);
        }
        List<String> sortedMarks = new ArrayList<>(marks);
        sortedMarks.sort(Comparator.comparingInt(String::length).reversed());
        return new SearchQuery(String.join(" & ", wordParts), String.join(" & ", gramParts),
                String.join(" & ", new LinkedHashSet<>(wordTerms)), String.join(" & ", new LinkedHashSet<>(gramTerms)),
                List.copyOf(sortedMarks));
    }

    private static List<String> wordsOf(String term, Set<String> marks, List<String> plain) {
        List<ChineseAnalysis.Token> tokens = new ArrayList<>();
        for (ChineseAnalysis.Token token : ChineseAnalysis.words(term)) {
            if (!FUNCTION_CHARACTERS.contains(token.term())) {
                tokens.add(token);
            }
        }
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            ChineseAnalysis.Token first = tokens.get(i);
            int j = i;
            // a single character glued to its neighbour is part of one word the dictionary does not know
            while (j + 1 < tokens.size() && tokens.get(j + 1).start() == tokens.get(j).end()
                    && (tokens.get(j).length() == 1 || tokens.get(j + 1).length() == 1)) {
                j++;
            }
            List<String> phrase = new ArrayList<>();
            for (int k = i; k <= j; k++) {
                phrase.add(quote(tokens.get(k).term()));
            }
            plain.addAll(phrase);
            parts.add(phrase.size() == 1 ? phrase.get(0) : "(" + String.join(" <-> ", phrase) + ")");
            marks.add(term.substring(first.start(), tokens.get(j).end()));
            i = j + 1;
        }
        return parts;
    }

    private static List<String> gramsOf(String term, Set<String> marks, List<String> plain) {
        List<ChineseAnalysis.Token> tokens = ChineseAnalysis.grams(term);
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            ChineseAnalysis.Token first = tokens.get(i);
            boolean cjk = ChineseAnalysis.isCjk(first.term().codePointAt(0));
            int j = i;
            if (cjk) {
                // overlapping bigrams of one run: each starts one character after the previous one
                while (j + 1 < tokens.size() && ChineseAnalysis.isCjk(tokens.get(j + 1).term().codePointAt(0))
                        && tokens.get(j + 1).start() < tokens.get(j).end()) {
                    j++;
                }
            }
            if (cjk && first.term().codePointCount(0, first.term().length()) == 1) {
                parts.add(quote(first.term()) + ":*");
                plain.add(quote(first.term()) + ":*");
            } else if (j > i) {
                List<String> phrase = new ArrayList<>();
                for (int k = i; k <= j; k++) {
                    phrase.add(quote(tokens.get(k).term()));
                }
                plain.addAll(phrase);
                parts.add("(" + String.join(" <-> ", phrase) + ")");
            } else {
                parts.add(quote(first.term()));
                plain.add(quote(first.term()));
            }
            marks.add(term.substring(first.start(), tokens.get(j).end()));
            i = j + 1;
        }
        return parts;
    }

    /** A lexeme quoted for tsvector/tsquery input. */
    static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** True when the query holds no letter or digit at all (only punctuation): nothing can match. */
    public boolean isEmpty() {
        return wordsQuery.isEmpty() && gramsQuery.isEmpty();
    }

    /**
     * tsquery for choosing candidates through the {@code words} GIN index: every term ANDed, no phrase operators, so
     * that the index answers exactly (no recheck, no reading of the stored vectors).
     */
    public String wordsMatch() {
        return wordsMatch;
    }

    /** Like {@link #wordsMatch()} for the {@code grams} column: every bigram and Latin word ANDed. */
    public String gramsMatch() {
        return gramsMatch;
    }

    /** Precise tsquery (with phrases) for the {@code words} column: filters and ranks the candidates. */
    public String wordsQuery() {
        return wordsQuery;
    }

    /** Precise tsquery (with phrases) for the {@code grams} column: filters and ranks the candidates. */
    public String gramsQuery() {
        return gramsQuery;
    }

    /** Folded surface forms to mark in snippets, longest first. */
    public List<String> marks() {
        return marks;
    }
}
