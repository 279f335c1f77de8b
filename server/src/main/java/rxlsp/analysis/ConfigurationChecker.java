package rxlsp.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import rxlsp.embed.AssembledProgram;
import rxlsp.embed.Configuration;
import rxlsp.embed.ConfigurationLoader;
import rxlsp.embed.FileDiagnostic;
import rxlsp.embed.FragmentReader;
import rxlsp.embed.FragmentRole;
import rxlsp.embed.FragmentSite;
import rxlsp.embed.HolePlaceholders;
import rxlsp.embed.ModuleImport;
import rxlsp.embed.ModuleScan;
import rxlsp.embed.ModuleSource;
import rxlsp.embed.NixVersion;
import rxlsp.embed.ProgramAssembler;
import rxlsp.embed.ResSchema;
import rxlsp.embed.ResSchemaChecks;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.text.Diagnostic;

/**
 * Checks the rx.nix side of a set of Nix modules: groups them into configurations (a module no other
 * module imports is a root; the rest are reached through {@code imports}), assembles each
 * configuration's {@code main.mcl} and reports what is wrong in it, on the files it came from.
 */
public final class ConfigurationChecker {
    private final ModuleSource modules;
    private final FragmentReader reader;
    private final DialectChoice dialects;
    private final java.util.function.Function<Dialect, Catalog> catalogs;
    private final MclParseCache parses;
    private final NixVersion nix;

    /** @param catalog what the mgmt the configuration deploys with offers (built-in, or from its docs) */
    public ConfigurationChecker(ModuleSource modules, FragmentReader reader, Dialect dialect, Catalog catalog) {
        this(modules, reader, DialectChoice.of(dialect), d -> catalog, new MclParseCache());
    }

    /**
     * @param dialects how the dialect of each program is chosen
     * @param catalogs what the mgmt of a dialect offers (built-in, or with the user's docs)
     * @param parses   parses kept from earlier checks (the editor re-checks after every keystroke)
     */
    public ConfigurationChecker(ModuleSource modules, FragmentReader reader, DialectChoice dialects,
                                java.util.function.Function<Dialect, Catalog> catalogs, MclParseCache parses) {
        this(modules, reader, dialects, catalogs, parses, NixVersion.CURRENT);
    }

    /** @param nix the Nix that evaluates the configurations (its JSON shapes rendered floats) */
    public ConfigurationChecker(ModuleSource modules, FragmentReader reader, DialectChoice dialects,
                                java.util.function.Function<Dialect, Catalog> catalogs, MclParseCache parses,
                                NixVersion nix) {
        this.modules = modules;
        this.reader = reader;
        this.dialects = dialects;
        this.catalogs = catalogs;
        this.parses = parses;
        this.nix = nix;
    }

    /**
     * What checking the configurations of {@code scans} found.
     *
     * @param diagnostics per file, including files outside {@code scans} (imported modules, {@code .mcl} files)
     * @param programFiles the {@code .mcl} files that are part of a program (analysed there, not alone)
     * @param assembled    the configurations whose program was assembled, in the order checked
     */
    public record Report(Map<Path, List<Diagnostic>> diagnostics, Set<Path> programFiles,
                         Map<Path, Dialect> chosenDialects, List<Assembled> assembled) {
    }

    /** One configuration whose {@code main.mcl} was assembled: its root module, how many modules and MCL fragments. */
    public record Assembled(Path root, int modules, int fragments) {
    }

    public Report check(List<ModuleScan> scans) {
        Map<Path, Set<Diagnostic>> found = new TreeMap<>();
        Set<Path> programFiles = new HashSet<>();
        Set<Path> checkedModules = new HashSet<>();
        Map<Path, Dialect> chosen = new TreeMap<>();
        List<Assembled> assembled = new ArrayList<>();
        for (ModuleScan root : roots(scans)) {
            if (checkedModules.contains(root.file())) {
                continue;
            }
            ConfigurationModel model = check(ConfigurationLoader.load(root, modules));
            model.configuration().modules().forEach(m -> checkedModules.add(m.file()));
            checkedModules.addAll(model.configuration().left()); // disabled: no configuration of their own
            // a module reached from two roots reports the same findings twice: the sets keep one
            model.diagnostics().forEach((file, ds) -> found.computeIfAbsent(file, k -> new LinkedHashSet<>()).addAll(ds));
            programFiles.addAll(model.programFiles());
            if (model.program() != null) {
                if (model.dialectChosen()) {
                    chosen.put(model.root(), model.dialect());
                }
                List<ModuleScan> ms = model.configuration().modules();
                assembled.add(new Assembled(model.configuration().root(), ms.size(),
                        ms.stream().mapToInt(m -> m.sites().size()).sum()));
            }
        }
        return new Report(sorted(found), programFiles, chosen, List.copyOf(assembled));
    }

    /** What checking one configuration, already loaded, finds, with the MCL units kept for the editor. */
    public ConfigurationModel check(Configuration cfg) {
        Map<Path, Set<Diagnostic>> found = new TreeMap<>();
        Set<Path> programFiles = new HashSet<>();
        List<MclUnit> units = new ArrayList<>();
        List<FileDiagnostic> moduleFindings = new ArrayList<>();
        for (ModuleScan m : cfg.modules()) {
            moduleFindings.addAll(moduleChecks(m, units));
            m.sites().stream().filter(s -> s.readFile() != null).forEach(s -> programFiles.add(s.readFile()));
        }
        add(found, moduleFindings);
        AssembledProgram program = null;
        Dialect dialect = dialects.fixed() != null ? dialects.fixed() : DialectChoice.DEFAULT;
        List<FileDiagnostic> programFindings = List.of();
        if (cfg.contributesToProgram()) {
            program = ProgramAssembler.assemble(cfg, reader, nix);
            dialect = dialects.choose(EmbeddedMcl.sources(program), parses);
            EmbeddedMcl.Checked checked = EmbeddedMcl.check(program, dialect, catalogs.apply(dialect), moduleFindings,
                    parses, cfg.root());
            programFindings = checked.diagnostics();
            add(found, programFindings);
            units.add(0, checked.unit());
        }
        add(found, MissingModules.judged(cfg.problems(), programFindings));
        return new ConfigurationModel(cfg, program, units, sorted(found), programFiles, dialect, dialects.automatic());
    }

    private static Map<Path, List<Diagnostic>> sorted(Map<Path, Set<Diagnostic>> found) {
        Map<Path, List<Diagnostic>> out = new TreeMap<>();
        found.forEach((file, ds) -> {
            List<Diagnostic> list = new ArrayList<>(ds);
            list.sort(Diagnostic.BY_POSITION);
            out.put(file, List.copyOf(list));
        });
        return out;
    }

    /**
     * Modules no other module of the set imports, then any left over (modules that only import each
     * other). A module with nothing for rx.nix ({@link ModuleScan#isInert}) is no root: alone it is
     * an empty configuration (most files of a repository; {@code check} met thousands of them).
     */
    static List<ModuleScan> roots(List<ModuleScan> scans) {
        Set<Path> imported = new HashSet<>();
        for (ModuleScan s : scans) {
            for (ModuleImport i : s.imports()) {
                imported.add(i.target());
                imported.add(i.target().resolve("default.nix"));
            }
        }
        List<ModuleScan> sorted = new ArrayList<>();
        for (ModuleScan s : scans) {
            if (!s.isInert()) {
                sorted.add(s);
            }
        }
        sorted.sort(Comparator.comparing(ModuleScan::file));
        // one root per file, compared by path: a scan's own equality would hash its whole text
        Set<Path> seen = new HashSet<>();
        List<ModuleScan> roots = new ArrayList<>();
        for (ModuleScan s : sorted) {
            if (!imported.contains(s.file()) && seen.add(s.file())) {
                roots.add(s);
            }
        }
        for (ModuleScan s : sorted) {
            if (seen.add(s.file())) {
                roots.add(s);
            }
        }
        return roots;
    }

    /** A module's own checks: its rx.res fields and its marked strings (programs of their own, kept in {@code units}). */
    private List<FileDiagnostic> moduleChecks(ModuleScan m, List<MclUnit> units) {
        List<FileDiagnostic> out = new ArrayList<>(ResSchemaChecks.check(m, ResSchema::builtIn));
        for (FragmentSite site : m.sites()) {
            if (site.role() == FragmentRole.MARKED) {
                reader.read(site, m, out).ifPresent(f -> {
                    // a program of its own: read in its own dialect
                    Dialect dialect = dialects.choose(List.of(HolePlaceholders.apply(f.value(), f.holes())), parses);
                    EmbeddedMcl.Checked checked = EmbeddedMcl.checkStandalone(f, dialect, catalogs.apply(dialect), parses);
                    out.addAll(checked.diagnostics());
                    units.add(checked.unit());
                });
            }
        }
        return out;
    }

    private static void add(Map<Path, Set<Diagnostic>> into, List<FileDiagnostic> ds) {
        for (FileDiagnostic d : ds) {
            into.computeIfAbsent(d.file(), k -> new LinkedHashSet<>()).add(d.diagnostic());
        }
    }
}
