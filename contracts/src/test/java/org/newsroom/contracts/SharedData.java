package org.newsroom.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates ../shared (seed stories, ninjs, CRDs) for tests; fails when CI=true and it is missing. */
final class SharedData {
    private SharedData() {
    }

    static Path dir() {
        String configured = System.getProperty("newsroom.shared.dir", System.getenv("NEWSROOM_SHARED_DIR"));
        Path dir = Path.of(configured == null ? "../../shared" : configured).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("shared test data not found at " + dir);
        }
        return dir;
    }

    static List<Path> seedArticles() {
        try (Stream<Path> files = Files.list(dir().resolve("seed/articles"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
