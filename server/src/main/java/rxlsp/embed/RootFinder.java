package rxlsp.embed;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the configuration an open file belongs to: a module is usually imported by a
 * {@code configuration.nix} or {@code flake.nix} in a folder above it. The candidates are the Nix
 * files of the file's folder and of every folder above it up to the workspace folder; the one whose
 * configuration contains the file and has the most modules is the root.
 *
 * <p>The search is bounded so that opening one file in a large repository never parses the
 * repository: a candidate is parsed only when its text is small and may import modules
 * ({@link ModuleSource#mayBeRoot}, a look at its words), there are at most
 * {@link #MAX_FILES_PER_FOLDER} candidates per folder and {@link #MAX_CANDIDATES} in all, and the
 * configurations loaded from the candidates may scan {@link #MAX_MODULES_PER_SEARCH} modules
 * together; a candidate whose configuration would need more is left out, not half-loaded.
 */
public final class RootFinder {
    /** Folders with more Nix files than this are generated trees, not hand-written configurations. */
    private static final int MAX_FILES_PER_FOLDER = 64;
    /** How far up to look when the file is outside every workspace folder. */
    private static final int LEVELS_WITHOUT_WORKSPACE = 2;
    static final int MAX_CANDIDATES = 256;
    static final int MAX_MODULES_PER_SEARCH = 2_000;

    private final ModuleSource modules;
    private final List<Path> workspaceRoots;
    private final List<Path> openFiles;

    /** @param openFiles Nix files open in the editor: candidates too, even when not saved yet */
    public RootFinder(ModuleSource modules, List<Path> workspaceRoots, List<Path> openFiles) {
        this.modules = modules;
        this.workspaceRoots = List.copyOf(workspaceRoots);
        this.openFiles = List.copyOf(openFiles);
    }

    /**
     * The largest configuration, rooted in another file, that contains {@code file} (as a module or
     * as a {@code .mcl} file it reads); empty when no file around imports it.
     */
    public Optional<Configuration> containing(Path file) {
        Configuration best = null;
        Budget budget = new Budget(modules);
        for (Path candidate : candidates(file)) {
            if (candidate.equals(file) || !modules.mayBeRoot(candidate)) {
                continue;
            }
            Optional<ModuleScan> scan = budget.scan(candidate);
            if (scan.isEmpty() || scan.get().imports().isEmpty() && !reads(scan.get(), file)) {
                continue; // neither imports modules nor reads the file: it cannot contain it
            }
            Configuration c = ConfigurationLoader.load(scan.get(), budget);
            if (budget.exhausted()) {
                break; // this one is incomplete, and no module is left for others
            }
            if (c.contains(file) && (best == null || c.modules().size() > best.modules().size())) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The modules the search may still scan; once they are spent, every scan comes back empty. */
    private static final class Budget implements ModuleSource {
        private final ModuleSource modules;
        private int left = MAX_MODULES_PER_SEARCH;

        Budget(ModuleSource modules) {
            this.modules = modules;
        }

        @Override
        public Optional<ModuleScan> scan(Path file) {
            if (left <= 0) {
                left = -1;
                return Optional.empty();
            }
            left--;
            return modules.scan(file);
        }

        boolean exhausted() {
            return left < 0;
        }

        @Override
        public Optional<String> refusal(Path file) {
            return modules.refusal(file);
        }
    }

    /** Whether a module reads {@code file} itself ({@code builtins.readFile}, e.g. in a flake's inline module). */
    private static boolean reads(ModuleScan scan, Path file) {
        return scan.sites().stream().anyMatch(s -> file.equals(s.readFile()));
    }

    private List<Path> candidates(Path file) {
        Path top = workspaceRoots.stream().filter(file::startsWith).findFirst().orElse(null);
        List<Path> out = new ArrayList<>(openFiles);
        int level = 0;
        for (Path dir = file.getParent(); dir != null && out.size() < MAX_CANDIDATES; dir = dir.getParent(), level++) {
            if (top == null && level > LEVELS_WITHOUT_WORKSPACE) {
                break;
            }
            nixFilesIn(dir).stream().filter(f -> !openFiles.contains(f)).forEach(out::add);
            if (dir.equals(top)) {
                break;
            }
        }
        return out.size() <= MAX_CANDIDATES ? out : out.subList(0, MAX_CANDIDATES);
    }

    private static List<Path> nixFilesIn(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.nix")) {
            for (Path f : files) {
                if (out.size() >= MAX_FILES_PER_FOLDER) {
                    return List.of(); // a generated tree (the listing order would pick an arbitrary part)
                }
                out.add(f);
            }
        } catch (IOException | SecurityException e) {
            // an unreadable folder has no candidates
        }
        out.sort(null);
        return out;
    }
}
