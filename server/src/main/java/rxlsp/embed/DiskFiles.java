package rxlsp.embed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import rxlsp.text.SourceText;

/**
 * Files read from the disk, decoded as rx-lsp reads every source (BOM dropped, UTF-8). A file is
 * read again only when its modification time or size changed: the server asks for the same
 * modules on every keystroke. The texts kept are bounded ({@link #MAX_CACHED_CHARS}, least
 * recently used first out), so a long session over a large repository does not keep all of it.
 * Only regular files are read: a FIFO or a device would block or never end.
 */
public final class DiskFiles implements SourceFiles {
    /** Larger files are not sources anyone writes by hand; reading them would only cost memory. */
    private static final long MAX_BYTES = 64L << 20;
    /** The texts kept between reads, in characters. */
    static final long MAX_CACHED_CHARS = 64L << 20;

    private record Entry(FileTime modified, long size, Optional<String> text) {
        long chars() {
            return text.map(String::length).orElse(0);
        }
    }

    private final Map<Path, Entry> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedChars;

    @Override
    public Optional<String> read(Path file) {
        return readAtMost(file, MAX_BYTES);
    }

    /**
     * Files with certainly more than {@code maxChars} characters are not read: a character of
     * UTF-8 takes at most 3 bytes per UTF-16 code unit, so one of more than 3 × maxChars bytes.
     */
    @Override
    public Optional<String> readAtMost(Path file, long maxChars) {
        long maxBytes = maxChars >= MAX_BYTES / 3 ? MAX_BYTES : maxChars * 3;
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attrs.isRegularFile() || attrs.size() > maxBytes) {
                return Optional.empty();
            }
            Entry e = cached(file);
            if (e != null && e.modified().equals(attrs.lastModifiedTime()) && e.size() == attrs.size()) {
                return e.text().filter(t -> t.length() <= maxChars);
            }
            Optional<String> text = decode(Files.readAllBytes(file));
            remember(file, new Entry(attrs.lastModifiedTime(), attrs.size(), text));
            return text.filter(t -> t.length() <= maxChars);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** A file that exists but is no regular file or folder (a FIFO, a device) is never read, and that is said. */
    @Override
    public Optional<String> refusal(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            return attrs.isRegularFile() || attrs.isDirectory() ? Optional.empty()
                    : Optional.of("not a regular file (a FIFO or a device, which rx-lsp never reads)");
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private synchronized Entry cached(Path file) {
        return cache.get(file);
    }

    private synchronized void remember(Path file, Entry entry) {
        Entry old = cache.put(file, entry);
        cachedChars += entry.chars() - (old == null ? 0 : old.chars());
        for (Iterator<Map.Entry<Path, Entry>> it = cache.entrySet().iterator(); cachedChars > MAX_CACHED_CHARS && it.hasNext(); ) {
            Map.Entry<Path, Entry> eldest = it.next();
            if (eldest.getKey().equals(file)) {
                continue;
            }
            cachedChars -= eldest.getValue().chars();
            it.remove();
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
