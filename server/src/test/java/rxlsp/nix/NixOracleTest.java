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
