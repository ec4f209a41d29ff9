package org.newsroom.article.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.newsroom.contracts.EventJson;
import org.newsroom.contracts.article.Submission;

import com.fasterxml.jackson.databind.JsonNode;

/** The seed stories and issue of ../shared, read at test time; fails (never skips) when they are missing. */
public final class SeedData {

    private SeedData() {
    }

    public static Path dir() {
        String configured = System.getProperty("newsroom.shared.dir", System.getenv("NEWSROOM_SHARED_DIR"));
        Path dir = Path.of(configured == null ? "../../shared" : configured).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("seed/articles"))) {
            throw new IllegalStateException("shared test data not found at " + dir
                    + " (set -Dnewsroom.shared.dir)");
        }
        return dir;
    }

    public static List<String> articleFiles() {
        try (Stream<Path> files = Files.list(dir().resolve("seed/articles"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String relative) {
        try {
            return EventJson.mapper().readTree(dir().resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode article(String file) {
        return json("seed/articles/" + file);
    }

    public static Submission submission(String file) {
        try {
            return EventJson.mapper().treeToValue(article(file), Submission.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode issue() {
        return json("seed/issue-front-page.json");
    }
}
