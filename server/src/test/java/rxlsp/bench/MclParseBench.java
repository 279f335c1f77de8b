package rxlsp.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MclParseResult;
import rxlsp.testing.ProjectPaths;

/**
 * MCL front-end throughput (run by {@code bench/mcl-parse.sh}, not a test): MB/s over the corpus'
 * example programs concatenated and repeated to at least 5 MB, the time to parse the whole mgmt corpus
 * once warm, and the time to reparse a 5,000-line file, as an editor does after each change.
 */
public final class MclParseBench {
    private MclParseBench() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = ProjectPaths.corpus().resolve("mgmt");
        List<String> programs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(corpus.resolve("examples"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".mcl")).sorted().toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                if (MclFrontEnd.parse(text, Dialect.MGMT_1_1).diagnostics().isEmpty()) {
                    programs.add(text.endsWith("\n") ? text : text + "\n");
                }
            }
        }
        StringBuilder big = new StringBuilder();
        while (big.length() < 5_000_000) {
            programs.forEach(big::append);
        }
        String text = big.toString();
        double mb = text.getBytes(StandardCharsets.UTF_8).length / 1e6;
        for (int i = 0; i < 3; i++) {
            MclFrontEnd.parse(text, Dialect.MGMT_1_1); // warm-up
        }
        int runs = 5;
        long t0 = System.nanoTime();
        int statements = 0;
        for (int i = 0; i < runs; i++) {
            statements = MclFrontEnd.parse(text, Dialect.MGMT_1_1).program().statements().size();
        }
        double seconds = (System.nanoTime() - t0) / 1e9 / runs;
        System.out.printf("throughput: %.1f MB in %.3f s = %.2f MB/s (%d top-level statements, %d programs repeated)%n",
                mb, seconds, mb / seconds, statements, programs.size());

        List<String> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".mcl") || f.toString().endsWith(".txtar")).sorted().toList()) {
                String content = Files.readString(p, StandardCharsets.UTF_8);
                if (p.toString().endsWith(".mcl")) {
                    all.add(content);
                } else {
                    all.addAll(mclSections(content));
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            all.forEach(t -> MclFrontEnd.parse(t, Dialect.MGMT_1_1));
        }
        t0 = System.nanoTime();
        int errors = 0;
        for (String t : all) {
            MclParseResult r = MclFrontEnd.parse(t, Dialect.MGMT_1_1);
            errors += r.diagnostics().isEmpty() ? 0 : 1;
        }
        System.out.printf("whole mgmt corpus, warm: %d MCL files (.mcl files and .mcl sections of .txtar tests, %d with diagnostics) in %.1f ms%n",
                all.size(), errors, (System.nanoTime() - t0) / 1e6);

        StringBuilder lines = new StringBuilder();
        int n = 0;
        for (int i = 0; n < 5_000; i++) {
            for (String line : programs.get(i % programs.size()).split("\n", -1)) {
                if (n == 5_000) {
                    break;
                }
                lines.append(line).append('\n');
                n++;
            }
        }
        String file = lines.toString();
        for (int i = 0; i < 10; i++) {
            MclFrontEnd.parse(file, Dialect.MGMT_1_1);
        }
        t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            MclFrontEnd.parse(file, Dialect.MGMT_1_1);
        }
        System.out.printf("5,000-line file (%d KB) reparse: %.1f ms%n", file.length() / 1024, (System.nanoTime() - t0) / 1e6 / 20);
    }

    /** The {@code *.mcl} files inside a txtar archive ({@code -- name --} lines start each file). */
    private static List<String> mclSections(String archive) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : archive.split("\n", -1)) {
            if (line.startsWith("-- ") && line.endsWith(" --")) {
                if (current != null) {
                    out.add(current.toString());
                }
                current = line.substring(3, line.length() - 3).trim().endsWith(".mcl") ? new StringBuilder() : null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) {
            out.add(current.toString());
        }
        return out;
    }
}
