package rxlsp.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import rxlsp.embed.AssembledProgram;
import rxlsp.embed.ConfigurationLoader;
import rxlsp.embed.FragmentText;
import rxlsp.embed.ModuleScan;
import rxlsp.embed.ModuleScanner;
import rxlsp.embed.NixFragmentReader;
import rxlsp.embed.ProgramAssembler;
import rxlsp.nix.NixParser;
import rxlsp.nix.NixSyntaxTree;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;

/**
 * The rx.nix layer after a keystroke (run by {@code bench/embed-latency.sh}, not a test): in a
 * 5,000-line NixOS module with 50 MCL raw blocks, one character is typed into a block, then the
 * module is scanned for rx.nix options, every string decoded, {@code main.mcl} assembled and every
 * fragment's start and end mapped back to the Nix file. The Nix reparse before it is timed apart.
 * Target (issue "MCL inside Nix"): p99 ≤ 10 ms for scan + decode + assemble + map.
 */
public final class EmbedLatencyBench {
    private static final double TARGET_P99_MS = 10.0;

    private EmbedLatencyBench() {
    }

    public static void main(String[] args) {
        String module = module(5_000, 50);
        Path file = Path.of("/bench/configuration.nix");
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int warmup = 500;
        double[] embed = new double[edits];
        double[] reparse = new double[edits];
        NixFragmentReader reader = new NixFragmentReader(p -> Optional.empty());
        try (NixParser parser = new NixParser()) {
            NixSyntaxTree tree = parser.parse(module);
            String text = module;
            int anchor = text.indexOf("msg => \"block");
            int mapped = 0;
            for (int i = -warmup; i < edits; i++) {
                // alternately type and delete one character inside the first block's string
                TextEdit edit = (i & 1) == 0 ? new TextEdit(anchor + 8, anchor + 8, "x") : new TextEdit(anchor + 8, anchor + 9, "");
                long t0 = System.nanoTime();
                tree = parser.reparse(List.of(edit));
                text = tree.text();
                long t1 = System.nanoTime();
                ModuleScan scan = ModuleScanner.scan(file, text, tree.root());
                AssembledProgram program = ProgramAssembler.assemble(
                        ConfigurationLoader.load(scan, p -> Optional.empty()), reader);
                for (FragmentText f : program.fragments()) {
                    mapped += f.map().toSource(new TextRange(0, f.value().length())).length() > 0 ? 1 : 0;
                }
                long t2 = System.nanoTime();
                if (i >= 0) {
                    reparse[i] = (t1 - t0) / 1e6;
                    embed[i] = (t2 - t1) / 1e6;
                }
            }
            System.out.printf("Module: %d lines, %d MCL blocks, %,d characters; %d edits after %d warm-up edits (%d fragments mapped)%n",
                    module.split("\n", -1).length - 1, 50, module.length(), edits, warmup, mapped);
        }
        report("scan + decode + assemble + map", embed, TARGET_P99_MS);
        report("Nix reparse (for reference)", reparse, Double.NaN);
        report("whole document analysis", whole(module, edits / 4), Double.NaN);
    }

    /**
     * What the server does per keystroke in such a module: reparse, Nix diagnostics, the rx.nix layer,
     * every fragment's MCL syntax, and names and types on the assembled program.
     */
    private static double[] whole(String module, int edits) {
        double[] ms = new double[edits];
        java.nio.file.Path file = java.nio.file.Path.of("/bench-whole/configuration.nix").toAbsolutePath();
        String[] text = {module};
        rxlsp.embed.SourceFiles files = p -> p.equals(file) ? Optional.of(text[0]) : Optional.empty();
        try (var context = new rxlsp.analysis.ConfigurationContext(files, List::of, () -> List.of(file));
             var analyzer = new rxlsp.analysis.DocumentAnalyzer(context)) {
            int anchor = module.indexOf("msg => \"block");
            int version = 1;
            var catalog = rxlsp.mcl.catalog.Catalog.builtIn(rxlsp.mcl.Dialect.MGMT_1_1);
            analyzer.analyze(new rxlsp.workspace.DocumentSnapshot(file.toUri().toString(), rxlsp.workspace.FileKind.NIX,
                    version, text[0], null), rxlsp.mcl.Dialect.MGMT_1_1, catalog);
            for (int i = -20; i < edits; i++) {
                TextEdit edit = (i & 1) == 0 ? new TextEdit(anchor + 8, anchor + 8, "x") : new TextEdit(anchor + 8, anchor + 9, "");
                text[0] = edit.applyTo(text[0]);
                long t0 = System.nanoTime();
                var result = analyzer.analyze(new rxlsp.workspace.DocumentSnapshot(file.toUri().toString(),
                        rxlsp.workspace.FileKind.NIX, ++version, text[0], List.of(edit)), rxlsp.mcl.Dialect.MGMT_1_1, catalog);
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                if (i == 0 && !result.diagnostics().isEmpty()) {
                    System.out.println("note: the module has diagnostics: " + result.diagnostics().get(0));
                }
            }
        }
        return ms;
    }

    private static void report(String what, double[] ms, double target) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double p50 = sorted[sorted.length / 2];
        double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
        String verdict = Double.isNaN(target) ? "" : String.format("  (p99 / target %.1f ms = %.2f)", target, p99 / target);
        System.out.printf("%-32s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%s%n", what, p50, p99, sorted[sorted.length - 1], verdict);
    }

    /**
     * A NixOS module: one {@code mkMerge} of 50 parts, each with an MCL raw block and ordinary
     * options (valid Nix: no attribute is defined twice).
     */
    public static String module(int lines, int blocks) {
        List<String> out = new ArrayList<>();
        out.add("{ config, lib, pkgs, ... }:");
        out.add("{");
        out.add("  rx.mcl.imports = [ \"fmt\" ];");
        out.add("  rx.mcl.vars.greeting = \"\\\"hello\\\"\";");
        out.add("  config = lib.mkMerge [");
        int perBlock = (lines - 8) / blocks;
        for (int b = 0; b < blocks; b++) {
            int body = perBlock / 2;
            out.add("    {");
            out.add("      rx.mcl.raw = [");
            out.add("        ''");
            out.add("          print \"p" + b + "\" {");
            out.add("            msg => \"block " + b + " ''${greeting}\",");
            out.add("          }");
            for (int i = 0; i < body - 8; i++) {
                out.add("          $v" + b + "_" + i + " = " + i + " + 1 # note");
            }
            out.add("        ''");
            out.add("      ];");
            for (int i = 0; i < perBlock - body - 1; i++) {
                out.add("      services.s" + b + "_" + i + ".enable = " + (i % 2 == 0) + ";");
            }
            out.add("    }");
        }
        out.add("  ];");
        while (out.size() < lines - 1) {
            out.add("  environment.etc.\"f" + out.size() + "\".text = \"x\";");
        }
        out.add("}");
        return String.join("\n", out) + "\n";
    }
}
