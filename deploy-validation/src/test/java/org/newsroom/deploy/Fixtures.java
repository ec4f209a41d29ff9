package org.newsroom.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Shared test inputs: rendered overlays (from a temporary copy holding a placeholder JWT key) and the CRD schemas. */
final class Fixtures {
    /** Not a key: only lets the configMapGenerator find its file while rendering. */
    static final String PLACEHOLDER_PEM = "-----BEGIN PUBLIC KEY-----\nTEST-PLACEHOLDER-NOT-A-KEY\n-----END PUBLIC KEY-----\n";
    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final Map<String, List<ObjectNode>> RENDERED = new ConcurrentHashMap<>();
    private static volatile Path copy;
    private static volatile CrdValidator crds;

    private Fixtures() {
    }

    /** A fresh deep copy of a rendered overlay (callers may mutate it). */
    static List<ObjectNode> render(String overlay) {
        List<ObjectNode> objects = RENDERED.computeIfAbsent(overlay, o -> Kustomize.build(deployCopy().resolve("k8s/overlays").resolve(o)));
        return objects.stream().map(ObjectNode::deepCopy).collect(Collectors.toList());
    }

    /** A temporary copy of deploy/ where every overlay has a placeholder jwt/publicKey.pem. */
    static synchronized Path deployCopy() {
        if (copy == null) {
            Path target = copyTree(ProjectPaths.deployDir());
            for (String overlay : OVERLAYS) {
                writeString(target.resolve("k8s/overlays").resolve(overlay).resolve("jwt/publicKey.pem"), PLACEHOLDER_PEM);
            }
            copy = target;
        }
        return copy;
    }

    /** Copies a directory tree into a new temporary directory, deleted when the JVM exits. */
    static Path copyTree(Path source) {
        try {
            Path target = Files.createTempDirectory("newsroom-deploy-");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : files.collect(Collectors.toList())) {
                    Path t = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(target)));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeString(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }

    /** The CRD validator; skips locally and fails on CI (CI=true) when the shared CRDs are missing. */
    static synchronized CrdValidator crds() {
        if (crds == null) {
            Path dir = requireCrdDir(ProjectPaths.crdDir(), ProjectPaths.isCi());
            crds = CrdValidator.load(dir);
        }
        return crds;
    }

    /** The CRD folder if it exists; otherwise a failure when {@code ci}, else an aborted (skipped) test. */
    static Path requireCrdDir(Path dir, boolean ci) {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        String message = "the CRDs are not at " + dir + " (they are read from ../shared/crds beside the repository;"
                + " set -Dnewsroom.shared.dir or NEWSROOM_SHARED_DIR)";
        if (ci) {
            Assertions.fail("CI=true: " + message);
        }
        Assumptions.abort(message);
        return dir;
    }

    /** The first object of a kind and name, failing if absent. */
    static ObjectNode get(List<ObjectNode> objects, String kind, String name) {
        return K8s.find(objects, kind, name).orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }
}
