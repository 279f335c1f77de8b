package rxlsp.mcl.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiFunction;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.text.Diagnostic;

/** Runs a check on MCL text and renders findings as {@code code@text-under-range} for compact assertions. */
final class CheckTesting {
    private CheckTesting() {
    }

    static List<Diagnostic> run(BiFunction<Program, Catalog, List<Diagnostic>> check, String text, Dialect dialect) {
        MclParseResult parsed = MclFrontEnd.parse(text, dialect);
        assertTrue(!parsed.hasErrors(), "test input must parse: " + parsed.diagnostics());
        return check.apply(parsed.program(), Catalog.builtIn(dialect));
    }

    static List<String> brief(BiFunction<Program, Catalog, List<Diagnostic>> check, String text) {
        return brief(check, text, Dialect.MGMT_1_1);
    }

    static List<String> brief(BiFunction<Program, Catalog, List<Diagnostic>> check, String text, Dialect dialect) {
        return run(check, text, dialect).stream()
                .map(d -> d.code() + "@" + text.substring(d.range().start(), d.range().end()))
                .toList();
    }
}
