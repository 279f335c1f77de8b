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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.security.MessageDigest;
import rxlsp.text.CacheFolder;

/**
 * Supplies jtreesitter with the tree-sitter core, and rx-lsp with the Nix grammar, from the shared
 * libraries the build packages under {@code /native/<os>-<arch>/}. The dynamic loader needs real
 * files: they are unpacked into rx-lsp's cache folder ({@link CacheFolder}), once per build (the
 * folder is named by their hash), and loaded from there by every later run. The system property
 * {@code rx.native.dir} points to a folder holding the libraries instead.
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
            String base = "/native/" + platform() + "/";
            try {
                Map<String, byte[]> libraries = new LinkedHashMap<>();
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (String lib : new String[] {CORE, NIX}) {
                    String name = System.mapLibraryName(lib);
                    try (InputStream in = NativeLibraries.class.getResourceAsStream(base + name)) {
                        if (in == null) {
                            throw new IllegalStateException("rx-lsp was not built for this platform (" + platform()
                                    + "): the jar has no " + base + name + "; rebuild it on this machine");
                        }
                        byte[] bytes = in.readAllBytes();
                        libraries.put(name, bytes);
                        digest.update(bytes);
                    }
                }
                String key = HexFormat.of().formatHex(digest.digest(), 0, 8);
                return unpack(CacheFolder.path().resolve("native-" + platform() + "-" + key), libraries);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack the tree-sitter libraries into " + CacheFolder.path(), e);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * The libraries in {@code dir}, unpacked there unless an earlier run did: into a folder of
         * their own first, then renamed into place in one step, so that two servers starting at once
         * never load half-written files.
         */
        private static Path unpack(Path dir, Map<String, byte[]> libraries) throws IOException {
            if (libraries.keySet().stream().allMatch(name -> Files.isRegularFile(dir.resolve(name)))) {
                return dir;
            }
            Files.createDirectories(dir.getParent());
            Path fresh = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".");
            for (Map.Entry<String, byte[]> lib : libraries.entrySet()) {
                Files.write(fresh.resolve(lib.getKey()), lib.getValue());
            }
            try {
                Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                // another run put them there first (or the folder half exists): use theirs when whole
                try (var leftovers = Files.list(fresh)) {
                    for (Path p : leftovers.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(fresh);
                if (!libraries.keySet().stream().allMatch(name -> Files.isRegularFile(dir.resolve(name)))) {
                    throw raced;
                }
            }
            return dir;
        }
    }
}
