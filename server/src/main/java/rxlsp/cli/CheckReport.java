package rxlsp.cli;

import java.nio.file.Path;
import java.util.List;
import rxlsp.analysis.CheckedFile;
import rxlsp.analysis.ConfigurationChecker;
import rxlsp.text.Severity;

/**
 * What one {@code check} run found, for the output formats.
 *
 * @param files      every checked file, sorted by path, with its final diagnostics
 * @param assembled  the rx.nix configurations whose program was assembled
 * @param unchecked  how many paths could not be read (their messages went to stderr)
 * @param base       the folder relative paths are relative to (the working directory)
 */
record CheckReport(List<CheckedFile> files, List<ConfigurationChecker.Assembled> assembled, int unchecked, Path base) {
    CheckReport {
        files = List.copyOf(files);
        assembled = List.copyOf(assembled);
    }

    long errors() {
        return count(Severity.ERROR);
    }

    long warnings() {
        return count(Severity.WARNING);
    }

    long count(Severity severity) {
        return files.stream().mapToLong(f -> f.count(severity)).sum();
    }
}
