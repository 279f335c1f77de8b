package rxlsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.testing.NixOracle;
import rxlsp.text.TextEdit;

/**
 * Completion fixtures ({@code test-fixtures/features/completion}): the expectation lists labels that
 * must be offered ({@code has: a, b}), must not ({@code not: c}) or are exactly the offer
 * ({@code only: a, b}); {@code apply: LABEL} accepts that item (its edit and any import it adds), and
 * the file after it is the {@code //- after} section, which for a Nix file must still be accepted by
 * {@code nix-instantiate --parse}, and whose program holds the MCL of {@code mcl: TEXT}.
 */
class CompletionFixturesTest {
    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> completion() {
        return CursorFixture.all("completion").stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> check(f)));
    }

    private void check(CursorFixture f) throws Exception {
        boolean snippets = f.name().contains("snippet");
        List<Completion.Item> items = Completion.at(f.cursor(), new Completion.Options(snippets,
                p -> List.of("lib.mcl", "modules/")));
        List<String> labels = items.stream().map(Completion.Item::label).toList();
        Map<String, String> expect = new LinkedHashMap<>();
        for (String line : f.expect().split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                expect.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        if (expect.containsKey("has")) {
            for (String want : list(expect.get("has"))) {
                assertTrue(labels.contains(want), f.name() + ": `" + want + "` not offered; got " + labels);
            }
        }
        if (expect.containsKey("not")) {
            for (String unwanted : list(expect.get("not"))) {
                assertTrue(!labels.contains(unwanted), f.name() + ": `" + unwanted + "` offered");
            }
        }
        if (expect.containsKey("only")) {
            assertEquals(list(expect.get("only")).stream().sorted().toList(), labels.stream().sorted().toList(), f.name());
        }
        if (expect.containsKey("apply")) {
            Completion.Item item = items.stream().filter(i -> i.label().equals(expect.get("apply"))).findFirst()
                    .orElseThrow(() -> new AssertionError(f.name() + ": no item " + expect.get("apply") + " in " + labels));
            List<TextEdit> edits = new ArrayList<>(item.additional());
            edits.add(item.snippet() ? new TextEdit(item.edit().start(), item.edit().end(), expand(item.edit().newText()))
                    : item.edit());
            String after = AnswerFixturesTest.apply(f.files().get(f.cursorFile()), edits);
            assertEquals(f.after().get(f.cursorFile()), after, f.name() + ": the text after accepting " + item.label());
            if (f.cursorFile().toString().endsWith(".nix")) {
                Path written = Files.writeString(tmp.resolve("after.nix"), after);
                var verdict = NixOracle.require().parse(written);
                assertTrue(verdict.accepted(), f.name() + ": Nix rejects the text after completion: " + verdict.error());
            }
            if (expect.containsKey("mcl")) {
                var model = f.model(f.cursorFile(), after);
                String program = model.units().get(0).shown();
                String mcl = expect.get("mcl").replace("\\n", "\n").replace("\\t", "\t");
                assertTrue(program.contains(mcl), f.name() + ": the program does not hold `" + mcl + "`:\n" + program);
            }
        }
    }

    /**
     * A snippet as an editor inserts it: {@code ${n:text}} becomes its text, {@code $n} nothing, and
     * {@code \$ \} \\} the character; anything else malformed fails the test.
     */
    static String expand(String snippet) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < snippet.length(); i++) {
            char c = snippet.charAt(i);
            if (c == '\\') {
                char next = snippet.charAt(++i);
                assertTrue(next == '$' || next == '}' || next == '\\', "bad snippet escape in " + snippet);
                out.append(next);
            } else if (c == '$' && i + 1 < snippet.length() && Character.isDigit(snippet.charAt(i + 1))) {
                i++;
                while (i + 1 < snippet.length() && Character.isDigit(snippet.charAt(i + 1))) {
                    i++;
                }
            } else if (c == '$' && snippet.startsWith("{", i + 1)) {
                int colon = snippet.indexOf(':', i);
                assertTrue(colon > i + 2, "bad placeholder in " + snippet);
                i = colon;
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else {
                assertTrue(c != '$' && c != '}', "unescaped `" + c + "` in snippet " + snippet);
                out.append(c);
            }
        }
        assertEquals(0, depth, "unclosed placeholder in " + snippet);
        return out.toString();
    }

    private static List<String> list(String s) {
        return Arrays.stream(s.split(",\\s*")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }
}
