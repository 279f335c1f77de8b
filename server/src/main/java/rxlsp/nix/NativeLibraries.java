package rxlsp.nix;

import io.github.treesitter.jtreesitter.NativeLibraryLookup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Supplies jtreesitter with the tree-sitter core, and rx-lsp with the Nix grammar, from the shared
 * libraries the build packages under {@code /native/<os>-<arch>/}. The dynamic loader needs real
 * files: with the system property {@code rx.native.cache} (a folder; the launcher gives the one of
 * its start-up cache) they are unpacked there once per jar and reused by later processes, otherwise
 * copied to a private temporary folder per process. The system property {@code rx.native.dir} points
 * to a folder holding the libraries instead (e.g. the system's tree-sitter, as a Nix package does).
 */
public final class NativeLibraries implements NativeLibraryLookup {
    static final String CORE = "tree-sitter";
    static final String NIX = "tree-sitter-nix";

    @Override
    public SymbolLookup get(Arena arena) {
        return SymbolLookup.libraryLookup(Folder.PATH.resolve(System.mapLibraryName(CORE)), arena);
    }

    static SymbolLookup nixGrammar() {
        return SymbolLookup.libraryLookup(Folder.PATH.resolve(System.mapLibraryName(NIX)), Arena.global());
    }

    /** The platform folder name the build uses, e.g. {@code linux-x86_64}. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String osName = os.startsWith("mac") || os.contains("darwin") ? "macos" : os.startsWith("windows") ? "windows" : "linux";
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String archName = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
        return osName + "-" + archName;
    }

    /** Lazily resolved, then constant for the life of the process (holder idiom). */
    private static final class Folder {
        static final Path PATH = locate();

        private static Path locate() {
            String override = System.getProperty("rx.native.dir");
            if (override != null && !override.isBlank()) {
                return Path.of(override);
            }
            try {
                String cache = System.getProperty("rx.native.cache");
                if (cache != null && !cache.isBlank()) {
                    Path kept = Path.of(cache).resolve("rx-lsp-native-" + jarStamp());
                    if (Files.isRegularFile(kept.resolve(System.mapLibraryName(NIX)))) {
                        return kept;
                    }
                    Path fresh = Files.createTempDirectory(Path.of(cache), "rx-lsp-native-tmp-");
                    unpack(fresh, false);
                    try { // whoever renames first wins; the others use it
                        Files.move(fresh, kept, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException taken) {
                        deleteQuietly(fresh);
                    }
                    if (Files.isRegularFile(kept.resolve(System.mapLibraryName(NIX)))) {
                        return kept;
                    }
                }
                Path dir = Files.createTempDirectory("rx-lsp-native-");
                dir.toFile().deleteOnExit();
                unpack(dir, true);
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack the tree-sitter libraries", e);
            }
        }

        private static void unpack(Path dir, boolean deleteOnExit) throws IOException {
            String base = "/native/" + platform() + "/";
            for (String lib : new String[] {CORE, NIX}) {
                String name = System.mapLibraryName(lib);
                try (InputStream in = NativeLibraries.class.getResourceAsStream(base + name)) {
                    if (in == null) {
                        throw new IllegalStateException("rx-lsp was not built for this platform (" + platform()
                                + "): the jar has no " + base + name + "; rebuild it on this machine");
                    }
                    Path target = dir.resolve(name);
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (deleteOnExit) {
                        target.toFile().deleteOnExit();
                    }
                }
            }
        }

        /** Size and time of the jar the libraries come from: a rebuilt jar gets a folder of its own. */
        private static String jarStamp() throws IOException {
            try {
                Path jar = Path.of(NativeLibraries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
            } catch (java.net.URISyntaxException | RuntimeException e) {
                throw new IOException("cannot tell which jar rx-lsp runs from", e);
            }
        }

        private static void deleteQuietly(Path dir) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a leftover temporary folder in the cache is harmless
            }
        }
    }
}
