package rxlsp.cli;

import java.util.List;
import rxlsp.analysis.CheckedFile;
import rxlsp.text.Severity;

/** All checked files, sorted by path, and the totals the formats print. */
record CheckReport(List<CheckedFile> files) {
    long errors() {
        return files.stream().mapToLong(f -> f.count(Severity.ERROR)).sum();
    }

    long warnings() {
        return files.stream().mapToLong(f -> f.count(Severity.WARNING)).sum();
    }
}
