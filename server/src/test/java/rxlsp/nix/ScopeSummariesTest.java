package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rxlsp.testing.ProjectPaths;
import rxlsp.text.Diagnostic;
import rxlsp.text.TextEdit;

/**
 * The static checks with kept summaries must report exactly what a walk of the whole tree reports,
 * version after version of an edited file: summaries replayed in another scope (a name bound or
 * unbound around them), next to sets that receive merged attributes, under {@code with}, and
 * rebuilt where an edit touched them.
 */
class ScopeSummariesTest {
    /** Duplicates across merges, free and bound variables, MCL-looking interpolations, formals. */
    private static final String MODULE = """
            { config, lib, pkgs, ... }:
            let
              cfg = config.services.demo;
              helper = name: value: lib.mkIf cfg.enable { "${name}" = value; other = missing; text = "long enough to be summarised on its own, which needs 128 characters or more of it"; };
            in
            {
              options.services.demo = {
                enable = lib.mkEnableOption "the demo service, with a description long enough to be summarised";
                port = lib.mkOption { type = lib.types.port; default = 8080; description = "the port it listens on"; };
              };
              a = { b = 1; c = { d = helper "x" 1; }; };
              a = { e = 2; c = 3; };
              a.f = pkgs.writeText "f" ''
                ${cfg.port} ''${mcl} ${undefinedHere}
              '';
              g = { x, y ? x, x }: x + y + z + builtins.length [ 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 ];
              h = with lib; { i = mkDefault 1; j = unknownButUnderWith; k = rec { l = m; m = 1; n = o; }; text = "long enough to be summarised on its own, which needs 128 characters or more of it"; };
              p = let q = 1; q2 = q + r; in { inherit q q2; inherit (lib) mkIf; s = q + t; text = "long enough to be summarised on its own, which needs 128 characters or more of it"; };
              merged = { first = "a value long enough for this set to be summarised, were it not merged into: a set is summarised from 128 characters on"; };
              merged = { second = undefinedAfterMerge; };
              merged2 = rec { bound = 1; pad = "a value long enough for this set to be summarised, were it not a merge target: a set is summarised from 128 characters on"; };
              merged2 = { third = bound; fourth = unboundThere; };
            }
            """;

    @Test
    void editsOfAModuleAgreeWithWholeWalks() {
        // padded past the widest summary, so that the module's own bindings are summarised one by one
        StringBuilder padding = new StringBuilder("  padding = [");
        while (padding.length() <= ScopeWalker.MAX_SUMMARY_WIDTH) {
            padding.append(' ').append(padding.length());
        }
        String padded = MODULE.substring(0, MODULE.lastIndexOf('}')) + padding + " ];\n}\n";
        assertAgreement(List.of(MODULE, padded), 300, 11);
    }

    @Test
    void editsOfTheCorpusAgreeWithWholeWalks() throws IOException {
        Path root = ProjectPaths.corpus().resolve("nix");
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".nix") && Files.isRegularFile(f)).sorted().toList()) {
                String t = Files.readString(p);
                if (t.length() > 2_000 && t.length() < 60_000) {
                    texts.add(t);
                }
            }
        }
        ProjectPaths.requireTier(texts.size() > 50, "too few Nix modules under " + root);
        assertAgreement(texts.subList(0, Math.min(texts.size(), 120)), 8, 23);
    }

    /**
     * Edits each text {@code edits} times (renaming a letter of a word, copying a binding line, or
     * deleting one), and after every edit compares the kept-summary run with a whole walk.
     */
    private static void assertAgreement(List<String> texts, int edits, long seed) {
        Random random = new Random(seed);
        int compared = 0;
        int withFindings = 0;
        int kept = 0;
        for (String original : texts) {
            ScopeSummaries summaries = new ScopeSummaries();
            try (NixParser parser = new NixParser()) {
                String text = original;
                NixSyntaxTree tree = parser.parse(text);
                for (int i = 0; i <= edits; i++) {
                    if (NixSyntaxDiagnostics.of(tree).isEmpty()) {
                        List<Diagnostic> whole = NixStaticChecks.ofValidSyntax(tree);
                        List<Diagnostic> summarised = NixStaticChecks.ofValidSyntax(tree, summaries);
                        String shown = text;
                        assertEquals(whole, summarised, () -> "the kept summaries disagree on:\n" + shown);
                        compared++;
                        withFindings += whole.isEmpty() ? 0 : 1;
                        kept = Math.max(kept, summaries.size());
                    }
                    TextEdit edit = edit(text, random);
                    text = edit.applyTo(text);
                    tree = parser.reparse(List.of(edit));
                }
            }
        }
        System.out.printf("scope summaries: %d versions agree with whole walks (%d with findings); up to %d summaries kept%n",
                compared, withFindings, kept);
        assertTrue(compared > texts.size(), "too few valid versions compared: " + compared);
        assertTrue(withFindings > compared / 10, "too few versions with findings to compare: " + withFindings);
        assertTrue(kept > 0, "no subtree was summarised: the test no longer exercises the summaries");
    }

    /** An edit that mostly keeps the syntax valid and often changes what the checks find. */
    private static TextEdit edit(String text, Random random) {
        int at = random.nextInt(text.length());
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = text.indexOf('\n', at);
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        String line = text.substring(lineStart, lineEnd);
        switch (random.nextInt(4)) {
            case 0 -> { // copy a binding line: a duplicate attribute, or a second definition that merges
                if (line.trim().endsWith(";") && line.contains(" = ")) {
                    return new TextEdit(lineEnd, lineEnd, "\n" + line);
                }
            }
            case 1 -> { // delete a binding line: a name that was bound may now be free
                if (line.trim().endsWith(";") && line.contains(" = ") && lineEnd < text.length()) {
                    return new TextEdit(lineStart, lineEnd + 1, "");
                }
            }
            default -> { // change a letter of a word: an undefined variable, or a new attribute name
                for (int i = at; i < Math.min(text.length(), at + 200); i++) {
                    if (Character.isLowerCase(text.charAt(i)) && i > 0 && Character.isLetter(text.charAt(i - 1))) {
                        return new TextEdit(i, i + 1, String.valueOf((char) ('a' + random.nextInt(26))));
                    }
                }
            }
        }
        return new TextEdit(at, at, "");
    }
}
