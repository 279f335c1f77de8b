package rxlsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import rxlsp.testing.ProjectPaths;

/**
 * Real modules: checking all of {@code ../shared/corpus/nix} (nix-darwin, disko, rx.nix with its
 * template) with the rx.nix layer on gives no diagnostic but the four empty files Nix itself
 * rejects, and the template's program assembles the way rx.nix renders it.
 */
class RxNixCorpusTest {
    private static Path corpus() {
        Path nix = ProjectPaths.corpus().resolve("nix");
        ProjectPaths.requireTier(Files.isDirectory(nix), "../shared/corpus/nix is absent");
        return nix;
    }


    @Test
    void theCorpusGetsNoFalseDiagnostics() {
        CliRun r = CliRun.of("check", corpus().toString());
        List<String> findings = r.out().lines().filter(l -> l.contains(": error: ") || l.contains(": warning: ")).toList();
        System.out.println("rx.nix corpus check: " + r.out().lines().reduce((a, b) -> b).orElse(""));
        assertTrue(findings.stream().allMatch(l -> l.endsWith("[nix-empty-file]")), String.join("\n", findings));
        assertEquals(4, findings.size(), String.join("\n", findings));
    }

    @Test
    void theTemplateAssemblesLikeRxNixRendersIt() {
        Path template = corpus().resolve("rx.nix/templates/default/flake.nix");
        CliRun r = CliRun.of("render", template.toString());
        assertEquals(0, r.status(), r.err());
        String program = r.out();
        // the order rx.nix writes: header, imports (deploy added, sorted), vars, raw blocks, rx.res sorted by name
        List<String> markers = List.of("# Generated MCL for host \"main\"\n\n", "import \"datetime\"\nimport \"deploy\"\nimport \"golang\"\n\n",
                "$d = datetime.now()\n\n", "file \"/tmp/mgmt/datetime\" {", "file \"/tmp/mgmt/\" {",
                "file \"/tmp/hello\" {\n  content  => \"Hello from rx module\\n\",", "file \"/tmp/test\" {\n  group    => \"users\",");
        int at = 0;
        for (String m : markers) {
            int found = program.indexOf(m, at);
            assertTrue(found >= at, "missing or out of order: " + m + "\nin\n" + program);
            at = found + m.length();
        }
        assertTrue(program.endsWith("}\n\n"), program);
    }
}
