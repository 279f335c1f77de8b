package rxlsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.protocol.Launchers;
import rxlsp.testing.ProjectPaths;

/**
 * The README's recipes, run for real against the packaged launcher: the pre-commit hooks with
 * Debian's pre-commit on a scratch git repository, the GitHub Actions example's check commands on
 * a fixture repository (their outputs validated), and the flake parsed by Nix.
 */
class RecipesIT {
    @TempDir
    Path tmp;

    record Result(int status, String out) {
    }

    private Result run(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "timed out: " + command);
        return new Result(p.exitValue(), out);
    }

    /** A PATH on which `rx-lsp` is the launcher of this checkout, as an installed one would be. */
    private Map<String, String> withRxLspOnPath() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("path"));
        ProjectPaths.commandShim(bin, "rx-lsp", Launchers.rxLsp());
        return Map.of("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"), "HOME", tmp.toString());
    }

    /** A git repository with a clean module, a broken one and an MCL file. */
    private Path scratchRepository() throws IOException, InterruptedException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(repo.resolve("good.nix"), "{ services.nginx.enable = true; }\n");
        Files.writeString(repo.resolve("broken.nix"), "{\n  a = 1\n}\n");
        Files.writeString(repo.resolve("site.mcl"), "$x = 1\n");
        Files.writeString(repo.resolve("README.md"), "not checked\n");
        Map<String, String> git = Map.of("GIT_AUTHOR_NAME", "t", "GIT_AUTHOR_EMAIL", "t@example.org",
                "GIT_COMMITTER_NAME", "t", "GIT_COMMITTER_EMAIL", "t@example.org", "HOME", tmp.toString());
        assertEquals(0, run(repo, git, List.of("git", "init", "-q")).status());
        assertEquals(0, run(repo, git, List.of("git", "add", ".")).status());
        return repo;
    }

    @Test
    void preCommitRunsTheHookOnChangedFiles() throws Exception {
        ProjectPaths.requireTier(ProjectPaths.onPath("pre-commit").isPresent() && ProjectPaths.onPath("git").isPresent(),
                "pre-commit is not installed (Debian: apt-get install pre-commit)");
        Path repo = scratchRepository();
        Map<String, String> env = new java.util.HashMap<>(withRxLspOnPath());
        env.put("PRE_COMMIT_HOME", tmp.resolve("pre-commit-cache").toString());
        // try-repo runs the hooks of .pre-commit-hooks.yaml from this checkout, uncommitted changes included
        String root = ProjectPaths.root().toString();
        Result broken = run(repo, env, List.of("pre-commit", "try-repo", root, "rx-lsp", "--all-files"));
        assertNotEquals(0, broken.status(), broken.out());
        assertTrue(broken.out().contains("broken.nix:2:8: error: expected `;` after the binding [nix-missing-token]"), broken.out());
        assertFalse(broken.out().contains("README.md"), "only .nix and .mcl files: " + broken.out());
        Files.writeString(repo.resolve("broken.nix"), "{\n  a = 1;\n}\n");
        Result fixed = run(repo, env, List.of("pre-commit", "try-repo", root, "rx-lsp", "--all-files"));
        assertEquals(0, fixed.status(), fixed.out());
        assertTrue(fixed.out().contains("rx-lsp check") && fixed.out().contains("Passed"), fixed.out());
        Result all = run(repo, env, List.of("pre-commit", "try-repo", root, "rx-lsp-all", "--all-files"));
        assertEquals(0, all.status(), all.out());
    }

    /** The `run:` commands of the example's steps named `Check …`, in order. */
    static List<String> checkCommands(String workflow) {
        Matcher m = Pattern.compile("- name: Check[^\\n]*\\n(?:[ ]+(?!- )[^\\n]*\\n)*?[ ]+run: ([^\\n|]+)\\n").matcher(workflow);
        List<String> commands = new ArrayList<>();
        while (m.find()) {
            commands.add(m.group(1).strip());
        }
        return commands;
    }

    @Test
    void theGithubActionsExamplesCommandsGiveValidOutputs() throws Exception {
        String workflow = Files.readString(ProjectPaths.root().resolve("examples/github-actions/rx-lsp.yml"));
        List<String> commands = checkCommands(workflow);
        assertEquals(List.of("rx-lsp check --format github .", "rx-lsp check --format sarif --fail-on never . > rx-lsp.sarif"), commands);
        Path repo = scratchRepository();
        Map<String, String> env = withRxLspOnPath();

        Result annotations = run(repo, env, List.of("bash", "-eo", "pipefail", "-c", commands.get(0)));
        assertEquals(1, annotations.status(), "errors fail the job: " + annotations.out());
        assertTrue(annotations.out().lines().anyMatch(l -> l.matches(
                "::error file=broken\\.nix,line=2,col=8,endLine=2,endColumn=8,title=nix-missing-token::expected `;` after the binding")),
                annotations.out());

        Result sarifRun = run(repo, env, List.of("bash", "-eo", "pipefail", "-c", commands.get(1)));
        assertEquals(0, sarifRun.status(), "--fail-on never: the upload step still runs: " + sarifRun.out());
        Path sarif = repo.resolve("rx-lsp.sarif");
        String log = Files.readString(sarif);
        assertTrue(log.contains("\"uri\": \"broken.nix\"") && log.contains("\"uriBaseId\": \"%SRCROOT%\""), log);
        SarifTools tools = new SarifTools();
        assertEquals(List.of(), tools.multitoolFindings(sarif));
        assertEquals(0, tools.schemaCheck(sarif).status());
    }

    @Test
    void theFlakeParsesAndHasItsOutputs() throws Exception {
        Path nix = ProjectPaths.onPath("nix-instantiate").orElse(null);
        ProjectPaths.requireTier(nix != null, "nix-instantiate is not installed (Debian: apt-get install nix-bin)");
        Result parsed = run(ProjectPaths.root(), Map.of(), List.of(nix.toString(), "--parse", "flake.nix"));
        assertEquals(0, parsed.status(), parsed.out());
        for (String output : List.of("packages", "apps", "devShells", "checks", "lib", "mkCheck", "rx.natives")) {
            assertTrue(parsed.out().contains(output), "flake.nix defines " + output);
        }
    }
}
