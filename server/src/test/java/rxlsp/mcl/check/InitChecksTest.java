package rxlsp.mcl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static rxlsp.mcl.check.CheckTesting.brief;

import java.util.List;
import org.junit.jupiter.api.Test;
import rxlsp.mcl.Dialect;
import rxlsp.text.Diagnostic;

class InitChecksTest {

    @Test
    void duplicateField() {
        String text = "test \"t\" {\n\tanotherstr => \"a\",\n\tanotherstr => \"b\",\n}\n";
        List<Diagnostic> found = CheckTesting.run(InitChecks::check, text, Dialect.MGMT_1_1);
        assertEquals(1, found.size());
        Diagnostic d = found.getFirst();
        assertEquals("mcl-duplicate-field", d.code());
        assertEquals("init", d.stage());
        assertEquals("mcl", d.source());
        assertEquals(text.lastIndexOf("anotherstr"), d.range().start());
        assertEquals(text.indexOf("anotherstr"), d.related().getFirst().range().start());
        assertEquals("field `anotherstr` is set twice in this `test` resource", d.message());
    }

    @Test
    void conditionalDuplicatesStillCount() {
        assertEquals(List.of("mcl-duplicate-field@anotherstr"),
                brief(InitChecks::check, "$b = true\ntest \"t\" {\n\tanotherstr => $b ?: \"a\",\n\tanotherstr => \"b\",\n}\n"));
    }

    @Test
    void duplicateMetaEntries() {
        assertEquals(List.of("mcl-duplicate-meta@noop"),
                brief(InitChecks::check, "test \"t\" {\n\tMeta:noop => true,\n\tMeta:noop => false,\n}\n"));
    }

    @Test
    void metaStructCollidesInTheGraphStage() {
        String text = "test \"t\" {\n\tMeta:noop => true,\n\tMeta => $m,\n}\n";
        List<Diagnostic> found = CheckTesting.run(InitChecks::check, text, Dialect.MGMT_1_1);
        assertEquals(1, found.size());
        assertEquals("graph", found.getFirst().stage());
        assertEquals("noop", text.substring(found.getFirst().range().start(), found.getFirst().range().end()));
        assertEquals(List.of("mcl-duplicate-meta@Meta"), brief(InitChecks::check, "test \"t\" {\n\tMeta => $m,\n\tMeta => $m,\n}\n"));
    }

    @Test
    void unknownMeta() {
        assertEquals(List.of("mcl-unknown-meta@nopp"), brief(InitChecks::check, "test \"t\" {\n\tMeta:nopp => true,\n}\n"));
        assertEquals("unknown meta param `Meta:nopp`; did you mean `Meta:noop`?",
                CheckTesting.run(InitChecks::check, "test \"t\" {\n\tMeta:nopp => true,\n}\n", Dialect.MGMT_1_1).getFirst().message());
        // timeout came after mgmt 1.0.2
        assertEquals(List.of(), brief(InitChecks::check, "test \"t\" {\n\tMeta:timeout => 3,\n}\n"));
        assertEquals(List.of("mcl-unknown-meta@timeout"),
                brief(InitChecks::check, "test \"t\" {\n\tMeta:timeout => 3,\n}\n", Dialect.MGMT_1_0));
    }

    @Test
    void mapKeys() {
        assertEquals(List.of("mcl-duplicate-map-key@\"k1\""),
                brief(InitChecks::check, "$m = {\"k1\" => 1, \"k2\" => 2, \"k1\" => 3}\n"));
        assertEquals(List.of("mcl-duplicate-map-key@1.00"), brief(InitChecks::check, "$m = {1.0 => 1, 1.00 => 3}\n"));
        assertEquals(List.of("mcl-inconsistent-map-key@2"), brief(InitChecks::check, "$m = {\"a\" => 1, 2 => 3}\n"));
        assertEquals(List.of("mcl-unhashable-map-key@[\"a\"]"), brief(InitChecks::check, "$m = {[\"a\"] => 1}\n"));
        // unknown values before evaluation are not compared; interpolations are compared as written
        assertEquals(List.of(), brief(InitChecks::check, "$x = \"a\"\n$m = {$x => 1, \"a\" => 2, \"${x}\" => 3}\n"));
        assertEquals(List.of("mcl-duplicate-map-key@\"${x}\""), brief(InitChecks::check, "$x = \"a\"\n$m = {\"${x}\" => 1, \"${x}\" => 3}\n"));
        assertEquals(List.of(), brief(InitChecks::check, "$m = {\"a\" => {\"a\" => 1}, \"b\" => {\"a\" => 2}}\n"));
    }

    @Test
    void structFields() {
        assertEquals(List.of("mcl-duplicate-struct-field@x"), brief(InitChecks::check, "$s = struct{x => 1, y => 2, x => 3}\n"));
    }

    @Test
    void importInLoop() {
        assertEquals(List.of("mcl-import-in-loop@import \"fmt\""),
                brief(InitChecks::check, "for $i, $x in [\"a\"] {\n\timport \"fmt\"\n}\n"));
        assertEquals(List.of("mcl-import-in-loop@import \"fmt\""),
                brief(InitChecks::check, "forkv $k, $v in {\"a\" => 1} {\n\timport \"fmt\"\n}\n"));
        // only the loop's own statements: mgmt does not look into nested blocks here
        assertEquals(List.of(), brief(InitChecks::check, "for $i, $x in [\"a\"] {\n\tif true {\n\t\timport \"fmt\"\n\t}\n}\n"));
    }

    @Test
    void nestedPlacesAreChecked() {
        assertEquals(List.of("mcl-duplicate-field@anotherstr"), brief(InitChecks::check,
                "class c {\n\tif true {\n\t\ttest \"t\" {\n\t\t\tanotherstr => \"a\",\n\t\t\tanotherstr => \"b\",\n\t\t}\n\t}\n}\n"));
        assertEquals(List.of("mcl-duplicate-struct-field@x"), brief(InitChecks::check,
                "$f = func($a) { struct{x => $a, x => 1} }\n"));
    }

    @Test
    void cleanProgramHasNoFindings() {
        assertEquals(List.of(), brief(InitChecks::check, "import \"fmt\"\nfile \"/tmp/x\" {\n\tcontent => fmt.printf(\"%d\", 1),\n"
                + "\tMeta:noop => true,\n\tMeta:retry => 3,\n\tBefore => Print[\"p\"],\n}\nprint \"p\" {}\n"));
    }
}
