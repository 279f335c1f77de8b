package rxlsp.workspace;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What rx-lsp knows of the user's files: the documents open in the editor (their text wins over the
 * disk) and the workspace folders, through which later layers read files that are not open.
 */
public final class Workspace {
    private final Map<String, OpenDocument> open = new ConcurrentHashMap<>();
    private final List<Path> roots = new CopyOnWriteArrayList<>();

    public OpenDocument open(String uri, FileKind kind, int version, String text) {
        OpenDocument doc = new OpenDocument(uri, kind, version, text);
        open.put(uri, doc);
        return doc;
    }

    public Optional<OpenDocument> get(String uri) {
        return Optional.ofNullable(open.get(uri));
    }

    public Optional<OpenDocument> close(String uri) {
        return Optional.ofNullable(open.remove(uri));
    }

    public void addRoot(Path root) {
        roots.add(root);
    }

    public List<Path> roots() {
        return List.copyOf(roots);
    }

    private final rxlsp.embed.DiskFiles disk = new rxlsp.embed.DiskFiles();

    /** The paths of the open Nix documents with {@code file:} URIs. */
    public List<Path> openNixFiles() {
        return open.values().stream().filter(d -> d.kind() == FileKind.NIX)
                .map(d -> FileUris.pathOf(d.uri())).flatMap(Optional::stream).sorted().toList();
    }

    /**
     * Files by path: the editor's text of open documents, else the disk, within the workspace
     * folders (the working folder when there are none): a file outside them, also one reached
     * through a symbolic link, is not read from the disk, and {@code refusal} says so.
     */
    public rxlsp.embed.SourceFiles files() {
        return new rxlsp.embed.SourceFiles() {
            @Override
            public Optional<String> read(Path file) {
                return openText(file).or(() -> onDisk().read(file));
            }

            @Override
            public Optional<String> readAtMost(Path file, long maxChars) {
                Optional<String> open = openText(file);
                return open.isPresent() ? open.filter(t -> t.length() <= maxChars) : onDisk().readAtMost(file, maxChars);
            }

            @Override
            public Optional<String> refusal(Path file) {
                return openText(file).isPresent() ? Optional.empty() : onDisk().refusal(file);
            }
        };
    }

    private volatile rxlsp.embed.ReadBoundary boundary;

    /** The boundary of the current workspace folders, made again when they change. */
    private rxlsp.embed.ReadBoundary boundary() {
        rxlsp.embed.ReadBoundary b = boundary;
        List<Path> current = List.copyOf(roots);
        List<Path> expected = current.stream().map(r -> r.toAbsolutePath().normalize()).toList();
        if (b == null || !b.roots().equals(expected.isEmpty() ? List.of(Path.of("").toAbsolutePath().normalize()) : expected)) {
            b = rxlsp.embed.ReadBoundary.of(current);
            boundary = b;
        }
        return b;
    }

    private rxlsp.embed.SourceFiles onDisk() {
        return boundary().confine(disk);
    }

    private Optional<String> openText(Path file) {
        for (OpenDocument doc : open.values()) {
            if (FileUris.pathOf(doc.uri()).map(file::equals).orElse(false)) {
                return Optional.of(doc.text());
            }
        }
        return Optional.empty();
    }

    /** The text of a file: the editor's version when open, else what is on disk. */
    public Optional<String> read(String uri) {
        OpenDocument doc = open.get(uri);
        if (doc != null) {
            return Optional.of(doc.text());
        }
        try {
            Path path = Path.of(URI.create(uri));
            return Optional.of(Files.readString(path));
        } catch (IOException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }
}
