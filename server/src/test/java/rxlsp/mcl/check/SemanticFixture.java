package rxlsp.mcl.check;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.text.Diagnostic;

/** Runs the semantic checks on MCL text written in a test, with local imports served from a map. */
public final class SemanticFixture {
    private SemanticFixture() {
    }

    public static MclCheckResult check(String source) {
        return check(source, Map.of());
    }

    public static MclCheckResult check(String source, Map<String, String> files) {
        MclParseResult parsed = MclFrontEnd.parse(source, Dialect.MGMT_1_1);
        assertFalse(parsed.hasErrors(), () -> "test source does not parse: " + parsed.diagnostics());
        return MclChecker.check(parsed.program(), Catalog.builtIn(Dialect.MGMT_1_1), resolver(files), Dialect.MGMT_1_1);
    }

    /** Files by path relative to the checked file; directories as {@code dir/main.mcl}. */
    public static ImportResolver resolver(Map<String, String> files) {
        return (from, path) -> {
            String file = path.endsWith("/") ? path + "main.mcl" : path;
            String text = files.get(file);
            return text == null ? new ImportResolver.Failed("cannot find `" + file + "`") : new ImportResolver.Found(file, text);
        };
    }

    /** {@code code@text-under-range} of each finding in the checked file, in order. */
    public static List<String> brief(String source) {
        return brief(source, Map.of());
    }

    public static List<String> brief(String source, Map<String, String> files) {
        return check(source, files).diagnostics().stream()
                .map(d -> d.code() + "@" + source.substring(d.range().start(), d.range().end())).toList();
    }

    /** "stage code: message" of each diagnostic, for readable assertion failures. */
    public static List<String> summary(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.stage() + " " + d.code() + ": " + d.message()).toList();
    }
}
