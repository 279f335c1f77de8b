package rxlsp.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Files a project does not want checked: glob patterns ({@code vendor/**}, {@code **}{@code /generated.nix})
 * relative to the folder of its configuration file. A pattern matches a file or any folder above it.
 */
public record PathExcludes(Path base, List<String> patterns) {
    public static final PathExcludes NONE = new PathExcludes(Path.of(""), List.of());

    public PathExcludes {
        base = base.toAbsolutePath().normalize();
        patterns = List.copyOf(patterns);
    }

    public boolean excludes(Path file) {
        if (patterns.isEmpty()) {
            return false;
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(base)) {
            return false;
        }
        Path relative = base.relativize(absolute);
        for (String pattern : patterns) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            for (Path p = relative; p != null && !p.toString().isEmpty(); p = p.getParent()) {
                if (m.matches(p)) {
                    return true;
                }
            }
        }
        return false;
    }
}
