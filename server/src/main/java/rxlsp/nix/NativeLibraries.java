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
 * libraries the build packages under {@code /native/<os>-<arch>/}. They are copied once per process
 * to a private temporary folder, because the dynamic loader needs real files. The system property
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
                Path dir = Files.createTempDirectory("rx-lsp-native-");
                dir.toFile().deleteOnExit();
                for (String lib : new String[] {CORE, NIX}) {
                    String name = System.mapLibraryName(lib);
                    try (InputStream in = NativeLibraries.class.getResourceAsStream(base + name)) {
                        if (in == null) {
                            throw new IllegalStateException("rx-lsp was not built for this platform (" + platform()
                                    + "): the jar has no " + base + name + "; rebuild it on this machine");
                        }
                        Path target = dir.resolve(name);
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        target.toFile().deleteOnExit();
                    }
                }
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unpack the tree-sitter libraries", e);
            }
        }
    }
}
