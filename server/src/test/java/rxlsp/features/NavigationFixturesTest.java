package rxlsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import rxlsp.embed.SourceLocation;

/**
 * Cursor-marker fixtures for the features that answer with places: each fixture's marked ranges are
 * exactly the answer. {@code test-fixtures/features/definition} (go to definition),
 * {@code references} (with declarations) and {@code highlights} (within the cursor's file; the
 * expectation lists {@code read}/{@code write} per range).
 */
class NavigationFixturesTest {

    @TestFactory
    Stream<DynamicTest> definition() {
        return CursorFixture.all("definition").stream().map(f -> DynamicTest.dynamicTest(f.name(), () ->
                assertPlaces(f, GoToDefinition.at(f.cursor()))));
    }

    @TestFactory
    Stream<DynamicTest> references() {
        return CursorFixture.all("references").stream().map(f -> DynamicTest.dynamicTest(f.name(), () ->
                assertPlaces(f, References.at(f.cursor(), true))));
    }

    @TestFactory
    Stream<DynamicTest> highlights() {
        return CursorFixture.all("highlights").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            List<DocumentHighlights.Highlight> found = DocumentHighlights.at(f.cursor());
            assertPlaces(f, found.stream().map(h -> new SourceLocation(f.cursorFile(), h.range())).toList());
            List<String> kinds = new ArrayList<>();
            found.stream().sorted((a, b) -> a.range().compareTo(b.range()))
                    .forEach(h -> kinds.add(f.describe(new SourceLocation(f.cursorFile(), h.range())) + " " + (h.written() ? "write" : "read")));
            assertEquals(f.expect(), String.join("\n", kinds), f.name());
        }));
    }

    /** The fixtures that say what their cursor file reports: the editor's view of it, configuration included. */
    @TestFactory
    Stream<DynamicTest> diagnosticsOfTheCursorFile() {
        return Stream.of("definition", "references", "hover").flatMap(folder -> CursorFixture.all(folder).stream())
                .filter(f -> f.diagnostics() != null)
                .map(f -> DynamicTest.dynamicTest(f.name(), () -> {
                    var model = f.model();
                    List<String> lines = model.diagnostics().stream()
                            .map(d -> rxlsp.cli.DiagnosticLine.format(model.lines(), d)).toList();
                    assertEquals(f.diagnostics(), String.join("\n", lines), f.name());
                }));
    }

    private static void assertPlaces(CursorFixture f, List<SourceLocation> found) {
        assertEquals(sorted(f, f.marked()), sorted(f, found), f.name());
    }

    private static List<String> sorted(CursorFixture f, List<SourceLocation> places) {
        return places.stream().map(f::describe).sorted().distinct().toList();
    }
}
