package rxlsp.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import rxlsp.analysis.CheckedFile;
import rxlsp.analysis.ConfigurationChecker;
import rxlsp.text.Diagnostic;

/**
 * {@code path:line:col: severity: message [code]}, 1-based line and column (the column counts UTF-16
 * code units, like LSP), then a summary line; when rx.nix configurations were assembled, one more
 * line says what they hold and how to see the program.
 */
final class TextFormat {
    private TextFormat() {
    }

    static void print(CheckReport report, PrintStream out) {
        for (CheckedFile file : report.files()) {
            for (Diagnostic d : file.diagnostics()) {
                out.println(file.path() + ":" + DiagnosticLine.format(file.lines(), d));
            }
        }
        for (CheckedFile file : report.files()) {
            file.notes().forEach(n -> out.println(file.path() + ": note: " + n));
        }
        out.println(summary(report));
        if (!report.assembled().isEmpty()) {
            out.println(configurations(report));
        }
    }

    static String summary(CheckReport report) {
        long errors = report.errors();
        long warnings = report.warnings();
        String unchecked = report.unchecked() == 0 ? ""
                : ", " + plural(report.unchecked(), "path") + " not checked (see the messages above)";
        return plural(report.files().size(), "file") + " checked" + unchecked + ": "
                + plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    /** What the rx.nix side found, so that a first run shows it did more than parse. */
    private static String configurations(CheckReport report) {
        var assembled = report.assembled();
        int modules = assembled.stream().mapToInt(ConfigurationChecker.Assembled::modules).sum();
        int fragments = assembled.stream().mapToInt(ConfigurationChecker.Assembled::fragments).sum();
        String first = shown(report.base(), assembled.getFirst().root());
        return plural(assembled.size(), "rx.nix configuration") + " assembled from " + plural(modules, "module")
                + " with " + plural(fragments, "MCL fragment") + "; print the main.mcl rx.nix generates with `rx-lsp render "
                + first + "`";
    }

    private static String shown(Path base, Path file) {
        return file.startsWith(base) ? base.relativize(file).toString() : file.toString();
    }

    static String plural(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
