package rxlsp.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rxlsp.nix.NixParser;
import rxlsp.nix.SyntaxNode;

class ScanPrefilterTest {
    private static final Path FILE = Path.of("/m/default.nix").toAbsolutePath();

    @Test
    void escapedAndMarkedSpellingsAreNotFilteredOut() {
        for (String text : List.of("{ \"r\\x\".mcl.raw = [ \"a\" ]; }", "{ ${''r''\\x''}.mcl.raw = [ ''a'' ]; }",
                "{ config.rx.mcl.raw = [ \"a\" ]; }", "{ i\\mports = [ ./a.nix ]; }", "{ x = /* MCL */ ''a''; }",
                "{ x = # Mcl\n ''a''; }", "{ y.modules = [ { } ]; }", "{ disabledModules = [ ./a.nix ]; }")) {
            assertTrue(ScanPrefilter.mayFindSomething(text), text);
        }
        assertFalse(ScanPrefilter.mayFindSomething("{ a = \"b\\n\"; c = ''d''; }"));
        assertFalse(ScanPrefilter.mayFindSomething("# an rx-lsp benchmark module\n{ rxvt = 1; submodules = 2; }"));
    }

    /**
     * After one edit of a text without any of the words, looking near the edit finds every word the
     * whole text has: pieces of the words, escapes and separators, typed and deleted at random.
     */
    @Test
    void aNewWordIsAlwaysNearTheEdit() {
        String[] pieces = {"r", "x", "rx", "i", "mports", "m", "odules", "c", "l", "MC", "disabled", "Modules", "\\", "'", "''",
                " ", "\n", "-", "_", "{", "}", ".", "=", "a", "é"};
        java.util.Random random = new java.util.Random(9);
        int words = 0;
        for (int round = 0; round < 100_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = b.toString();
            if (ScanPrefilter.mayFindSomething(text)) {
                continue;
            }
            int start = random.nextInt(text.length() + 1);
            int end = Math.min(text.length(), start + (random.nextBoolean() ? 0 : random.nextInt(4)));
            String typed = random.nextInt(3) == 0 ? "" : pieces[random.nextInt(pieces.length)];
            String edited = text.substring(0, start) + typed + text.substring(end);
            boolean whole = ScanPrefilter.mayFindSomething(edited);
            words += whole ? 1 : 0;
            if (whole) {
                assertTrue(ScanPrefilter.mayFindSomethingNear(edited, start, start + typed.length()),
                        "\"" + text + "\" edited to \"" + edited + "\"");
            }
        }
        assertTrue(words > 500, "only " + words + " edits made a word");
    }

    /** Wherever the prefilter says "nothing", the full scan indeed finds nothing. */
    @Test
    void filteredFilesHaveEmptyScans() throws IOException {
        int filtered = 0;
        try (NixParser parser = NixParser.forSingleParses()) {
            for (String text : texts()) {
                if (ScanPrefilter.mayFindSomething(text)) {
                    continue;
                }
                filtered++;
                SyntaxNode root = parser.parse(text).root();
                ModuleScan full = ModuleScanner.scanTree(FILE, text, root);
                assertEquals(List.of(), full.sites(), text);
                assertEquals(List.of(), full.resFields(), text);
                assertEquals(List.of(), full.imports(), text);
                assertTrue(full.isInert() && full.disabled().isEmpty(), text);
            }
        }
        assertTrue(filtered > 0);
    }

    private static List<String> texts() throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (Path dir : List.of(Path.of("../test-fixtures"), Path.of("../../shared/corpus/nix"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".nix") && Files.isRegularFile(f)).sorted().toList()) {
                    out.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
