package rxlsp.embed;

import java.nio.file.Path;
import java.util.Optional;

/** Scans Nix modules by path; implementations cache and read editor buffers before the disk. */
@FunctionalInterface
public interface ModuleSource {
    /** The scan of {@code file}, or empty when it cannot be read. */
    Optional<ModuleScan> scan(Path file);
}
