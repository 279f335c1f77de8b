package rxlsp.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where tests find the project's files and the shared corpus, and how optional tiers skip: visibly
 * when a tool or folder is missing, or failing instead when {@code rx.requireAllTiers} is set (CI).
 */
public final class ProjectPaths {
    private ProjectPaths() {
    }

    public static Path root() {
        String configured = System.getProperty("rx.projectRoot");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("test-fixtures")) ? here : here.getParent();
    }

    public static Path fixtures() {
        return root().resolve("test-fixtures");
    }

    /**
     * The folder holding the test corpora ({@code corpus/}) and reference tables ({@code reference/}):
     * {@code $RX_LSP_SHARED} when set, else {@code ../shared} next to the project.
     */
    public static Path shared() {
        String configured = System.getenv("RX_LSP_SHARED");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return root().resolveSibling("shared");
    }

    /** The shared corpus, or a skip (a failure in CI) when absent. */
    public static Path corpus() {
        Path corpus = shared().resolve("corpus");
        requireTier(Files.isDirectory(corpus), "the shared corpus is not at " + corpus
                + " (scripts/assemble-corpus.sh builds it; RX_LSP_SHARED points at another folder)");
        return corpus;
    }

    public static boolean allTiersRequired() {
        return Boolean.getBoolean("rx.requireAllTiers");
    }

    /** Skips the test with a visible message, unless all tiers are required (then it fails). */
    public static void requireTier(boolean available, String whyNot) {
        if (available) {
            return;
        }
        if (allTiersRequired()) {
            Assertions.fail(whyNot + " (rx.requireAllTiers is set, so this tier may not be skipped)");
        }
        System.err.println("SKIPPED: " + whyNot);
        Assumptions.abort(whyNot);
    }

    /**
     * Makes {@code dir/name} run {@code target}: a two-line script rather than a symbolic link, because
     * JUnit warns about every link in a temporary folder that points outside it when it cleans up.
     */
    public static Path commandShim(Path dir, String name, Path target) throws java.io.IOException {
        Path shim = dir.resolve(name);
        Files.writeString(shim, "#!/bin/sh\nexec '" + target.toString().replace("'", "'\\''") + "' \"$@\"\n");
        if (!shim.toFile().setExecutable(true)) {
            throw new java.io.IOException("cannot make " + shim + " executable");
        }
        return shim;
    }

    /** The absolute path of an executable on PATH. */
    public static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
