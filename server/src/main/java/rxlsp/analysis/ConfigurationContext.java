package rxlsp.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import rxlsp.embed.Configuration;
import rxlsp.embed.ConfigurationLoader;
import rxlsp.embed.FragmentSite;
import rxlsp.embed.ModuleCache;
import rxlsp.embed.ModuleScan;
import rxlsp.embed.NixFragmentReader;
import rxlsp.embed.NixVersion;
import rxlsp.embed.RootFinder;
import rxlsp.embed.SourceFiles;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.catalog.Catalog;

/**
 * What analysing one open file needs to know about the others: the configuration it belongs to,
 * assembled from the editor's buffers and the disk, and its model. A configuration's model is kept by
 * its root and reused while its inputs (every module's text, every file it reads, the dialect and the
 * catalogue) are the same, so that after a keystroke in one module the configuration is analysed
 * once, however many of its files are open. Shared by all open documents; thread-safe.
 */
public final class ConfigurationContext implements AutoCloseable {
    /** More configurations than an editor session has open at once. */
    private static final int MAX_MODELS = 32;

    private final SourceFiles files;
    private final ModuleCache modules;
    private final NixFragmentReader reader;
    private final Supplier<List<Path>> workspaceRoots;
    private final Supplier<List<Path>> openNixFiles;
    private final MclParseCache parses = new MclParseCache();
    private final Supplier<NixVersion> nixVersion;

    /** A model and the inputs it was made from. */
    private record Kept(List<ModuleScan> modules, Map<Path, Optional<String>> readFiles, DialectChoice dialects,
                        Catalog catalog, NixVersion nix, ConfigurationModel model) {
    }

    private final Map<Path, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Kept> eldest) {
            return size() > MAX_MODELS;
        }
    };

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
        this.files = files;
        this.modules = new ModuleCache(files);
        this.reader = new NixFragmentReader(files);
        this.workspaceRoots = workspaceRoots;
        this.openNixFiles = openNixFiles;
    }

    /**
     * The model of the configuration containing {@code file}.
     *
     * @param scan the file's own scan when it is a Nix module (fresh from the editor's text), else null
     * @return empty when the file puts nothing into any configuration (a {@code .mcl} file no
     *         configuration reads stands alone; a Nix file without rx.nix options is plain Nix)
     */
    public Optional<ConfigurationModel> modelFor(Path file, ModuleScan scan, DialectChoice dialects,
                                                 java.util.function.Function<Dialect, Catalog> catalogs) {
        if (scan != null) {
            modules.put(scan);
            if (inert(scan)) {
                // a configuration only puts diagnostics on a module's own MCL sites, rx.res fields and
                // imports; without any, the root search (folder listings, loading the candidates) and
                // the assembly can find nothing here, and that is most Nix files on every keystroke
                return Optional.empty();
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
        return Optional.of(model(cfg, dialects, catalogs));
    }

    private ConfigurationModel model(Configuration cfg, DialectChoice dialects, java.util.function.Function<Dialect, Catalog> catalogs) {
        NixVersion nix = nixVersion.get();
        Kept k;
        synchronized (kept) {
            k = kept.get(cfg.root());
        }
        if (k != null && k.dialects().equals(dialects) && k.catalog() == catalogs.apply(k.model().dialect()) && k.nix() == nix
                && sameModules(k.modules(), cfg.modules()) && k.readFiles().equals(readFiles(cfg))) {
            return k.model();
        }
        ConfigurationModel model = new ConfigurationChecker(modules, reader, dialects, catalogs, parses, nix).check(cfg);
        synchronized (kept) {
            kept.put(cfg.root(), new Kept(cfg.modules(), readFiles(cfg), dialects, catalogs.apply(model.dialect()), nix,
                    model));
        }
        return model;
    }

    /** The same scans: the module cache hands out one scan per text, so identity means "unchanged". */
    private static boolean sameModules(List<ModuleScan> a, List<ModuleScan> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** The texts of the files the configuration's modules read with {@code readFile}. */
    private Map<Path, Optional<String>> readFiles(Configuration cfg) {
        Map<Path, Optional<String>> out = new LinkedHashMap<>();
        for (ModuleScan m : cfg.modules()) {
            for (FragmentSite s : m.sites()) {
                if (s.readFile() != null) {
                    out.computeIfAbsent(s.readFile(), files::read);
                }
            }
        }
        return out;
    }

    /** The models kept right now (for workspace-wide questions such as workspace symbols). */
    public List<ConfigurationModel> models() {
        synchronized (kept) {
            List<ConfigurationModel> out = new ArrayList<>();
            kept.values().forEach(k -> out.add(k.model()));
            return out;
        }
    }

    private static boolean inert(ModuleScan scan) {
        return scan.isInert();
    }

    @Override
    public void close() {
        modules.close();
    }
}
