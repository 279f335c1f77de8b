package rxlsp.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import rxlsp.embed.Configuration;
import rxlsp.embed.ConfigurationLoader;
import rxlsp.embed.ModuleCache;
import rxlsp.embed.ModuleScan;
import rxlsp.embed.NixFragmentReader;
import rxlsp.embed.NixVersion;
import rxlsp.embed.RootFinder;
import rxlsp.embed.SourceFiles;
import rxlsp.mcl.Dialect;
import rxlsp.text.Diagnostic;

/**
 * What analysing one open file needs to know about the others: the configuration it belongs to,
 * assembled from the editor's buffers and the disk. Shared by all open documents; thread-safe.
 */
public final class ConfigurationContext implements AutoCloseable {
    private final ModuleCache modules;
    private final NixFragmentReader reader;
    private final Supplier<List<Path>> workspaceRoots;
    private final Supplier<List<Path>> openNixFiles;
    private final MclParseCache parses = new MclParseCache();
    private final Supplier<NixVersion> nixVersion;

    /**
     * @param files        the editor's buffers over the disk
     * @param openNixFiles the Nix files open in the editor (saved or not)
     */
    public ConfigurationContext(SourceFiles files, Supplier<List<Path>> workspaceRoots, Supplier<List<Path>> openNixFiles) {
        this(files, workspaceRoots, openNixFiles, () -> NixVersion.CURRENT);
    }

    /** @param nixVersion the user's {@code nixVersion} setting, read per analysis */
    public ConfigurationContext(SourceFiles files, Supplier<List<Path>> workspaceRoots, Supplier<List<Path>> openNixFiles,
                                Supplier<NixVersion> nixVersion) {
        this.nixVersion = nixVersion;
        this.modules = new ModuleCache(files);
        this.reader = new NixFragmentReader(files);
        this.workspaceRoots = workspaceRoots;
        this.openNixFiles = openNixFiles;
    }

    /**
     * The diagnostics the configuration containing {@code file} puts on it.
     *
     * @param scan the file's own scan when it is a Nix module (fresh from the editor's text), else null
     * @return empty when {@code file} is a {@code .mcl} file no configuration reads (it stands alone)
     */
    public Optional<List<Diagnostic>> diagnosticsFor(Path file, ModuleScan scan, Dialect dialect,
                                                     rxlsp.mcl.catalog.Catalog catalog) {
        return diagnosticsFor(file, scan, dialect, catalog, nixVersion.get());
    }

    /** @param nix the Nix that evaluates the configuration (its JSON shapes rendered floats) */
    public Optional<List<Diagnostic>> diagnosticsFor(Path file, ModuleScan scan, Dialect dialect,
                                                     rxlsp.mcl.catalog.Catalog catalog, NixVersion nix) {
        if (scan != null) {
            modules.put(scan);
            if (inert(scan)) {
                // a configuration only puts diagnostics on a module's own MCL sites, rx.res fields and
                // imports; without any, the root search (folder listings, loading the candidates) and
                // the assembly can find nothing here, and that is most Nix files on every keystroke
                return Optional.of(List.of());
            }
        }
        Optional<Configuration> found = new RootFinder(modules, workspaceRoots.get(), openNixFiles.get()).containing(file);
        Configuration cfg;
        if (found.isPresent()) {
            cfg = found.get();
        } else if (scan != null) {
            cfg = ConfigurationLoader.load(scan, modules);
        } else {
            return Optional.empty();
        }
        ConfigurationChecker.Report report = new ConfigurationChecker(modules, reader, dialect, catalog, parses, nix)
                .check(cfg); // loaded once, by the root search or here
        return Optional.of(report.diagnostics().getOrDefault(file, List.of()));
    }

    private static boolean inert(ModuleScan scan) {
        return scan.isInert();
    }

    @Override
    public void close() {
        modules.close();
    }
}
