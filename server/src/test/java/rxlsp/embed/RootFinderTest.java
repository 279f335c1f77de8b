package rxlsp.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a module's configuration root without reading, let alone parsing, what cannot be one. */
class RootFinderTest {
    @TempDir
    Path dir;

    /** The disk, counting which files were read in full (a scan, and so a parse, needs that). */
    private static final class CountingFiles implements SourceFiles {
        private final DiskFiles disk = new DiskFiles();
        final Set<Path> readInFull = ConcurrentHashMap.newKeySet();
        final Map<Path, Integer> looks = new ConcurrentHashMap<>();

        @Override
        public Optional<String> read(Path file) {
            readInFull.add(file);
            return disk.read(file);
        }

        @Override
        public Optional<String> readAtMost(Path file, long maxChars) {
            looks.merge(file, 1, Integer::sum);
            return disk.readAtMost(file, maxChars);
        }
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private static final String MODULE = "{ rx.mcl.raw = [ \"$x = 1\\n\" ]; }\n";

    @Test
    void findsTheRootAndReadsNothingThatCannotBeOne() throws IOException {
        Path module = write("host/modules/site.nix", MODULE);
        Path root = write("host/configuration.nix", "{ imports = [ ./modules/site.nix ]; }\n");
        // next to the root: a generated file of 10 MB that mentions `imports` (only its size rules it out)
        StringBuilder big = new StringBuilder("{ imports = [ ];\n");
        while (big.length() < 10_000_000) {
            big.append("  a").append(big.length()).append(" = \"some generated value\";\n");
        }
        Path generated = write("host/generated.nix", big.append("}\n").toString());
        // and small files without the words a root needs
        for (int i = 0; i < 30; i++) {
            write("host/pkgs-" + i + ".nix", "{ pkgs }: pkgs.hello\n");
        }
        CountingFiles files = new CountingFiles();
        try (ModuleCache cache = new ModuleCache(files)) {
            Optional<Configuration> found = new RootFinder(cache, List.of(dir), List.of()).containing(module);
            assertEquals(root, found.orElseThrow().root());
            assertFalse(files.readInFull.contains(generated), "the 10 MB file was read");
            assertTrue(files.looks.containsKey(generated), "it was a candidate, looked at by size");
            assertEquals(Set.of(root, module), files.readInFull, "only the root and what it imports are read in full");
            // a second search looks again (the files may have changed) but parses nothing new
            files.readInFull.clear();
            assertEquals(root, new RootFinder(cache, List.of(dir), List.of()).containing(module).orElseThrow().root());
            assertFalse(files.readInFull.contains(generated));
        }
    }

    @Test
    void aFolderOfGeneratedFilesIsNoPlaceForARoot() throws IOException {
        Path module = write("repo/pkgs/by-name/he/hello/module.nix", MODULE);
        for (int i = 0; i < 2_000; i++) {
            write("repo/pkgs/by-name/he/file-" + i + ".nix", "{ imports = [ ./hello/module.nix ]; }\n");
        }
        Path root = write("repo/configuration.nix", "{ imports = [ ./pkgs/by-name/he/hello/module.nix ]; }\n");
        CountingFiles files = new CountingFiles();
        try (ModuleCache cache = new ModuleCache(files)) {
            Optional<Configuration> found = new RootFinder(cache, List.of(dir.resolve("repo")), List.of()).containing(module);
            assertEquals(root, found.orElseThrow().root());
            Set<String> looked = files.looks.keySet().stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            assertFalse(looked.contains("file-0.nix"), "a folder of 2,000 Nix files is skipped: " + looked.size() + " looked at");
            assertTrue(files.looks.size() < RootFinder.MAX_CANDIDATES);
        }
    }

    @Test
    void aCandidateImportingEndlesslyIsGivenUpWithinTheBudget() throws IOException {
        Path module = write("chain/site.nix", MODULE);
        // chain/root.nix imports m0, which imports m1, ... more modules than a search may scan
        int n = RootFinder.MAX_MODULES_PER_SEARCH + 500;
        for (int i = 0; i < n; i++) {
            write("chain/m/m" + i + ".nix", "{ imports = [ ./m" + (i + 1) + ".nix ]; }\n");
        }
        write("chain/m/m" + n + ".nix", "{ imports = [ ../site.nix ]; }\n");
        write("chain/root.nix", "{ imports = [ ./m/m0.nix ]; }\n");
        CountingFiles files = new CountingFiles();
        try (ModuleCache cache = new ModuleCache(files)) {
            Optional<Configuration> found = new RootFinder(cache, List.of(dir.resolve("chain")), List.of()).containing(module);
            assertTrue(found.isEmpty(), "a configuration beyond the budget is not half-loaded");
            assertTrue(files.readInFull.size() <= RootFinder.MAX_MODULES_PER_SEARCH + 2, files.readInFull.size() + " read");
        }
    }

    @Test
    void theCacheParsesNothingWithoutRxNixWords() throws IOException {
        Path plain = write("plain.nix", "{ pkgs }: { environment.systemPackages = [ pkgs.hello ]; }\n");
        try (ModuleCache cache = new ModuleCache(new DiskFiles())) {
            ModuleScan scan = cache.scan(plain).orElseThrow();
            assertTrue(scan.sites().isEmpty() && scan.imports().isEmpty() && scan.resFields().isEmpty());
            assertFalse(cache.mayBeRoot(plain));
        }
    }
}
