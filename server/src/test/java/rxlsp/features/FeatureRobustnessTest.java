package rxlsp.features;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rxlsp.analysis.Locator;
import rxlsp.embed.SourceLocation;
import rxlsp.text.TextRange;

/**
 * Every navigation and completion feature at every offset of odd and broken documents: no exception, and every
 * range it answers lies inside the text it names (positions past the end, inside Nix holes and
 * comments, on broken syntax answer from what is there, or nothing).
 */
class FeatureRobustnessTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // broken Nix around good MCL, a hole, a comment, CRLF, a tab and non-ASCII
            "{ ... }:\r\n{\r\n  rx.mcl.vars.x = ''\"é ${toString 1}\"'';\r\n  rx.mcl.raw = [ ''\r\n    # $x in a comment\r\n    print \"p\" {\r\n    \tmsg => $x,\r\n    }\r\n  '' ]\r\n  oops = ;\r\n}\r\n",
            // broken MCL in a raw block, an unclosed string
            "{ ... }:\n{\n  rx.mcl.raw = [ \"$a = (1 + \" ''\n    func f($x) { $x + $a\n  '' \"$b = \\\"unclosed\" ];\n}\n",
            // not an rx.nix module at all; a marked string
            "{ pkgs }:\nlet a = 1; b = a: a; in with pkgs; [ a b (b a) /* mcl */ ''\n  $y = 2\n  $z = $y +\n'' ]\n",
            // an empty and a nearly empty file
            "",
            "{",
    })
    void nixDocuments(String text) {
        everyOffset("/robust/configuration.nix", text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$x = 1\n$y = $x + \nprint \"p\" { msg => $z, }\nclass c($a) { include c(1) }\ninclude c(\n",
            "func f($a, $a) { f(f(\n# comment $a\n\"${\"\n",
            "import \"nope.mcl\"\nimport \"fmt\" as *\n$x = printf(\"%d\", 1)\n",
            "\t\r\n😀 $é = 1\n",
    })
    void mclDocuments(String text) {
        everyOffset("/robust/site.mcl", text);
    }

    private static void everyOffset(String file, String text) {
        Path path = Path.of(file);
        var fixture = new CursorFixture("robustness", "inline", Map.of(path, text), path, 0, List.of(), "", Map.of(), null);
        var model = fixture.model();
        Map<Path, Integer> lengths = new LinkedHashMap<>(Map.of(path, text.length()));
        for (int offset = 0; offset <= text.length() + 2; offset++) {
            var cursor = Locator.at(model, offset);
            Hover.at(cursor).ifPresent(h -> inside(h.range(), text.length()));
            GoToDefinition.at(cursor).forEach(l -> inside(l, lengths));
            References.at(cursor, true).forEach(l -> inside(l, lengths));
            DocumentHighlights.at(cursor).forEach(h -> inside(h.range(), text.length()));
            SignatureHelp.at(cursor);
            Completion.at(cursor, new Completion.Options(true, p -> List.of())).forEach(item -> {
                inside(new TextRange(item.edit().start(), item.edit().end()), text.length());
                item.additional().forEach(e -> inside(new TextRange(e.start(), e.end()), text.length()));
            });
            Rename.prepare(cursor);
            if (Rename.rename(cursor, "renamed", p -> true) instanceof Rename.Edits edits) {
                edits.edits().forEach((f, es) -> es.forEach(e -> inside(new TextRange(e.start(), e.end()),
                        f.equals(path) ? text.length() : Integer.MAX_VALUE)));
            }
        }
        DocumentSymbols.of(model).forEach(s -> inside(s.range(), text.length()));
        WorkspaceSymbols.matching("", List.of(model));
    }

    private static void inside(SourceLocation l, Map<Path, Integer> lengths) {
        inside(l.range(), lengths.getOrDefault(l.file(), Integer.MAX_VALUE));
    }

    private static void inside(TextRange r, int length) {
        if (r != null) {
            assertTrue(r.start() >= 0 && r.end() <= length, r + " outside a text of " + length);
        }
    }
}
