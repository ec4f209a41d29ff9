package org.newsroom.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.article.BlockType;
import org.newsroom.contracts.article.BodyBlock;
import org.newsroom.contracts.article.Byline;
import org.newsroom.contracts.article.Distribution;
import org.newsroom.contracts.article.Genre;
import org.newsroom.contracts.article.Submission;

/**
 * The search corpus: the seed stories split into sentences, recombined at random (with a fixed seed, so every run
 * searches the same corpus) into as many synthetic stories as asked for.
 */
public final class CorpusGenerator {

    /** A sentence ends at 。！？； (or their ASCII forms), with any closing quotes and spaces that follow. */
    private static final Pattern SENTENCE = Pattern.compile("[^。！？；!?;]+(?:[。！？；!?;]+[\\s”’」』）)]*|$)");
    private static final String[] SECTIONS = {"要闻", "要闻", "综合新闻", "社区", "文化", "科技"};

    private final List<String> sentences;
    private final List<String> headlines;
    private final List<Byline> bylines;

    public CorpusGenerator(List<String> sentences, List<String> headlines, List<Byline> bylines) {
        if (sentences.isEmpty() || headlines.isEmpty()) {
            throw new IllegalArgumentException("no seed text");
        }
        this.sentences = List.copyOf(sentences);
        this.headlines = List.copyOf(headlines);
        this.bylines = bylines.isEmpty() ? List.of(new Byline("记者", org.newsroom.contracts.article.BylineRole.REPORTER))
                : List.copyOf(bylines);
    }

    /** Reads every seed story under {@code <shared>/seed/articles}. */
    public static CorpusGenerator fromSeeds(Path sharedDir) {
        Path dir = sharedDir.resolve("seed/articles");
        List<Submission> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                seeds.add(EventJson.mapper().readValue(Files.readAllBytes(file), Submission.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed stories in " + dir, e);
        }
        return fromSubmissions(seeds);
    }

    public static CorpusGenerator fromSubmissions(List<Submission> seeds) {
        Set<String> sentences = new LinkedHashSet<>();
        Set<String> headlines = new LinkedHashSet<>();
        Set<Byline> bylines = new LinkedHashSet<>();
        for (Submission seed : seeds) {
            headlines.add(seed.headline());
            if (seed.subheadline() != null && !seed.subheadline().isBlank()) {
                headlines.add(seed.subheadline());
            }
            for (BodyBlock block : seed.body()) {
                sentences.addAll(splitSentences(block.text()));
            }
            if (seed.bylines() != null) {
                bylines.addAll(seed.bylines());
            }
        }
        for (String sentence : sentences) {
            String clause = sentence.split("[，,。！？；!?;：:]", 2)[0].strip();
            if (clause.length() >= 6 && clause.length() <= 30) {
                headlines.add(clause);
            }
        }
        return new CorpusGenerator(new ArrayList<>(sentences), new ArrayList<>(headlines), new ArrayList<>(bylines));
    }

    /** The sentences of a text, each with its closing punctuation; blanks and fragments under 4 characters dropped. */
    public static List<String> splitSentences(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            String sentence = m.group().strip();
            if (sentence.codePointCount(0, sentence.length()) >= 4) {
                out.add(sentence);
            }
        }
        return out;
    }

    public List<String> sentences() {
        return sentences;
    }

    /** Story number {@code index} of the corpus made with {@code seed}: the same arguments always give the same story. */
    public Submission story(long seed, long index) {
        Random random = new Random(seed * 1_000_003L + index);
        String headline = headlines.get(random.nextInt(headlines.size()));
        if (headline.length() > 190) {
            headline = headline.substring(0, 190);
        }
        int paragraphs = 3 + random.nextInt(6);
        List<BodyBlock> body = new ArrayList<>(paragraphs);
        for (int p = 0; p < paragraphs; p++) {
            StringBuilder text = new StringBuilder();
            int count = 2 + random.nextInt(4);
            for (int s = 0; s < count; s++) {
                text.append(sentences.get(random.nextInt(sentences.size())));
            }
            body.add(new BodyBlock(p > 0 && random.nextInt(10) == 0 ? BlockType.QUOTE : BlockType.PARAGRAPH, text.toString()));
        }
        Byline byline = bylines.get(random.nextInt(bylines.size()));
        return new Submission(headline, null, null, Genre.NEWS, Submission.DEFAULT_LANGUAGE, body, List.of(byline),
                "记者 " + byline.name(), null, SECTIONS[random.nextInt(SECTIONS.length)], List.of(), List.of(),
                Distribution.PUBLIC, null, null);
    }
}
