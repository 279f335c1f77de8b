package rxlsp.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import rxlsp.text.SourceText;

/**
 * Files read from the disk, decoded as rx-lsp reads every source (BOM dropped, UTF-8). A file is
 * read again only when its modification time or size changed: the server asks for the same
 * modules on every keystroke.
 */
public final class DiskFiles implements SourceFiles {
    /** Larger files are not sources anyone writes by hand; reading them would only cost memory. */
    private static final long MAX_BYTES = 64L << 20;

    private record Entry(FileTime modified, long size, Optional<String> text) {
    }

    private final Map<Path, Entry> cache = new ConcurrentHashMap<>();

    @Override
    public Optional<String> read(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attrs.isRegularFile() || attrs.size() > MAX_BYTES) {
                return Optional.empty();
            }
            Entry e = cache.get(file);
            if (e != null && e.modified().equals(attrs.lastModifiedTime()) && e.size() == attrs.size()) {
                return e.text();
            }
            Optional<String> text = decode(Files.readAllBytes(file));
            cache.put(file, new Entry(attrs.lastModifiedTime(), attrs.size(), text));
            return text;
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> decode(byte[] bytes) {
        SourceText source = SourceText.decode(bytes);
        if (source.problem().map(p -> p.kind() == SourceText.Kind.BINARY).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(source.text());
    }
}
