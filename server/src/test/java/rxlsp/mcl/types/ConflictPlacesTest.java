package rxlsp.mcl.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.check.ImportResolver;
import rxlsp.mcl.check.MclChecker;
import rxlsp.text.Diagnostic;

/** A type conflict reported at a use carries the declarations that fixed the types involved. */
class ConflictPlacesTest {

    private static List<String> related(String program) {
        var parsed = MclFrontEnd.parse(program, Dialect.MGMT_1_1);
        var result = MclChecker.check(parsed.program(), Catalog.builtIn(Dialect.MGMT_1_1), ImportResolver.none(), Dialect.MGMT_1_1);
        return result.diagnostics().stream().flatMap(d -> d.related().stream()
                .map(r -> d.code() + " -> " + program.substring(r.range().start(), r.range().end()) + " : " + r.message())).toList();
    }

    @Test
    void aVariableUseRelatesToItsDefinition() {
        assertEquals(List.of("mcl-type-mismatch -> $x = \"a\" : `$x` gets its type here"),
                related("$x = \"a\"\ntest \"t\" {\n\tint64 => $x,\n}\n"));
    }

    @Test
    void aParameterUseRelatesToTheParameter() {
        assertEquals(List.of("mcl-type-mismatch -> $s str : parameter `$s` is declared here"),
                related("func f($s str) {\n\t$s + 1\n}\n$y = f(\"a\")\n"));
    }

    @Test
    void aConflictWithoutNamesHasNoRelatedPlace() {
        assertEquals(List.of(), related("test \"t\" {\n\tint64 => \"a\",\n}\n"));
    }
}
