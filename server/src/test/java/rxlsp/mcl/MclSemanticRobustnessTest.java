package rxlsp.mcl;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rxlsp.analysis.Diagnostics;
import rxlsp.mcl.check.ImportResolver;
import rxlsp.mcl.check.SemanticFixture;
import rxlsp.text.Diagnostic;

/** Huge and pathological programs: the semantic stages finish in bounded time and never throw. */
class MclSemanticRobustnessTest {

    private static List<Diagnostic> analyse(String text) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Diagnostics.ofMcl(text, MclFrontEnd.parse(text, Dialect.MGMT_1_1), ImportResolver.none()));
    }

    @Test
    void tenThousandChainedOperators() {
        String sum = "1" + " + 1".repeat(10_000);
        List<Diagnostic> d = analyse("$x = " + sum + "\ntest \"t\" {\n\tint64 => $x,\n}\n");
        // the parser refuses the depth, or every stage accepts it: either way, a bounded answer
        assertTrue(d.stream().allMatch(x -> x.stage().equals("syntax")), d::toString);
    }

    @Test
    void tenThousandLinkChainsOfLookupsAndFallbacks() throws InterruptedException {
        // on a thread with the stack rx-lsp's own analysis threads have
        List<List<Diagnostic>> results = new java.util.ArrayList<>();
        Thread t = new Thread(null, () -> {
            results.add(analyse("$x = 1" + " <|> 1".repeat(10_000) + "\n"));
            results.add(analyse("$m = {\"a\" => 1}\n$x = $m" + "[\"a\"]".repeat(10_000) + "\n"));
        }, "deep", 16L << 20);
        t.start();
        t.join();
        assertTrue(results.get(0).isEmpty(), results::toString);
        // the second lookup indexes an int: one type error at the first link that goes wrong, found in a loop
        assertTrue(results.get(1).size() == 1 && results.get(1).get(0).code().equals("mcl-not-indexable"), results::toString);
    }

    @Test
    void longChainsOfDefinitions() {
        StringBuilder b = new StringBuilder("$v0 = 0\n");
        for (int i = 1; i < 5_000; i++) {
            b.append("$v").append(i).append(" = $v").append(i - 1).append(" + 1\n");
        }
        b.append("$bad str = $v4999\n");
        List<Diagnostic> d = analyse(b.toString());
        assertTrue(d.size() == 1 && d.get(0).stage().equals("type"), d::toString);
    }

    @Test
    void deepNesting() {
        String lambdas = "func($x) { ".repeat(400) + "$x" + " }".repeat(400);
        assertTrue(analyse("$f = " + lambdas + "\n").isEmpty());
        String ifs = "if true { ".repeat(500) + "1" + " } else { 2 }".repeat(500);
        assertTrue(analyse("$i = " + ifs + "\n").isEmpty());
        String lists = "[".repeat(500) + "1" + "]".repeat(500);
        assertTrue(analyse("$l = " + lists + "\n").isEmpty());
    }

    @Test
    void exponentialCopiesStopAtTheBudget() {
        StringBuilder b = new StringBuilder("func f0($x) { $x }\n");
        for (int i = 1; i <= 40; i++) {
            b.append("func f").append(i).append("($x) { f").append(i - 1).append("($x) + f").append(i - 1).append("($x) }\n");
        }
        b.append("$r = f40(1)\n");
        StringBuilder c = new StringBuilder("class c0($x) {\n\ttest $x {}\n}\n");
        for (int i = 1; i <= 30; i++) {
            c.append("class c").append(i).append("($x) {\n\tinclude c").append(i - 1).append("($x)\n\tinclude c")
                    .append(i - 1).append("($x + \"a\")\n}\n");
        }
        c.append("include c30(\"n\")\n");
        assertTrue(analyse(b.toString()).isEmpty());
        assertTrue(analyse(c.toString()).isEmpty());
    }

    @Test
    void cyclicAndSelfImports() {
        Map<String, String> files = Map.of("a.mcl", "import \"b.mcl\"\n", "b.mcl", "import \"a.mcl\"\n",
                "self.mcl", "import \"self.mcl\"\n");
        var r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SemanticFixture.check("import \"a.mcl\"\nimport \"self.mcl\"\n", files));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals("mcl-import-failed")), r::toString);
    }
}
