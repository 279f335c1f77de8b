package rxlsp.nix;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayDeque;
import java.util.List;
import rxlsp.analysis.Diagnostics;
import rxlsp.testing.RangesInside;
import rxlsp.text.Diagnostic;
import rxlsp.text.TextEdit;
import rxlsp.testing.RandomEdits;

/**
 * Fuzz target: Nix parsing and the static checks over mutated corpus files. Nothing throws; every
 * node lies inside its parent and the text; every diagnostic lies inside the text; an incremental
 * reparse after an edit yields tree-sitter's tree with subtrees reused, equal to a fresh parse
 * whenever the edited text has no syntax error (with errors, tree-sitter's incremental recovery may
 * differ from a fresh one); an approximate tree (forced here in small texts) lies inside its text, and
 * refined it is tree-sitter's own; rx-lsp's native tree walk copies every tree as the cursor walk does. Whether the verdict agrees with {@code nix-instantiate --parse} is the
 * oracle tier's question ({@code NixFuzzOracleTest} replays the regression inputs through Nix).
 */
public class NixParseFuzzTest {
    private static final String[] TYPED = {"", "x", " ", "\n", "{", "}", "\"", "''", ";", "=", "é", "😀", "${", "[", "]", "#", "/*"};

    @FuzzTest
    void fuzz(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        int at = data.consumeInt(0, Integer.MAX_VALUE);
        int removed = data.consumeInt(0, 12);
        String typed = data.pickValue(TYPED);
        String text = data.consumeRemainingAsString();
        try (NixParser incremental = new NixParser(); NixParser fresh = NixParser.forSingleParses();
             NixParser approximating = new NixParser(0, 1)) {
            NixSyntaxTree tree = incremental.parse(text);
            checkTree(tree);
            // rx-lsp's native walk copies a broken tree as the cursor walk does
            String differ = TreeCopierTest.walksDiffer(text, NixParser.MAX_DEPTH);
            if (differ != null) {
                throw new AssertionError("the two tree walks differ: " + differ);
            }
            approximating.parse(text);
            TextEdit edit = RandomEdits.of(text, at, removed, typed);
            NixSyntaxTree reparsed = incremental.reparse(List.of(edit));
            checkTree(reparsed);
            // an approximate tree lies inside its text too, and refining it gives tree-sitter's own tree
            checkTree(approximating.reparse(List.of(edit)));
            if (approximating.approximate()) {
                NixSyntaxTree refined = approximating.refine(() -> false);
                if (!NixParserTest.shape(refined.root()).equals(NixParserTest.shape(reparsed.root()))) {
                    throw new AssertionError("a refined approximation differs from tree-sitter's tree after " + edit);
                }
            }
            NixSyntaxTree again = fresh.parse(reparsed.text());
            if (!again.root().hasError() && !again.depthLimited()
                    && !NixParserTest.shape(again.root()).equals(NixParserTest.shape(reparsed.root()))) {
                throw new AssertionError("an incremental reparse of a valid text differs from a fresh parse after " + edit);
            }
        }
    }

    private static void checkTree(NixSyntaxTree tree) {
        int length = tree.text().length();
        List<Diagnostic> diagnostics = Diagnostics.ofNix(tree);
        RangesInside.check(diagnostics, length);
        ArrayDeque<SyntaxNode> todo = new ArrayDeque<>();
        todo.push(tree.root());
        while (!todo.isEmpty()) {
            SyntaxNode n = todo.pop();
            if (n.start() < 0 || n.end() < n.start() || n.end() > length) {
                throw new AssertionError("node " + n + " outside a text of " + length);
            }
            for (SyntaxNode c : n.children()) {
                if (c.start() < n.start() || c.end() > n.end()) {
                    throw new AssertionError("child " + c + " outside its parent " + n);
                }
                todo.push(c);
            }
        }
    }
}
