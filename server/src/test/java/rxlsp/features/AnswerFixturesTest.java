package rxlsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import rxlsp.embed.SourceLocation;
import rxlsp.text.TextEdit;

/**
 * Cursor-marker fixtures for the features that answer with text or edits, the expectation written
 * next to the input: {@code hover} (the Markdown; a marked range is the hover's range),
 * {@code signature} (the label, then {@code active: N}), {@code symbols} (the outline, two spaces
 * per level, {@code name kind line:col-line:col} of the selection), {@code rename} ({@code to NAME},
 * then either {@code refused: TEXT} or the files after the edit).
 */
class AnswerFixturesTest {

    @TestFactory
    Stream<DynamicTest> hover() {
        return CursorFixture.all("hover").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            var info = Hover.at(f.cursor());
            f.expectText(info.map(i -> i.content().markdown()).orElse(""));
            if (info.isPresent() && !f.marked().isEmpty()) {
                assertNotNull(info.get().range(), f.name() + ": no range");
                assertEquals(f.describe(f.marked().get(0)), f.describe(new SourceLocation(f.cursorFile(), info.get().range())), f.name());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> signature() {
        return CursorFixture.all("signature").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            var help = SignatureHelp.at(f.cursor());
            String got = help.map(h -> h.label() + "\nactive: " + h.active() + "\nparameters: " + String.join(" | ", h.parameters()))
                    .orElse("");
            f.expectText(got);
        }));
    }

    @TestFactory
    Stream<DynamicTest> symbols() {
        return CursorFixture.all("symbols").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            List<String> lines = new ArrayList<>();
            outline(f, DocumentSymbols.of(f.model()), 0, lines);
            f.expectText(String.join("\n", lines));
        }));
    }

    private static void outline(CursorFixture f, List<DocumentSymbols.Symbol> symbols, int depth, List<String> out) {
        for (DocumentSymbols.Symbol s : symbols) {
            String at = f.describe(new SourceLocation(f.cursorFile(), s.selection()));
            out.add("  ".repeat(depth) + s.name() + " " + s.kind().name().toLowerCase() + " " + at.substring(at.indexOf(':') + 1));
            outline(f, s.children(), depth + 1, out);
        }
    }

    /** Semantic tokens as {@code line:col:length type[+modifier…] `text`} lines (1-based, UTF-16). */
    @TestFactory
    Stream<DynamicTest> tokens() {
        return CursorFixture.all("tokens").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            var model = f.model();
            List<String> lines = new ArrayList<>();
            for (SemanticTokens.Token t : SemanticTokens.of(model)) {
                var at = model.lines().position(t.range().start(), rxlsp.text.PositionEncoding.UTF16);
                StringBuilder kind = new StringBuilder(t.type().name().toLowerCase());
                t.modifiers().stream().sorted().forEach(m -> kind.append('+').append(m.name().toLowerCase()));
                lines.add((at.line() + 1) + ":" + (at.column() + 1) + ":" + t.range().length() + " " + kind
                        + " `" + model.text().substring(t.range().start(), t.range().end()) + "`");
            }
            f.expectText(String.join("\n", lines));
        }));
    }

    /** Inlay hints as {@code line:col label} lines. */
    @TestFactory
    Stream<DynamicTest> hints() {
        return CursorFixture.all("hints").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            var model = f.model();
            List<String> lines = new ArrayList<>();
            for (InlayHints.Hint h : InlayHints.in(model, new rxlsp.text.TextRange(0, model.text().length()))) {
                var at = model.lines().position(h.offset(), rxlsp.text.PositionEncoding.UTF16);
                lines.add((at.line() + 1) + ":" + (at.column() + 1) + " `" + h.label() + "`");
            }
            f.expectText(String.join("\n", lines));
        }));
    }

    /** Document links as {@code range -> target} lines. */
    @TestFactory
    Stream<DynamicTest> links() {
        return CursorFixture.all("links").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            List<String> lines = new ArrayList<>();
            for (DocumentLinks.Link l : DocumentLinks.of(f.model())) {
                lines.add(f.describe(new SourceLocation(f.cursorFile(), l.range())) + " -> " + l.target());
            }
            f.expectText(String.join("\n", lines));
        }));
    }

    @TestFactory
    Stream<DynamicTest> rename() {
        return CursorFixture.all("rename").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            String[] expect = f.expect().split("\n", 2);
            assertTrue(expect[0].startsWith("to "), f.name() + ": the expectation starts with `to NAME`");
            Rename.Outcome outcome = Rename.rename(f.cursor(), expect[0].substring(3), p -> !p.startsWith("/outside"));
            if (expect.length > 1 && expect[1].startsWith("refused: ")) {
                Rename.Refused refused = assertInstanceOf(Rename.Refused.class, outcome, f.name());
                assertTrue(refused.reason().contains(expect[1].substring(9).strip()), f.name() + ": " + refused.reason());
                return;
            }
            Rename.Edits edits = assertInstanceOf(Rename.Edits.class, outcome, f.name() + ": " + outcome);
            assertEquals(f.after().keySet(), edits.edits().keySet(), f.name() + ": the files edited");
            for (Map.Entry<Path, List<TextEdit>> e : edits.edits().entrySet()) {
                assertEquals(f.after().get(e.getKey()), apply(f.files().get(e.getKey()), e.getValue()), f.name() + " " + e.getKey());
            }
            // the renamed configuration analyses as cleanly as before, with the cursor's name intact
            assertEquals(f.model().diagnostics().size(), renamedModel(f, edits).diagnostics().size(), f.name() + ": new diagnostics");
        }));
    }

    private static rxlsp.analysis.DocumentModel renamedModel(CursorFixture f, Rename.Edits edits) {
        Map<Path, String> files = new java.util.LinkedHashMap<>(f.files());
        edits.edits().forEach((p, es) -> files.put(p, apply(files.get(p), es)));
        var renamed = new CursorFixture(f.folder(), f.name(), files, f.cursorFile(), f.cursorOffset(), List.of(), "", Map.of(), null);
        return renamed.model();
    }

    /** Applies edits given in the coordinates of the original text. */
    static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort((a, b) -> Integer.compare(b.start(), a.start()));
        StringBuilder out = new StringBuilder(text);
        for (TextEdit e : sorted) {
            out.replace(e.start(), e.end(), e.newText());
        }
        return out.toString();
    }
}
