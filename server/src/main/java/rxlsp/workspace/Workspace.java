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

    /**
     * Whether a file may be edited on the user's behalf (a rename): inside a workspace folder, or open
     * in the editor; with no workspace folder at all, any file.
     */
    public boolean inWorkspace(Path file) {
        if (roots.isEmpty()) {
            return true;
        }
        Path normal = file.toAbsolutePath().normalize();
        if (roots.stream().anyMatch(normal::startsWith)) {
            return true;
        }
        return open.values().stream().anyMatch(d -> FileUris.documentPath(d.uri()).equals(normal));
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
    /** Without workspace folders: how far above an open document the files it names may lie (as the root search looks). */
    private static final int LEVELS_WITHOUT_WORKSPACE = 2;

    /**
     * The boundary of the workspace folders, made again when they change; without any (an editor
     * with single files open), the folders of the open documents and two folders above each.
     */
    private rxlsp.embed.ReadBoundary boundary() {
        List<Path> folders = new java.util.ArrayList<>(roots);
        if (folders.isEmpty()) {
            for (OpenDocument d : open.values()) {
                FileUris.pathOf(d.uri()).map(Path::getParent).ifPresent(dir -> {
                    Path up = dir;
                    for (int i = 0; i < LEVELS_WITHOUT_WORKSPACE && up.getParent() != null; i++) {
                        up = up.getParent();
                    }
                    folders.add(up);
                });
            }
        }
        List<Path> expected = (folders.isEmpty() ? List.of(Path.of("")) : folders).stream()
                .map(r -> r.toAbsolutePath().normalize()).distinct().toList();
        rxlsp.embed.ReadBoundary b = boundary;
        if (b == null || !b.roots().equals(expected)) {
            b = rxlsp.embed.ReadBoundary.of(expected);
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

    /** How many folder entries an import completion looks at; larger folders are not hand-written MCL. */
    private static final int MAX_IMPORT_CANDIDATES = 500;

    /**
     * What {@code import "…"} in {@code file} may name locally: the other {@code .mcl} files of its
     * folder and its sub-folders (as {@code dir/}, mgmt's module form), unsaved open documents included.
     */
    public List<String> mclImportCandidates(Path file) {
        Path dir = file.getParent();
        java.util.Set<String> out = new java.util.TreeSet<>();
        if (dir == null) {
            return List.of();
        }
        try (var entries = Files.newDirectoryStream(dir)) {
            int n = 0;
            for (Path p : entries) {
                if (n++ >= MAX_IMPORT_CANDIDATES) {
                    break;
                }
                String name = p.getFileName().toString();
                if (Files.isDirectory(p) && !name.startsWith(".")) {
                    out.add(name + "/");
                } else if (name.endsWith(".mcl") && !p.equals(file)) {
                    out.add(name);
                }
            }
        } catch (IOException | SecurityException e) {
            // an unreadable folder offers nothing
        }
        for (OpenDocument d : open.values()) {
            FileUris.pathOf(d.uri()).filter(p -> dir.equals(p.getParent()) && !p.equals(file)
                    && p.getFileName().toString().endsWith(".mcl")).ifPresent(p -> out.add(p.getFileName().toString()));
        }
        return List.copyOf(out);
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
