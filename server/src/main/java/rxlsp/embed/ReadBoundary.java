package rxlsp.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folders rx-lsp reads from when one file names another (a Nix {@code imports} entry, a
 * {@code readFile} target): the workspace. A path outside it, written as such or reached through
 * {@code ..} or a symbolic link, is not read, and the refusal says why, so that the user is told
 * instead of seeing a silently missing file. Files the user names themselves (an open document, a
 * path given to {@code check}) are not subject to it.
 *
 * @param roots the folders, as given (absolute, normalised) and as real paths (symbolic links resolved)
 */
public record ReadBoundary(List<Path> roots, List<Path> realRoots) {
    public ReadBoundary {
        roots = List.copyOf(roots);
        realRoots = List.copyOf(realRoots);
    }

    /** The boundary of these folders (at least one; the working folder when none is given). */
    public static ReadBoundary of(List<Path> folders) {
        List<Path> given = new ArrayList<>();
        List<Path> real = new ArrayList<>();
        List<Path> all = folders.isEmpty() ? List.of(Path.of("")) : folders;
        for (Path f : all) {
            Path abs = f.toAbsolutePath().normalize();
            if (given.contains(abs)) {
                continue;
            }
            given.add(abs);
            try {
                real.add(abs.toRealPath());
            } catch (IOException | SecurityException e) {
                real.add(abs);
            }
        }
        return new ReadBoundary(given, real);
    }

    /**
     * Why {@code file} is not read, or empty when it is inside. A path outside is refused without
     * looking at it, whether it exists or not: nothing outside the workspace is even asked about.
     */
    public Optional<String> refusal(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (roots.stream().noneMatch(abs::startsWith)) {
            return Optional.of("outside the workspace (" + roots.getFirst() + (roots.size() > 1 ? ", …" : "") + ")");
        }
        if (!Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty(); // missing: the read fails and says so
        }
        Path real;
        try {
            real = Files.exists(abs) ? abs.toRealPath() : realParent(abs); // a dangling link: where it points
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // unreadable: the read itself fails and says so
        }
        if (realRoots.stream().noneMatch(real::startsWith)) {
            return Optional.of("a symbolic link out of the workspace, to " + real);
        }
        return Optional.empty();
    }

    /** The real path of a file that does not exist: its nearest existing folder's, plus the rest. */
    private static Path realParent(Path abs) throws IOException {
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    }

    /** {@code files} confined to this boundary: a file outside reads as absent, and {@link SourceFiles#refusal} says why. */
    public SourceFiles confine(SourceFiles files) {
        ReadBoundary boundary = this;
        return new SourceFiles() {
            @Override
            public Optional<String> read(Path file) {
                return boundary.refusal(file).isPresent() ? Optional.empty() : files.read(file);
            }

            @Override
            public Optional<String> readAtMost(Path file, long maxChars) {
                return boundary.refusal(file).isPresent() ? Optional.empty() : files.readAtMost(file, maxChars);
            }

            @Override
            public Optional<String> refusal(Path file) {
                return boundary.refusal(file).or(() -> files.refusal(file));
            }
        };
    }
}
