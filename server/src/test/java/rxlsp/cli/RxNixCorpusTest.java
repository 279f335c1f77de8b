package rxlsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import rxlsp.Main;
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

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {Integer.toString(status), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void theCorpusGetsNoFalseDiagnostics() {
        String[] r = run("check", corpus().toString());
        List<String> findings = r[1].lines().filter(l -> l.contains(": error: ") || l.contains(": warning: ")).toList();
        System.out.println("rx.nix corpus check: " + r[1].lines().reduce((a, b) -> b).orElse(""));
        assertTrue(findings.stream().allMatch(l -> l.endsWith("[nix-empty-file]")), String.join("\n", findings));
        assertEquals(4, findings.size(), String.join("\n", findings));
    }

    @Test
    void theTemplateAssemblesLikeRxNixRendersIt() {
        Path template = corpus().resolve("rx.nix/templates/default/flake.nix");
        String[] r = run("render", template.toString());
        assertEquals("0", r[0], r[2]);
        String program = r[1];
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
