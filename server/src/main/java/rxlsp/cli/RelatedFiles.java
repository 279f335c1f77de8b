package rxlsp.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import rxlsp.embed.DiskFiles;
import rxlsp.text.LineIndex;

/** The files related places of diagnostics lie in: their path as shown (relative to here when below) and their lines. */
final class RelatedFiles {
    /** A file as the report names it, with its line index. */
    record Place(String shown, LineIndex lines) {
    }

    private final DiskFiles disk = new DiskFiles();
    private final Map<Path, Optional<Place>> places = new HashMap<>();
    private final Path cwd = Path.of("").toAbsolutePath();

    Optional<Place> place(Path file) {
        return places.computeIfAbsent(file, f -> disk.read(f)
                .map(text -> new Place(f.startsWith(cwd) ? cwd.relativize(f).toString() : f.toString(), LineIndex.of(text))));
    }
}
