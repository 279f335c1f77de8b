package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rxlsp.analysis.CheckedFile;
import rxlsp.analysis.FileChecker;
import rxlsp.testing.NixInstallation;
import rxlsp.testing.NixOracle;
import rxlsp.testing.NixParseBatch;
import rxlsp.testing.ProjectPaths;
import rxlsp.text.Diagnostic;
import rxlsp.text.PositionEncoding;
import rxlsp.text.Severity;
import rxlsp.workspace.FileKind;

/**
 * Differential fuzzing against Nix's parser: seeded token mutations of every {@code .nix} file of the
 * shared corpus (deletions, insertions, replacements, swaps, glued tokens), each judged by rx-lsp and
 * by {@code nix-instantiate}'s parser in Nix 2.8 and in a current Nix. rx-lsp's verdict (an error or
 * none) must equal Nix's on every mutant; a disagreement is printed minimised. Nix's verdicts come in
 * batches from one {@code nix repl} per version ({@link NixParseBatch}); a sample of them is checked
 * against {@code nix-instantiate --parse} itself. Where the two Nix versions differ, rx-lsp must give
 * the current Nix's verdict (the differences are listed).
 *
 * <p>{@code -Drx.fuzz.mutants=N} and {@code -Drx.fuzz.seed=S} run a longer or another series.
 */
class NixMutationFuzzTest {
    private static final int DEFAULT_MUTANTS = 4_000;
    private static final long DEFAULT_SEED = 20_261_207L;
    /** Mutants per verdict checked with {@code nix-instantiate --parse} as well, per Nix version. */
    private static final int CROSS_CHECKS = 12;
    /** Disagreements minimised and printed; the rest are counted. */
    private static final int SHOWN = 12;

    @Test
    void rxLspAgreesWithNixOnMutatedCorpusFiles() throws Exception {
        int count = Integer.getInteger("rx.fuzz.mutants", DEFAULT_MUTANTS);
        long seed = Long.getLong("rx.fuzz.seed", DEFAULT_SEED);
        NixInstallation system = NixInstallation.require(NixInstallation.Which.SYSTEM);
        NixInstallation modern = NixInstallation.require(NixInstallation.Which.MODERN);
        long started = System.nanoTime();
        List<NixMutants.Mutant> mutants = mutants(count, seed);
        List<String> texts = mutants.stream().map(NixMutants.Mutant::text).toList();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        RxVerdict[] rx;
        List<NixOracle.Verdict> old;
        List<NixOracle.Verdict> current;
        try (NixParseBatch oldNix = new NixParseBatch(system); NixParseBatch newNix = new NixParseBatch(modern)) {
            Future<List<NixOracle.Verdict>> oldVerdicts = pool.submit(() -> oldNix.verdicts(texts));
            Future<List<NixOracle.Verdict>> newVerdicts = pool.submit(() -> newNix.verdicts(texts));
            rx = rxRejects(texts);
            old = oldVerdicts.get();
            current = newVerdicts.get();
            long judged = System.nanoTime();

            crossCheck(system, texts, old);
            crossCheck(modern, texts, current);

            List<Integer> disagreements = new ArrayList<>();
            List<Integer> versionsDiffer = new ArrayList<>();
            int rejected = 0;
            for (int i = 0; i < texts.size(); i++) {
                rejected += current.get(i).accepted() ? 0 : 1;
                if (old.get(i).accepted() != current.get(i).accepted()) {
                    versionsDiffer.add(i);
                }
                // where the two differ, rx-lsp follows the current Nix, which rx.nix users run
                if (rx[i].rejects() == current.get(i).accepted()) {
                    disagreements.add(i);
                }
            }
            System.out.printf(Locale.ROOT, "Nix mutation fuzzing (seed %d): %d mutants of %d corpus files, %d rejected by %s;"
                            + " rx-lsp's verdict equals Nix's on %d/%d (%.2f%%); %s and %s differ on %d (rx-lsp follows %s there);"
                            + " %.1f s (verdicts %.1f s, %d + %d nix repl processes)%n",
                    seed, texts.size(), corpusFiles().size(), rejected, modern.label(),
                    texts.size() - disagreements.size(), texts.size(),
                    100.0 * (texts.size() - disagreements.size()) / Math.max(1, texts.size()),
                    system.label(), modern.label(), versionsDiffer.size(), modern.label(),
                    (System.nanoTime() - started) / 1e9, (judged - started) / 1e9, oldNix.processes(), newNix.processes());
            printLocations(texts, rx, current);
            for (int i : versionsDiffer) {
                System.out.printf("  Nix versions differ on %s (%s): %s: %s, %s: %s%n", mutants.get(i).origin(),
                        mutants.get(i).operations(), system.label(), describe(old.get(i)), modern.label(), describe(current.get(i)));
            }
            List<String> report = new ArrayList<>();
            for (int k = 0; k < disagreements.size() && k < SHOWN; k++) {
                int i = disagreements.get(k);
                report.add(minimisedReport(mutants.get(i), rx[i].rejects(), current.get(i), newNix));
            }
            if (disagreements.size() > SHOWN) {
                report.add("… and " + (disagreements.size() - SHOWN) + " more disagreements");
            }
            assertTrue(disagreements.isEmpty(), disagreements.size() + " mutants where rx-lsp's verdict is not Nix's:\n"
                    + String.join("\n", report));
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Path> corpusFiles() throws Exception {
        try (Stream<Path> walk = Files.walk(ProjectPaths.corpus().resolve("nix"))) {
            return walk.filter(p -> p.toString().endsWith(".nix") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static List<NixMutants.Mutant> mutants(int count, long seed) throws Exception {
        Path corpus = ProjectPaths.corpus().resolve("nix");
        List<Path> files = corpusFiles();
        assertTrue(files.size() > 100, "expected the Nix corpus, found " + files.size() + " files");
        List<String> sources = new ArrayList<>();
        for (Path f : files) {
            sources.add(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
        Random random = new Random(seed);
        List<NixMutants.Mutant> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int f = random.nextInt(files.size());
            out.add(NixMutants.mutate(corpus.relativize(files.get(f)).toString(), sources.get(f), random));
        }
        return out;
    }

    /** rx-lsp's verdict on a mutant, and the lines (1-based) of its errors' ranges and related locations. */
    private record RxVerdict(boolean rejects, int[] errorLines) {
    }

    private static RxVerdict[] rxRejects(List<String> texts) {
        RxVerdict[] out = new RxVerdict[texts.size()];
        try (FileChecker checker = new FileChecker()) {
            for (int i = 0; i < texts.size(); i++) {
                CheckedFile checked = checker.check("mutant.nix", FileKind.NIX, texts.get(i).getBytes(StandardCharsets.UTF_8));
                List<Integer> lines = new ArrayList<>();
                for (Diagnostic d : checked.diagnostics()) {
                    if (d.severity() == Severity.ERROR) {
                        lines.add(line(checked, d.range().start()));
                        d.related().forEach(r -> lines.add(line(checked, r.range().start())));
                    }
                }
                out[i] = new RxVerdict(!lines.isEmpty(), lines.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return out;
    }

    private static int line(CheckedFile checked, int offset) {
        return checked.lines().position(offset, PositionEncoding.UTF16).line() + 1;
    }

    private static final Pattern NIX_POSITION = Pattern.compile("\\(at [^()]*:(\\d+):\\d+:\\)$");

    /**
     * How far rx-lsp's errors are from Nix's on the mutants both reject: a figure, not a requirement
     * (rx-lsp reports an unclosed delimiter at its opener, with Nix's end of file as related location).
     */
    private static void printLocations(List<String> texts, RxVerdict[] rx, List<NixOracle.Verdict> nix) {
        int compared = 0;
        int far = 0;
        for (int i = 0; i < texts.size(); i++) {
            if (!rx[i].rejects() || nix.get(i).accepted()) {
                continue;
            }
            Matcher m = NIX_POSITION.matcher(nix.get(i).error());
            // the repl names no place only for "unexpected end of file"; the wrapper adds one line
            int nixLine = m.find() ? Integer.parseInt(m.group(1)) - 1 : (int) texts.get(i).lines().count();
            int distance = Integer.MAX_VALUE;
            for (int l : rx[i].errorLines()) {
                distance = Math.min(distance, Math.abs(l - nixLine));
            }
            compared++;
            far += distance > 5 ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "  error locations: on %d mutants both reject, an error of rx-lsp (range or related"
                + " location) is within 5 lines of Nix's on %d (%.1f%%)%n", compared, compared - far,
                100.0 * (compared - far) / Math.max(1, compared));
    }

    private static boolean rxRejects(FileChecker checker, String text) {
        return checker.check("mutant.nix", FileKind.NIX, text.getBytes(StandardCharsets.UTF_8)).count(Severity.ERROR) > 0;
    }

    /** The batched verdicts of a few accepted and a few rejected mutants equal {@code nix-instantiate --parse}'s. */
    private static void crossCheck(NixInstallation nix, List<String> texts, List<NixOracle.Verdict> verdicts) throws Exception {
        NixOracle single = NixOracle.require(nix.which());
        Path dir = Files.createTempDirectory("rxfuzzcheck");
        try {
            int accepted = 0;
            int rejected = 0;
            for (int i = 0; i < texts.size() && (accepted < CROSS_CHECKS || rejected < CROSS_CHECKS); i++) {
                boolean ok = verdicts.get(i).accepted();
                if (ok ? accepted >= CROSS_CHECKS : rejected >= CROSS_CHECKS) {
                    continue;
                }
                Path file = dir.resolve("m" + i + ".nix");
                Files.writeString(file, texts.get(i), StandardCharsets.UTF_8);
                NixOracle.Verdict direct = single.parse(file);
                Files.delete(file);
                assertEquals(direct.accepted(), ok, nix.label() + ": the batched verdict on mutant " + i + " is not "
                        + "nix-instantiate --parse's (" + describe(direct) + ")");
                if (ok) {
                    accepted++;
                } else {
                    rejected++;
                }
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private static String minimisedReport(NixMutants.Mutant m, boolean rxRejects, NixOracle.Verdict nix, NixParseBatch oracle)
            throws Exception {
        String minimal;
        try (FileChecker checker = new FileChecker()) {
            Predicate<String> stillDisagrees = text -> {
                try {
                    return rxRejects(checker, text) == oracle.verdicts(List.of(text)).getFirst().accepted();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            minimal = Minimizer.minimise(m.text(), stillDisagrees);
        }
        return "- " + m.origin() + " (" + m.operations() + "): " + (rxRejects ? "rx-lsp rejects, Nix accepts"
                : "Nix rejects (" + nix.error() + "), rx-lsp accepts") + "; minimised: " + NixMutants.show(minimal);
    }

    private static String describe(NixOracle.Verdict v) {
        return v.accepted() ? "accepted" : v.error();
    }
}
