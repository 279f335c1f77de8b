package rxlsp.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.catalog.MgmtDocsException;

/**
 * The catalogue of mgmt that checks use: the built-in one of the chosen mgmt line, with the JSON of
 * the user's own {@code mgmt docs generate} on top when configured (it knows the exact release and
 * the build-time generated {@code golang/*} functions). The JSON is read again only when the file
 * changes. Thread-safe.
 */
public final class CatalogSource {
    /** How long {@code mgmt docs generate} may run before it is given up. */
    private static final long GENERATE_TIMEOUT_SECONDS = 60;

    /**
     * Where the docs JSON comes from.
     *
     * @param mgmtDocs    a file written by {@code mgmt docs generate --output FILE}, or null
     * @param runMgmtDocs run {@code mgmt docs generate} (the {@code mgmt} on PATH) when no file is given
     */
    public record Settings(Path mgmtDocs, boolean runMgmtDocs) {
        public static final Settings NONE = new Settings(null, false);
    }

    /** A catalogue, or what went wrong loading the user's docs (then the built-in one is used). */
    public record Loaded(Catalog catalog, Optional<String> problem) {
    }

    private record Cached(Settings settings, Dialect dialect, FileTime modified, Loaded loaded) {
    }

    /** One loaded catalogue per dialect (a workspace may hold programs of both). */
    private final java.util.Map<Dialect, Cached> cached = new java.util.concurrent.ConcurrentHashMap<>();

    public Loaded catalogFor(Dialect dialect, Settings settings) {
        Catalog builtIn = Catalog.builtIn(dialect);
        if (settings.mgmtDocs() == null && !settings.runMgmtDocs()) {
            return new Loaded(builtIn, Optional.empty());
        }
        Path file = settings.mgmtDocs();
        FileTime modified = file == null ? null : modifiedTime(file);
        Cached c = cached.get(dialect);
        if (c != null && c.settings().equals(settings) && c.dialect() == dialect && java.util.Objects.equals(c.modified(), modified)) {
            return c.loaded();
        }
        Loaded loaded;
        try {
            Catalog docs = file != null ? read(file) : generate();
            loaded = new Loaded(builtIn.overlay(docs), Optional.empty());
        } catch (IOException e) {
            loaded = new Loaded(builtIn, Optional.of("mgmt docs " + (file != null ? "file " + file : "generation")
                    + " not used: " + e.getMessage()));
        }
        cached.put(dialect, new Cached(settings, dialect, modified, loaded));
        return loaded;
    }

    private static FileTime modifiedTime(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return null;
        }
    }

    private static Catalog read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Catalog.fromMgmtDocs(r);
        } catch (MgmtDocsException e) {
            throw e;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("there is no such file", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException("permission denied", e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException("it is not UTF-8 text", e);
        } catch (IOException e) {
            throw new IOException("cannot read it (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
    }

    /** Runs {@code mgmt docs generate}: only when the user asked for it in the settings. */
    private static Catalog generate() throws IOException {
        Files.createDirectories(rxlsp.text.CacheFolder.path());
        Path out = Files.createTempFile(rxlsp.text.CacheFolder.path(), "mgmt-docs", ".json"); // rx-lsp writes nowhere else
        try {
            Process p = new ProcessBuilder(List.of("mgmt", "docs", "generate", "--output", out.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(GENERATE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("`mgmt docs generate` did not finish within " + GENERATE_TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException("`mgmt docs generate` failed with exit status " + p.exitValue());
            }
            return read(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running `mgmt docs generate`", e);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
