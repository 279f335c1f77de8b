package rxlsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import rxlsp.analysis.DialectChoice;
import rxlsp.analysis.DocumentModel;
import rxlsp.embed.FragmentRole;
import rxlsp.embed.FragmentSite;
import rxlsp.mcl.Dialect;
import rxlsp.nix.DecodedString;
import rxlsp.nix.NixStringDecoder;
import rxlsp.testing.NixEval;
import rxlsp.testing.NixOracle;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;

/**
 * Formatting fixtures ({@code test-fixtures/features/formatting}): the document before, and after the
 * formatting edits ({@code //- after /PATH}), or {@code //- expect} {@code no edit}. A marked range
 * ({@code ⸢…⸣}) asks for range formatting, else the whole document is formatted. For every fixture,
 * the edited Nix still decodes, string by string, to the MCL formatted on its own, and formatting it
 * again changes nothing; the Nix tier checks the edited files with {@code nix-instantiate --parse} and
 * evaluates each formatted string with Nix.
 */
class FormattingFixturesTest {
    private static final String NO_EDIT = "no edit";

    private static Dialect dialect(CursorFixture f) {
        return f.name().contains("mgmt-1.0") ? Dialect.MGMT_1_0 : Dialect.MGMT_1_1;
    }

    private static List<TextEdit> format(CursorFixture f, DocumentModel model) {
        DialectChoice choice = DialectChoice.of(dialect(f));
        return f.marked().isEmpty() ? Formatting.document(model, choice) : Formatting.range(model, f.marked().get(0).range(), choice);
    }

    @TestFactory
    Stream<DynamicTest> formatting() {
        return CursorFixture.all("formatting").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            DocumentModel model = f.model();
            List<TextEdit> edits = format(f, model);
            String before = f.files().get(f.cursorFile());
            String expected = f.after().get(f.cursorFile());
            if (expected == null) {
                assertEquals(NO_EDIT, f.expect(), f.name() + ": an `after` section or `expect` " + NO_EDIT);
                assertEquals(List.of(), edits, f.name());
                return;
            }
            String after = AnswerFixturesTest.apply(before, edits);
            assertEquals(expected, after, f.name());
            DocumentModel formatted = f.model(f.cursorFile(), after);
            if (f.marked().isEmpty()) {
                assertEquals(List.of(), Formatting.document(formatted, DialectChoice.of(dialect(f))), f.name() + ": formatting twice changes it");
            }
            if (model.scan() != null) {
                TextRange range = f.marked().isEmpty() ? null : f.marked().get(0).range();
                assertEquals(expectedValues(model, range, dialect(f)), values(formatted), f.name() + ": the strings' values");
            }
        }));
    }

    /**
     * What each MCL string of a Nix document should read as after formatting: its MCL formatted on its own
     * (when the string touches {@code range}, if one is given).
     */
    private static List<String> expectedValues(DocumentModel model, TextRange range, Dialect dialect) {
        List<String> out = new ArrayList<>();
        for (FragmentSite site : sites(model)) {
            DecodedString d = NixStringDecoder.decode(site.string(), model.text());
            if (range != null && !site.string().range().touches(range)) {
                out.add(d.value());
                continue;
            }
            List<TextRange> holes = d.holes().stream().map(DecodedString.Hole::value).toList();
            out.add(FragmentFormatting.format(d.value(), holes, site.role() == FragmentRole.VAR, dialect)
                    .map(FragmentFormatting.Formatted::value).orElse(d.value()));
        }
        return out;
    }

    private static List<String> values(DocumentModel model) {
        return sites(model).stream().map(s -> NixStringDecoder.decode(s.string(), model.text()).value()).toList();
    }

    private static List<FragmentSite> sites(DocumentModel model) {
        return model.scan().sites().stream().filter(s -> s.string() != null && s.role() != FragmentRole.IMPORT).toList();
    }

    /** Nix itself: every formatted Nix fixture still parses, and each formatted string without holes evaluates to its MCL. */
    @Test
    void formattedNixIsValidNixWithTheFormattedValues() throws IOException, InterruptedException {
        NixOracle oracle = NixOracle.require();
        NixEval eval = NixEval.require();
        List<String> literals = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        int files = 0;
        for (CursorFixture f : CursorFixture.all("formatting")) {
            for (Map.Entry<Path, String> after : f.after().entrySet()) {
                if (!after.getKey().toString().endsWith(".nix")) {
                    continue;
                }
                Path file = Files.createTempFile("rx-format", ".nix");
                try {
                    Files.writeString(file, after.getValue(), StandardCharsets.UTF_8);
                    NixOracle.Verdict verdict = oracle.parse(file);
                    assertTrue(verdict.accepted(), f.name() + ": Nix rejects the formatted file: " + verdict.error());
                } finally {
                    Files.delete(file);
                }
                files++;
                DocumentModel model = f.model(after.getKey(), after.getValue());
                for (FragmentSite site : sites(model)) {
                    DecodedString d = NixStringDecoder.decode(site.string(), model.text());
                    if (d.holes().isEmpty()) {
                        literals.add(site.string().text(model.text()));
                        expected.add(d.value());
                    }
                }
            }
        }
        List<NixEval.Result> values = eval.strings(literals);
        for (int i = 0; i < literals.size(); i++) {
            assertNotNull(values.get(i).value(), literals.get(i) + ": " + values.get(i).error());
            assertEquals(expected.get(i), values.get(i).value(), literals.get(i));
        }
        System.out.printf("formatting fixtures: %d formatted Nix files parse with nix-instantiate; %d formatted strings "
                + "evaluate to their MCL%n", files, literals.size());
        assertTrue(files > 5 && literals.size() > 5, "too few formatted Nix strings checked");
    }
}
