package rxlsp.mcl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static rxlsp.mcl.check.CheckTesting.brief;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.text.Diagnostic;
import rxlsp.text.Severity;

class ResourceChecksTest {

    @Test
    void unknownKindWithFieldsFailsTyping() {
        String text = "fiel \"/tmp/x\" {\n\tcontent => \"x\",\n}\n";
        List<Diagnostic> found = CheckTesting.run(ResourceChecks::check, text, Dialect.MGMT_1_1);
        assertEquals(1, found.size());
        assertEquals("type", found.getFirst().stage());
        assertEquals(Severity.ERROR, found.getFirst().severity());
        assertEquals("unknown resource kind `fiel`; did you mean `file`?", found.getFirst().message());
        assertEquals(List.of("mcl-unknown-resource-kind@fiel"), brief(ResourceChecks::check, text));
    }

    @Test
    void unknownKindWithoutFieldsOnlyFailsAtRunTime() {
        List<Diagnostic> found = CheckTesting.run(ResourceChecks::check, "notaresource \"t\" {}\n", Dialect.MGMT_1_1);
        assertEquals(Severity.WARNING, found.getFirst().severity());
        assertEquals("interpret", found.getFirst().stage());
    }

    @Test
    void collectOfAnUnknownKindFailsTyping() {
        List<Diagnostic> found = CheckTesting.run(ResourceChecks::check, "collect fiel \"/tmp/x\" {}\n", Dialect.MGMT_1_1);
        assertEquals(1, found.size());
        assertEquals(Severity.ERROR, found.getFirst().severity());
        assertEquals(List.of(), brief(ResourceChecks::check, "collect file \"/tmp/x\" {}\n"));
    }

    @Test
    void unknownParam() {
        String text = "file \"/tmp/x\" {\n\tcontents => \"x\",\n\tmode => \"0644\",\n}\n";
        List<Diagnostic> found = CheckTesting.run(ResourceChecks::check, text, Dialect.MGMT_1_1);
        assertEquals(List.of("mcl-unknown-param@contents"), brief(ResourceChecks::check, text));
        assertEquals("`file` has no param `contents`; did you mean `content`?", found.getFirst().message());
        assertEquals(List.of("mcl-unknown-param@complex64"), brief(ResourceChecks::check, "test \"t\" {\n\tcomplex64 => 1,\n}\n"));
    }

    @Test
    void dialectsDiffer() {
        String exit = "exit \"e\" {}\n";
        assertEquals(List.of(), brief(ResourceChecks::check, exit));
        assertEquals(List.of("mcl-unknown-resource-kind@exit"), brief(ResourceChecks::check, exit, Dialect.MGMT_1_0));
    }

    @Test
    void edges() {
        assertEquals(List.of("mcl-edge-one-half@Test[\"a\"]"), brief(ResourceChecks::check, "test \"a\" {}\nTest[\"a\"]\n"));
        assertEquals(List.of("mcl-unknown-resource-kind@Fiel"),
                brief(ResourceChecks::check, "test \"a\" {}\nTest[\"a\"] -> Fiel[\"b\"]\n"));
        assertEquals(List.of("mcl-unknown-resource-kind@Pkgg"),
                brief(ResourceChecks::check, "test \"a\" {\n\tBefore => Pkgg[\"b\"],\n}\n"));
        assertEquals(List.of(), brief(ResourceChecks::check,
                "http:server:ui \"u\" {}\nHttp:Server:Ui[\"u\"] -> Test[\"a\"]\ntest \"a\" {}\n"));
    }

    @Test
    void sendRecv() {
        String defs = "test \"a\" {}\ntest \"b\" {}\nexec \"e\" {\n\tcmd => \"x\",\n}\nfile \"/f\" {}\n";
        assertEquals(List.of(), brief(ResourceChecks::check, defs + "Exec[\"e\"].output -> File[\"/f\"].content\n"));
        assertEquals(List.of(), brief(ResourceChecks::check, defs + "Test[\"a\"].hello -> Test[\"b\"].anotherstr\n"));
        // sending from a pointer field is never judged by mgmt; into a pointer field neither
        assertEquals(List.of(), brief(ResourceChecks::check, defs + "Exec[\"e\"].output -> Test[\"b\"].int64\n"));
        assertEquals(List.of(), brief(ResourceChecks::check, defs + "Test[\"a\"].answer -> Test[\"b\"].stringptr\n"));
        assertEquals(List.of("mcl-send-recv-type-mismatch@Test[\"a\"].answer -> Test[\"b\"].anotherstr"),
                brief(ResourceChecks::check, defs + "Test[\"a\"].answer -> Test[\"b\"].anotherstr\n"));
        assertEquals(List.of("mcl-cannot-send@File"), brief(ResourceChecks::check, defs + "File[\"/f\"].content -> Test[\"b\"].anotherstr\n"));
        assertEquals(List.of("mcl-cannot-receive@Exec"), brief(ResourceChecks::check, defs + "Test[\"a\"].hello -> Exec[\"e\"].cmd\n"));
        assertEquals(List.of("mcl-unknown-send-field@shell"), brief(ResourceChecks::check, defs + "Exec[\"e\"].shell -> File[\"/f\"].content\n"));
        assertEquals(List.of("mcl-unknown-param@contnt"), brief(ResourceChecks::check, defs + "Exec[\"e\"].output -> File[\"/f\"].contnt\n"));
        assertEquals(List.of("mcl-unknown-resource-kind@Nope"), brief(ResourceChecks::check, defs + "Nope[\"e\"].output -> File[\"/f\"].content\n"));
    }

    @Test
    void kindsOnlyInMgmtDocsAreNotJudgedOnTraits() throws Exception {
        Catalog docs = Catalog.fromMgmtDocs(new StringReader("{\"resources\": {\"brandnew\": {\"kind\": \"brandnew\", \"fields\": "
                + "{\"level\": {\"type\": \"int\"}}}}}"));
        Catalog c = Catalog.builtIn(Dialect.MGMT_1_1).overlay(docs);
        String text = "brandnew \"b\" {\n\tlevel => 1,\n}\nBrandnew[\"b\"].level -> Test[\"t\"].int64\ntest \"t\" {}\n";
        assertEquals(List.of(), ResourceChecks.check(MclFrontEnd.parse(text, Dialect.MGMT_1_1).program(), c));
    }
}
