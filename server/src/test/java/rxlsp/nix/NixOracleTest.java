package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import rxlsp.analysis.CheckedFile;
import rxlsp.analysis.FileChecker;
import rxlsp.fixtures.Fixtures;
import rxlsp.testing.NixInstallation;
import rxlsp.testing.NixOracle;
import rxlsp.testing.NixParseBatch;
import rxlsp.testing.ProjectPaths;
import rxlsp.text.Severity;
import rxlsp.workspace.FileKind;

/**
 * Fidelity against the real Nix parser: rx-lsp reports no error on a file Nix accepts and at least
 * one error on a file Nix rejects, over every {@code .nix} of the shared corpus and every Nix
 * fixture (whose expectation files must agree with Nix too); with Debian's Nix 2.8 and with a current
 * Nix ({@code .ci/modern-nix}). The fixtures under {@code nix/current-nix/} show where Nix 2.8 differs
 * from current Nix (rx-lsp follows current Nix there) and are held against current Nix only.
 */
class NixOracleTest {
    private static final String CURRENT_NIX_ONLY = "current-nix";
    private static final int ACCEPTED_CROSS_CHECKS = 20;

    @ParameterizedTest
    @EnumSource(NixInstallation.Which.class)
    void agreesWithNixOnTheCorpus(NixInstallation.Which which) throws Exception {
        Path corpus = ProjectPaths.corpus().resolve("nix");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".nix") && Files.isRegularFile(p)).sorted().toList();
        }
        assertTrue(files.size() > 100, "expected the Nix corpus, found " + files.size() + " files");
        assertAgreement(NixOracle.require(which), files, "corpus");
    }

    @ParameterizedTest
    @EnumSource(NixInstallation.Which.class)
    void agreesWithNixOnTheFixtures(NixInstallation.Which which) throws Exception {
        assertAgreement(NixOracle.require(which), nixFixtures(which), "fixtures");
    }

    /**
     * Small texts at the edges of Nix's lexer and grammar where tree-sitter-nix reads otherwise (the
     * classes differential fuzzing found), judged by Nix and by rx-lsp: both verdicts for each.
     */
    @ParameterizedTest
    @EnumSource(NixInstallation.Which.class)
    void agreesWithNixAtTheEdgesOfItsLexer(NixInstallation.Which which) throws Exception {
        List<String> texts = List.of(
                "[ #\r1 ]", "1 #\r)", "[ #x\ry ]", "1 /* \r */", "1 #\r\n)",
                "{} //a", "a: a.//.b", "x: x //y", "let a' = {}; in a'//b", "let a' = {}; b = {}; in a'//b", "a//b",
                "let a = {}; b = {}; c = {}; in a//b//c", "x: x.//b", "x: x.y//z", "{a}: a//{}",
                "./a//b", "./a/", "~/${\"a\"}", "~/${\"a\"}/", "~//a", "~/a/", "./a//b${\"c\"}", "./a${\"x\"}//b",
                "./a/${\"b\"}c", "./a/${\"b\"}/", "./${\"a\"}", "/${\"a\"}", "a/${\"b\"}", "1/2", "a: a~/${\"b\"}",
                "a:~/${\"b\"}", "./a//b//c", "./a//b/", "a/b//c${\"d\"}",
                "9223372036854775807", "09223372036854775807", "9223372036854775808", "-9223372036854775808",
                "1.0e999", "1.0e308", "1.8e308", "1.7976931348623157e308", "1.7976931348623158e308",
                "1.7976931348623159e308", "2.2250738585072014e-308", "2.2250738585072013e-308", "2.2250738585072012e-308",
                "2.2250738585072011e-308", "4.9e-324", "1.0e-323", "1.0e-310", "1.0e-400", "0.0e-999", "0.0e999",
                "1.0e-99999999999999", "0.0e-99999999999999", "1.0e99999999999999999", ".5e1", "1.", "01.5", "1e-310",
                "1 < 2 < 3", "1 == 1 == true", "1 < 2 == true", "1 == 2 != true", "1 < 2 <= 3", "1 >= 2 > 3",
                "!1 == 2 == 3", "1 < 2 || 2 < 3", "(1 == 2) == true",
                "{ , }: 1", "{ ,a }: 1", "{ a,, }: 1", "{ a, ..., }: 1", "{ ..., }: 1", "{ a ? 1, }: a", "a@{ , }: 1",
                "{ a, }: a", "b: [b or]", "b: [b or 1]", "b: [or]", "b: [b or or]", "b: [(b) or]", "b: [\"\" or]",
                "with {}; [ b or ]", "with {}; [ b.c or ]", "{ inherit ; }", "{ inherit (1); }",
                "cfg: cfg. a/S", "cfg: cfg.a/S", "cfg: cfg. a/${\"x\"}", "cfg: cfg. a'/S", "cfg: cfg. a / S", "x: x.a.b/c",
                "x: x. or/b", "cfg: cfg.\"a\"/S", "{ a/b = 1; }", "{ a/b }: 1",
                "o: if o?t then3else 7", "o: if o?t then 3 else 7", "x: x.a or3", "x: x.a or-b", "x: x.a or\"b\"",
                "x: if x then(x)else(x)", "x: if x?a then'' '' else 1", "x: x.y or(1)", "x: { inherit(x)y; }",
                "let\nin/a", "let a = 1; in/a", "x: if x then/a else 1", "x: x.a or/b", "{inherit;e=\"\";}", "x: {inherit(x)e;}", "let e = 1; in {inherit e;f=e;}", "{ inherit __curPos; }", "{ a = __curPos; }", "with {}; { inherit __curPos; }", "let inherit __curPos; in 1");
        NixOracle nix = NixOracle.require(which);
        List<NixOracle.Verdict> verdicts;
        try (NixParseBatch batch = new NixParseBatch(nix.installation())) {
            verdicts = batch.verdicts(texts);
        }
        List<String> disagreements = new ArrayList<>();
        try (FileChecker checker = new FileChecker()) {
            for (int i = 0; i < texts.size(); i++) {
                CheckedFile checked = checker.check("edge.nix", FileKind.NIX, texts.get(i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                boolean rxRejects = checked.count(Severity.ERROR) > 0;
                if (rxRejects == verdicts.get(i).accepted()) {
                    disagreements.add(NixMutants.show(texts.get(i)) + ": " + nix.installation().label() + " "
                            + (verdicts.get(i).accepted() ? "accepts" : "rejects (" + verdicts.get(i).error() + ")")
                            + ", rx-lsp " + (rxRejects ? "reports " + checked.diagnostics().getFirst().message() : "accepts"));
                }
            }
        }
        System.out.printf("Nix oracle (lexer edges, %s): %d texts, %d agreed%n", nix.installation().label(), texts.size(),
                texts.size() - disagreements.size());
        assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    }

    /**
     * The Nix fixtures this Nix judges as rx-lsp does: all, except those under {@code current-nix/}
     * for Nix 2.8. They show where 2.8 differs from current Nix, which rx-lsp follows.
     */
    private static List<Path> nixFixtures(NixInstallation.Which which) throws IOException {
        Path currentOnly = ProjectPaths.fixtures().resolve("nix").resolve(CURRENT_NIX_ONLY);
        return Fixtures.withExpectations(ProjectPaths.fixtures().resolve("nix")).stream()
                .filter(p -> p.toString().endsWith(".nix"))
                .filter(p -> which == NixInstallation.Which.MODERN || !p.startsWith(currentOnly))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(NixInstallation.Which.class)
    void expectationFilesAgreeWithNix(NixInstallation.Which which) throws Exception {
        NixOracle nix = NixOracle.require(which);
        List<String> wrong = new ArrayList<>();
        for (Path input : nixFixtures(which)) {
            boolean expectsError = Files.readAllLines(Fixtures.expectationOf(input)).stream().anyMatch(l -> l.contains(": error: "));
            NixOracle.Verdict verdict = nix.parse(input);
            if (verdict.accepted() == expectsError) {
                wrong.add(input + ": expectation says " + (expectsError ? "error" : "clean") + ", Nix says "
                        + (verdict.accepted() ? "accepted" : verdict.error()) + " (" + nix.installation().label() + ")");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /**
     * Nix's verdicts come from one {@code nix repl} ({@link NixParseBatch}); every file it rejects and
     * {@value #ACCEPTED_CROSS_CHECKS} it accepts are judged by {@code nix-instantiate --parse} as well,
     * which must agree.
     */
    private static void assertAgreement(NixOracle nix, List<Path> files, String what) throws Exception {
        long started = System.nanoTime();
        List<byte[]> contents = new ArrayList<>();
        for (Path file : files) {
            contents.add(Files.readAllBytes(file));
        }
        List<NixOracle.Verdict> verdicts;
        try (NixParseBatch batch = new NixParseBatch(nix.installation())) {
            verdicts = batch.verdictsOfFiles(contents);
        }
        List<String> disagreements = new ArrayList<>();
        int crossChecked = 0;
        try (FileChecker checker = new FileChecker()) {
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                NixOracle.Verdict verdict = verdicts.get(i);
                if (!verdict.accepted() || crossChecked < ACCEPTED_CROSS_CHECKS) {
                    crossChecked += verdict.accepted() ? 1 : 0;
                    NixOracle.Verdict direct = nix.parse(file);
                    assertEquals(direct.accepted(), verdict.accepted(), file + ": nix repl and nix-instantiate --parse differ ("
                            + direct.error() + ")");
                }
                CheckedFile checked = checker.check(file.toString(), FileKind.NIX, contents.get(i));
                boolean rxRejects = checked.count(Severity.ERROR) > 0;
                if (verdict.accepted() && rxRejects) {
                    disagreements.add(file + ": " + nix.installation().label() + " accepts, rx-lsp reports "
                            + checked.diagnostics().getFirst().message());
                } else if (!verdict.accepted() && !rxRejects) {
                    disagreements.add(file + ": " + nix.installation().label() + " rejects (" + verdict.error()
                            + "), rx-lsp reports no error");
                }
            }
        }
        System.out.printf(java.util.Locale.ROOT, "Nix oracle (%s, %s): %d files, %d agreed, %d disagreed (%.1f s)%n", what,
                nix.installation().label(), files.size(), files.size() - disagreements.size(), disagreements.size(),
                (System.nanoTime() - started) / 1e9);
        assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    }
}
