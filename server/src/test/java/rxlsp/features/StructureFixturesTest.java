package rxlsp.features;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import rxlsp.embed.SourceLocation;
import rxlsp.text.TextRange;

/**
 * Fixtures for the features about a document's structure: {@code folding} (each region as
 * {@code startLine-endLine kind: text of the start line}, 1-based lines) and {@code selection} (the chain
 * from the cursor outwards, each range as {@code line:col-line:col} and its text, shortened).
 */
class StructureFixturesTest {

    @TestFactory
    Stream<DynamicTest> folding() {
        return CursorFixture.all("folding").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            String text = f.files().get(f.cursorFile());
            String[] lines = text.split("\n", -1);
            List<String> out = new ArrayList<>();
            for (FoldingRanges.Fold fold : FoldingRanges.of(f.model())) {
                out.add((fold.startLine() + 1) + "-" + (fold.endLine() + 1) + " " + fold.kind().name().toLowerCase() + ": "
                        + lines[fold.startLine()].strip());
            }
            f.expectText(String.join("\n", out));
        }));
    }

    @TestFactory
    Stream<DynamicTest> selection() {
        return CursorFixture.all("selection").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            String text = f.files().get(f.cursorFile());
            List<String> out = new ArrayList<>();
            for (TextRange r : SelectionRanges.at(f.cursor())) {
                String at = f.describe(new SourceLocation(f.cursorFile(), r));
                out.add(at.substring(at.indexOf(':') + 1) + " " + shortened(text.substring(r.start(), r.end())));
            }
            f.expectText(String.join("\n", out));
        }));
    }

    private static String shortened(String s) {
        String one = s.replace("\n", "⏎");
        return one.length() <= 40 ? one : one.substring(0, 18) + "…" + one.substring(one.length() - 18);
    }
}
