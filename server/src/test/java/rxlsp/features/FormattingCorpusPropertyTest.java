package rxlsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rxlsp.embed.FragmentSite;
import rxlsp.embed.ModuleScan;
import rxlsp.embed.ModuleScanner;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MgmtCorpus;
import rxlsp.mcl.format.MclFormatter;
import rxlsp.nix.NixParser;
import rxlsp.nix.NixStringDecoder;
import rxlsp.nix.NixSyntaxTree;
import rxlsp.testing.MclLayouts;
import rxlsp.testing.NixEval;
import rxlsp.testing.NixLiterals;
import rxlsp.testing.ProjectPaths;
import rxlsp.text.TextEdit;

/**
 * Formatting inside Nix strings agrees with formatting the MCL alone, over mgmt's corpus in both
 * dialects: each program that parses, laid out badly ({@link MclLayouts}) and written into an rx.nix
 * raw block (alternately an indented string, indented, with escapes, and a {@code "…"} string, both
 * after a non-ASCII comment), is formatted in the module; the edited string then decodes to exactly what
 * {@link MclFormatter} prints for the program, formatting the module again changes nothing, and Nix
 * itself ({@code nix-instantiate --eval}) reads every edited string as that text.
 */
class FormattingCorpusPropertyTest {
    private static final Path MODULE = Path.of("/corpus/configuration.nix");

    @Test
    void formattingInNixStringsAgreesWithFormattingTheMcl() throws IOException, InterruptedException {
        NixEval nix = NixEval.require();
        Random random = new Random(20260312);
        List<String> failures = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        int programs = 0;
        int leftAlone = 0;
        long t0 = System.nanoTime();
        try (NixParser parser = NixParser.forSingleParses()) {
            for (var corpus : List.of(Map.entry("mgmt", Dialect.MGMT_1_1), Map.entry("mgmt-1.0", Dialect.MGMT_1_0))) {
                Path root = ProjectPaths.corpus().resolve(corpus.getKey());
                Dialect dialect = corpus.getValue();
                for (String source : sources(root)) {
                    String program = "# ✓ naïve 🚀\n" + source.stripTrailing() + "\n";
                    if (MclFormatter.hasSyntaxError(MclFrontEnd.parse(program, dialect))) {
                        continue;
                    }
                    String messy = MclLayouts.perturbed(program, dialect, random).stripTrailing() + "\n";
                    if (!(MclFormatter.format(messy, dialect) instanceof MclFormatter.Formatted want)) {
                        failures.add("the MCL alone is not formatted:\n" + messy);
                        continue;
                    }
                    programs++;
                    boolean indented = programs % 2 == 0;
                    String text = module(messy, indented, random);
                    List<TextEdit> edits = Formatting.nixModule(text, scan(parser, text), null, dialect);
                    if (edits.isEmpty() && !want.text().equals(messy)) {
                        leftAlone++;
                        failures.add("left alone (" + (indented ? "''" : "\"") + "):\n" + text);
                        continue;
                    }
                    String after = AnswerFixturesTest.apply(text, edits);
                    ModuleScan scanned = scan(parser, after);
                    FragmentSite site = scanned.sites().get(0);
                    String value = NixStringDecoder.decode(site.string(), after).value();
                    if (!value.equals(want.text())) {
                        failures.add("decodes to\n" + value + "\ninstead of\n" + want.text() + "\nfrom\n" + after);
                        continue;
                    }
                    if (!Formatting.nixModule(after, scanned, null, dialect).isEmpty()) {
                        failures.add("formatting twice changes it:\n" + after);
                    }
                    literals.add(site.string().text(after));
                    expected.add(want.text());
                }
            }
        }
        long t1 = System.nanoTime();
        List<NixEval.Result> values = nix.strings(literals);
        long t2 = System.nanoTime();
        for (int i = 0; i < literals.size(); i++) {
            assertNotNull(values.get(i).value(), literals.get(i) + ": " + values.get(i).error());
            if (!expected.get(i).equals(values.get(i).value())) {
                failures.add("Nix reads\n" + literals.get(i) + "\nas\n" + values.get(i).value());
            }
        }
        System.out.printf("formatting inside Nix strings over mgmt's corpus (both dialects): %d programs formatted in place, "
                + "%d left alone; Nix reads all %d edited strings as the formatted MCL (%.1f s, Nix %.1f s)%n", programs - leftAlone,
                leftAlone, literals.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        assertTrue(programs > 600, "too few programs: " + programs);
        assertEquals(List.of(), failures.stream().limit(5).toList(), failures.size() + " failures");
    }

    private static List<String> sources(Path root) {
        List<String> out = new ArrayList<>();
        for (Path txtar : MgmtCorpus.files(root.resolve("interpret_test"), ".txtar")) {
            String main = MgmtCorpus.txtar(txtar).get("main.mcl");
            if (main != null) {
                out.add(main);
            }
        }
        for (Path mcl : MgmtCorpus.files(root.resolve("examples"), ".mcl")) {
            out.add(MgmtCorpus.read(mcl));
        }
        return out;
    }

    private static ModuleScan scan(NixParser parser, String text) {
        NixSyntaxTree tree = parser.parse(text);
        return ModuleScanner.scan(MODULE, text, tree.root());
    }

    private static String module(String mcl, boolean indented, Random random) {
        String literal = indented ? "''\n" + NixLiterals.indented(mcl, "      ", random) + "    ''"
                : "\"" + NixLiterals.quoted(mcl) + "\"";
        return "{ ... }:\n{\n  rx.mcl.raw = [\n    " + literal + "\n  ];\n}\n";
    }
}
