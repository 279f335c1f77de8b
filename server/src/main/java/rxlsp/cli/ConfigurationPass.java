package rxlsp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import rxlsp.embed.DiskFiles;
import rxlsp.embed.ModuleCache;
import rxlsp.embed.ModuleScan;
import rxlsp.embed.NixFragmentReader;
import rxlsp.analysis.CheckedFile;
import rxlsp.analysis.ConfigurationChecker;
import rxlsp.analysis.DialectChoice;
import rxlsp.mcl.Dialect;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;

/**
 * After every file was checked on its own: assembles the rx.nix configurations the Nix files form
 * and adds what the assembled MCL shows. A {@code .mcl} file pulled into a program with
 * {@code readFile} is judged as part of it (its variables may come from Nix), not alone.
 */
final class ConfigurationPass {
    private ConfigurationPass() {
    }

    /** The files with what their configurations add, and the configurations assembled. */
    record Result(List<CheckedFile> files, List<ConfigurationChecker.Assembled> assembled) {
    }

    /**
     * @param boundary the folders files named by others (imports, readFile targets) are read from:
     *                 one outside is not read, and a diagnostic says so
     */
    static Result apply(List<CheckedFile> checked, Map<CheckedFile, Path> files, DialectChoice dialects,
                        java.util.function.Function<Dialect, rxlsp.mcl.catalog.Catalog> catalogs,
                        rxlsp.embed.NixVersion nix, rxlsp.embed.ReadBoundary boundary) {
        List<ModuleScan> scans = checked.stream().map(CheckedFile::scan).filter(Objects::nonNull).toList();
        if (scans.isEmpty()) {
            return new Result(checked, List.of());
        }
        rxlsp.embed.SourceFiles disk = boundary.confine(new DiskFiles());
        ConfigurationChecker.Report report;
        try (ModuleCache cache = new ModuleCache(disk)) {
            scans.forEach(cache::put);
            report = new ConfigurationChecker(cache, new NixFragmentReader(disk), dialects, catalogs,
                    new rxlsp.analysis.MclParseCache(), nix).check(scans);
        }
        Map<Path, CheckedFile> byFile = new HashMap<>();
        files.forEach((c, p) -> byFile.put(p, c));
        List<CheckedFile> out = new ArrayList<>();
        for (CheckedFile c : checked) {
            Path file = files.get(c);
            List<Diagnostic> extra = report.diagnostics().getOrDefault(file, List.of());
            CheckedFile result;
            if (report.programFiles().contains(file)) {
                // the program's view replaces the standalone one (the same syntax errors, no false
                // "undefined" for names the Nix side defines, the program's dialect)
                result = new CheckedFile(c.path(), c.lines(), List.of(), c.scan()).withDiagnostics(extra);
            } else if (extra.isEmpty()) {
                result = c;
            } else {
                List<Diagnostic> all = new ArrayList<>(c.diagnostics());
                all.addAll(extra);
                result = c.withDiagnostics(all);
            }
            Dialect chosen = report.chosenDialects().get(file);
            if (chosen != null && chosen != DialectChoice.DEFAULT) {
                result = result.withNote("the configuration's MCL is read as " + DialectChoice.describe(chosen)
                        + " (it parses only there); --mgmt-version chooses the dialect");
            }
            out.add(result);
        }
        Path cwd = Path.of("").toAbsolutePath();
        report.diagnostics().forEach((file, ds) -> {
            if (!byFile.containsKey(file) && !ds.isEmpty()) {
                String text = disk.read(file).orElse("");
                String shown = file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
                out.add(new CheckedFile(shown, LineIndex.of(text), ds));
            }
        });
        return new Result(out, report.assembled());
    }
}
