package org.newsroom.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the repository, its deploy/ folder and the shared folder (../shared, with the CRDs) are. */
public final class ProjectPaths {
    private ProjectPaths() {
    }

    /** The repository root: system property newsroom.project.dir, else found upwards from the working directory. */
    public static Path projectDir() {
        String prop = System.getProperty("newsroom.project.dir");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Paths.get(prop, "deploy"))) {
            return Paths.get(prop).toAbsolutePath().normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("deploy")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.normalize();
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root (a folder with deploy/ and pom.xml)"
                + " above " + Paths.get("").toAbsolutePath());
    }

    /** deploy/ in the repository. */
    public static Path deployDir() {
        return projectDir().resolve("deploy");
    }

    /** The kustomization root of an overlay, e.g. "prod". */
    public static Path overlay(String name) {
        return deployDir().resolve("k8s/overlays").resolve(name);
    }

    /**
     * The shared folder: system property newsroom.shared.dir, else env NEWSROOM_SHARED_DIR, else
     * ../shared beside the repository. It may not exist; see {@link #crdDir()}.
     */
    public static Path sharedDir() {
        String prop = System.getProperty("newsroom.shared.dir");
        if (prop == null || prop.isBlank()) {
            prop = System.getenv("NEWSROOM_SHARED_DIR");
        }
        if (prop != null && !prop.isBlank()) {
            return Paths.get(prop).toAbsolutePath().normalize();
        }
        return projectDir().resolveSibling("shared").normalize();
    }

    /** The CRD folder under the shared folder. */
    public static Path crdDir() {
        return sharedDir().resolve("crds");
    }

    /** Whether this run is CI (env CI=true), where missing shared files are a failure, not a skip. */
    public static boolean isCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
