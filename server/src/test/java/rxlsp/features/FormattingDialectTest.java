package rxlsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import rxlsp.analysis.ConfigurationContext;
import rxlsp.analysis.DialectChoice;
import rxlsp.analysis.DocumentAnalyzer;
import rxlsp.analysis.DocumentModel;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.workspace.DocumentSnapshot;
import rxlsp.workspace.FileKind;

/**
 * With the dialect chosen per program (no {@code rx.mgmtVersion}), each program is formatted in the
 * dialect its analysis read it in: a {@code .mcl} file in mgmt 1.0's syntax keeps 1.0's commas, and in
 * one module a marked string in 1.0's syntax is formatted as 1.0 while the configuration's raw block is
 * formatted as 1.1.
 */
class FormattingDialectTest {

    @Test
    void aMclFileIsFormattedInTheDialectItParsesIn() {
        DocumentModel model = analysed(Path.of("/auto/site.mcl"), "$l=[1,2,]\n$m=struct{a=>1,}\n");
        assertEquals("$l = [1, 2,]\n$m = struct{a => 1,}\n", AnswerFixturesTest.apply(model.text(),
                Formatting.document(model, DialectChoice.auto())));
    }

    @Test
    void eachProgramOfAModuleInItsOwnDialect() {
        String module = """
                { ... }:
                {
                  rx.mcl.raw = [ "$a=[1, 2]" ];
                  environment.etc."x".text = /* mcl */ "$b=[3,4,]";
                }
                """;
        DocumentModel model = analysed(Path.of("/auto/configuration.nix"), module);
        assertEquals(module.replace("$a=[1, 2]", "$a = [1, 2]").replace("$b=[3,4,]", "$b = [3, 4,]"),
                AnswerFixturesTest.apply(module, Formatting.document(model, DialectChoice.auto())));
    }

    private static DocumentModel analysed(Path file, String text) {
        Map<Path, String> files = Map.of(file, text);
        List<Path> nix = file.toString().endsWith(".nix") ? List.of(file) : List.of();
        try (var context = new ConfigurationContext(p -> Optional.ofNullable(files.get(p)), () -> List.of(file.getParent()), () -> nix);
             var analyzer = new DocumentAnalyzer(context)) {
            FileKind kind = file.toString().endsWith(".mcl") ? FileKind.MCL : FileKind.NIX;
            return analyzer.analyze(new DocumentSnapshot(file.toUri().toString(), kind, 1, text, null), DialectChoice.auto(),
                    Catalog::builtIn);
        }
    }
}
