package rxlsp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rxlsp.analysis.ConfigurationChecker;
import rxlsp.embed.DiskFiles;
import rxlsp.embed.ModuleCache;
import rxlsp.embed.ModuleScan;
import rxlsp.embed.NixFragmentReader;
import rxlsp.embed.ReadBoundary;
import rxlsp.embed.SourceFiles;
import rxlsp.mcl.Dialect;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;
import rxlsp.workspace.FileKind;

/**
 * Before the files are checked one by one: assembles the rx.nix configurations the Nix files form
 * and finds what the assembled MCL shows, so that each file's report is complete when it is
 * printed. Only the Nix files with rx.nix's words are parsed here ({@link ModuleCache}); a
 * {@code .mcl} file pulled into a program with {@code readFile} is judged as part of it (its
 * variables may come from Nix), not alone.
 *
 * @param diagnostics  per absolute file, including files outside the targets (imported modules)
 * @param programFiles the {@code .mcl} files that are part of a program
 */
record ConfigurationPass(Map<Path, List<Diagnostic>> diagnostics, Set<Path> programFiles) {
    /**
     * @param boundary the folders files named by others (imports, readFile) may be read from: the
     *                 working folder and the folders given to {@code check}
     */
    static ConfigurationPass of(List<FileCollector.Target> targets, ReadBoundary boundary, Dialect dialect,
                                rxlsp.mcl.catalog.Catalog catalog) {
        SourceFiles disk = boundary.confine(new DiskFiles());
        try (ModuleCache cache = new ModuleCache(disk)) {
            List<ModuleScan> scans = new ArrayList<>();
            for (FileCollector.Target t : targets) {
                if (t.kind() == FileKind.NIX) {
                    cache.scan(CheckCommand.absolute(t.path())).filter(ConfigurationPass::hasRxContent).ifPresent(scans::add);
                }
            }
            if (scans.isEmpty()) {
                return new ConfigurationPass(Map.of(), Set.of());
            }
            ConfigurationChecker.Report report = new ConfigurationChecker(cache, new NixFragmentReader(disk), dialect, catalog)
                    .check(scans);
            return new ConfigurationPass(report.diagnostics(), report.programFiles());
        }
    }

    private static boolean hasRxContent(ModuleScan scan) {
        return !scan.sites().isEmpty() || !scan.resFields().isEmpty() || !scan.imports().isEmpty();
    }

    /** What the configurations put on {@code file}. */
    List<Diagnostic> on(Path file) {
        return diagnostics.getOrDefault(file, List.of());
    }

    boolean inProgram(Path file) {
        return programFiles.contains(file);
    }

    /** Files outside the targets with something to report, with the path to show (relative to the working folder when inside it). */
    List<Extra> extraFiles(Set<Path> targets) {
        Path cwd = Path.of("").toAbsolutePath();
        List<Extra> out = new ArrayList<>();
        diagnostics.forEach((file, ds) -> {
            if (!targets.contains(file) && !ds.isEmpty()) {
                out.add(new Extra(file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString(), file, ds));
            }
        });
        return out;
    }

    record Extra(String shown, Path file, List<Diagnostic> diagnostics) {
        LineIndex lines() {
            return LineIndex.of(new DiskFiles().read(file).orElse(""));
        }
    }
}
