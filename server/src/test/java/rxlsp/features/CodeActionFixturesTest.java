package rxlsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.testing.NixOracle;
import rxlsp.text.TextRange;

/**
 * Quick-fix and refactoring fixtures ({@code test-fixtures/features/codeaction}): the action titled
 * by {@code apply: TITLE} must be offered at the cursor; applying it gives the {@code //- after}
 * files (created ones included); every Nix file after it must still be accepted by
 * {@code nix-instantiate --parse}, and the cursor file must no longer report {@code gone: CODE}.
 */
class CodeActionFixturesTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> codeActions() {
        return CursorFixture.all("codeaction").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> check(f)));
    }

    private void check(CursorFixture f) throws Exception {
        Map<String, String> expect = new LinkedHashMap<>();
        for (String line : f.expect().split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                expect.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        var options = new CodeActions.Options(true, p -> f.files().containsKey(p));
        List<CodeActions.Action> actions = CodeActions.at(f.model(), TextRange.at(f.cursorOffset()), options);
        List<String> titles = actions.stream().map(CodeActions.Action::title).toList();
        CodeActions.Action action = actions.stream().filter(a -> a.title().equals(expect.get("apply"))).findFirst()
                .orElseThrow(() -> new AssertionError(f.name() + ": no action `" + expect.get("apply") + "`; offered " + titles));
        Map<Path, String> after = new LinkedHashMap<>(f.files());
        action.edits().forEach((file, edits) -> after.put(file, AnswerFixturesTest.apply(f.files().get(file), edits)));
        action.creates().forEach(after::put);
        for (Map.Entry<Path, String> e : f.after().entrySet()) {
            assertEquals(e.getValue(), after.get(e.getKey()), f.name() + ": " + e.getKey() + " after `" + action.title() + "`");
        }
        for (Path changed : action.edits().keySet()) {
            assertTrue(f.after().containsKey(changed), f.name() + ": the action also edits " + changed);
            if (changed.toString().endsWith(".nix")) {
                Path written = Files.writeString(tmp.resolve("after.nix"), after.get(changed));
                var verdict = NixOracle.require().parse(written);
                assertTrue(verdict.accepted(), f.name() + ": Nix rejects " + changed + " after the action: " + verdict.error());
            }
        }
        if (expect.containsKey("gone")) {
            var fixture = new CursorFixture(f.folder(), f.name(), after, f.cursorFile(), 0, List.of(), "", Map.of(), null);
            var model = fixture.model();
            assertTrue(model.diagnostics().stream().noneMatch(d -> d.code().equals(expect.get("gone"))),
                    f.name() + ": still " + expect.get("gone") + " after the action: " + model.diagnostics());
        }
    }
}
