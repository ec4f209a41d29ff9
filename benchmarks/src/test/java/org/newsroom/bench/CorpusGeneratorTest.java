package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.article.BodyBlock;
import org.newsroom.contracts.article.Submission;

class CorpusGeneratorTest {

    static Path sharedDir() {
        Path dir = Path.of(System.getProperty("newsroom.shared.dir", "../../shared")).toAbsolutePath().normalize();
        assertThat(dir.resolve("seed/articles")).as("shared test data (newsroom.shared.dir)").isDirectory();
        return dir;
    }

    @Test
    void splitsChineseSentencesKeepingPunctuationAndClosingQuotes() {
        List<String> sentences = CorpusGenerator.splitSentences(
                "首届“浦江 AI学术年会”日前在徐汇举办。“人工智能是引领未来的战略技术。 ”姚期智强调！到达通用人工智能的路径是什么？几年");
        assertThat(sentences).containsExactly("首届“浦江 AI学术年会”日前在徐汇举办。", "“人工智能是引领未来的战略技术。 ”",
                "姚期智强调！", "到达通用人工智能的路径是什么？");
    }

    @Test
    void storiesAreDeterministicValidAndMadeOfSeedSentences() throws Exception {
        CorpusGenerator corpus = CorpusGenerator.fromSeeds(sharedDir());
        assertThat(corpus.sentences()).hasSizeGreaterThan(20).contains("区委书记曹立强主持会议。");
        Submission a = corpus.story(7, 42);
        assertThat(corpus.story(7, 42)).isEqualTo(a);
        assertThat(corpus.story(7, 43)).isNotEqualTo(a);
        for (int i = 0; i < 500; i++) {
            Submission s = corpus.story(7, i);
            assertThat(s.headline()).isNotBlank().hasSizeLessThanOrEqualTo(200);
            assertThat(s.body()).hasSizeBetween(3, 8);
            for (BodyBlock block : s.body()) {
                assertThat(block.text()).hasSizeBetween(1, 20_000);
            }
            assertThat(s.bylines()).hasSize(1);
        }
        String text = a.body().get(0).text();
        assertThat(corpus.sentences().stream().anyMatch(text::startsWith)).isTrue();
        Submission roundTrip = EventJson.read(EventJson.write(a), Submission.class);
        assertThat(roundTrip).isEqualTo(a);
    }

    @Test
    void eventSizeIsTheProducedJsonOfTheSeedStory() throws Exception {
        byte[] seed = Files.readAllBytes(sharedDir().resolve("seed/articles/" + IngestScenario.SEED));
        int size = IngestScenario.eventSize(seed);
        assertThat(size).isGreaterThan(seed.length / 2).isLessThan(seed.length * 2);
    }
}
