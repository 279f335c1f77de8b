package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rxlsp.analysis.CheckedFile;
import rxlsp.analysis.FileChecker;
import rxlsp.fixtures.Fixtures;
import rxlsp.testing.NixOracle;
import rxlsp.testing.ProjectPaths;
import rxlsp.text.Severity;
import rxlsp.workspace.FileKind;

/**
 * Fidelity against the real Nix parser: rx-lsp reports no error on a file Nix accepts and at least
 * one error on a file Nix rejects, over every {@code .nix} of the shared corpus and every Nix
 * fixture (whose expectation files must agree with Nix too).
 */
class NixOracleTest {
    @Test
    void agreesWithNixOnTheCorpus() throws Exception {
        Path corpus = ProjectPaths.corpus().resolve("nix");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".nix") && Files.isRegularFile(p)).sorted().toList();
        }
        assertTrue(files.size() > 100, "expected the Nix corpus, found " + files.size() + " files");
        assertAgreement(files, "corpus");
    }

    @Test
    void agreesWithNixOnTheFixtures() throws Exception {
        assertAgreement(Fixtures.withExpectations(ProjectPaths.fixtures().resolve("nix")).stream()
                .filter(p -> p.toString().endsWith(".nix")).toList(), "fixtures");
    }

    /**
     * The oracle side of the Nix fuzz target ({@link NixParseFuzzTest}): corpus files mutated the
     * way the fuzzer edits them (with a fixed seed), judged by rx-lsp and by Nix.
     */
    @Test
    void agreesWithNixOnMutatedCorpusFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        List<Path> originals;
        try (Stream<Path> walk = Files.walk(ProjectPaths.corpus().resolve("nix"))) {
            originals = walk.filter(p -> p.toString().endsWith(".nix") && Files.isRegularFile(p)).sorted().toList();
        }
        java.util.Random random = new java.util.Random(16);
        String[] typed = {"", "x", " ", "\n", "{", "}", "\"", "''", ";", "=", "${", "[", "]", "#", "/*", "let ", " in ", "inherit ", "a.b"};
        List<Path> mutated = new ArrayList<>();
        for (int i = 0; i < MUTATED; i++) {
            String text = Files.readString(originals.get(random.nextInt(originals.size())));
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                int at = random.nextInt(text.length() + 1);
                int end = Math.min(text.length(), at + random.nextInt(8));
                text = text.substring(0, at) + typed[random.nextInt(typed.length)] + text.substring(end);
            }
            Path f = dir.resolve("m" + i + ".nix");
            Files.writeString(f, text);
            mutated.add(f);
        }
        assertAgreement(mutated, "mutated corpus files");
    }

    private static final int MUTATED = 300;

    @Test
    void expectationFilesAgreeWithNix() throws Exception {
        NixOracle nix = NixOracle.require();
        List<String> wrong = new ArrayList<>();
        for (Path input : Fixtures.withExpectations(ProjectPaths.fixtures().resolve("nix"))) {
            if (!input.toString().endsWith(".nix")) {
                continue;
            }
            boolean expectsError = Files.readAllLines(Fixtures.expectationOf(input)).stream().anyMatch(l -> l.contains(": error: "));
            NixOracle.Verdict verdict = nix.parse(input);
            if (verdict.accepted() == expectsError) {
                wrong.add(input + ": expectation says " + (expectsError ? "error" : "clean") + ", Nix says "
                        + (verdict.accepted() ? "accepted" : verdict.error()));
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static void assertAgreement(List<Path> files, String what) throws Exception {
        NixOracle nix = NixOracle.require();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Path file : files) {
                results.add(pool.submit(() -> disagreement(nix, file)));
            }
            List<String> disagreements = new ArrayList<>();
            for (Future<String> r : results) {
                String d = r.get();
                if (d != null) {
                    disagreements.add(d);
                }
            }
            System.out.printf("Nix oracle (%s): %d files, %d agreed, %d disagreed%n", what, files.size(),
                    files.size() - disagreements.size(), disagreements.size());
            assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
        } finally {
            pool.shutdownNow();
        }
    }

    private static String disagreement(NixOracle nix, Path file) throws IOException, InterruptedException {
        NixOracle.Verdict verdict = nix.parse(file);
        CheckedFile checked;
        try (FileChecker checker = new FileChecker()) {
            checked = checker.check(file.toString(), FileKind.NIX, Files.readAllBytes(file));
        }
        boolean rxRejects = checked.count(Severity.ERROR) > 0;
        if (verdict.accepted() && rxRejects) {
            return file + ": Nix accepts, rx-lsp reports " + checked.diagnostics().getFirst().message();
        }
        if (!verdict.accepted() && !rxRejects) {
            return file + ": Nix rejects (" + verdict.error() + "), rx-lsp reports no error";
        }
        return null;
    }
}
