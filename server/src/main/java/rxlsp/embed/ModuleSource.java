package rxlsp.embed;

import java.nio.file.Path;
import java.util.Optional;

/** Scans Nix modules by path; implementations cache and read editor buffers before the disk. */
@FunctionalInterface
public interface ModuleSource {
    /** The scan of {@code file}, or empty when it cannot be read. */
    Optional<ModuleScan> scan(Path file);

    /**
     * Whether {@code file} is worth scanning as the root of a configuration: it may import modules
     * at all. Implementations answer from a cheap look at the text (see {@link ModuleCache}); this
     * default scans it.
     */
    /** Why the file is not read although it may exist (see {@link ReadBoundary}), or empty. */
    default Optional<String> refusal(Path file) {
        return Optional.empty();
    }

    default boolean mayBeRoot(Path file) {
        return scan(file).map(s -> !s.imports().isEmpty()).orElse(false);
    }
}
