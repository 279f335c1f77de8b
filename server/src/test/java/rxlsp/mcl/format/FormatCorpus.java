package rxlsp.mcl.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MgmtCorpus;
import rxlsp.mcl.TxtarImports;
import rxlsp.mcl.check.FileImports;
import rxlsp.mcl.check.ImportResolver;

/** The MCL files of one of mgmt's corpora: every {@code .mcl} section of the interpreter cases, every example. */
final class FormatCorpus {
    private FormatCorpus() {
    }

    /**
     * One MCL file.
     *
     * @param exempt true for a case whose {@code CONFIG} says {@code "nofmt"}: mgmt's own formatter test
     *               leaves it out (they are all syntax errors)
     */
    record Program(String name, String text, Dialect dialect, ImportResolver imports, boolean exempt) {
    }

    static List<Program> programs(Path root, Dialect dialect) {
        List<Program> out = new ArrayList<>();
        for (Path txtar : MgmtCorpus.files(root.resolve("interpret_test"), ".txtar")) {
            Map<String, String> sections = MgmtCorpus.txtar(txtar);
            boolean exempt = sections.getOrDefault("CONFIG", "").replace(" ", "").contains("\"nofmt\":true");
            for (var s : sections.entrySet()) {
                if (s.getKey().endsWith(".mcl")) {
                    out.add(new Program(root.relativize(txtar) + "#" + s.getKey(), s.getValue(), dialect, new TxtarImports(sections),
                            exempt));
                }
            }
        }
        for (Path mcl : MgmtCorpus.files(root.resolve("examples"), ".mcl")) {
            out.add(new Program(root.relativize(mcl).toString(), MgmtCorpus.read(mcl), dialect, new FileImports(mcl), false));
        }
        return out;
    }
}
