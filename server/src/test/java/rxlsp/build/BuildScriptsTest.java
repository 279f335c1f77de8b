package rxlsp.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.testing.ProjectPaths;

/** The build's own scripts fail early with one clear message when a requirement is missing. */
class BuildScriptsTest {
    @TempDir
    Path tmp;

    record Result(int status, String stdout, String stderr) {
    }

    private Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out, err);
    }

    /** A PATH with the basic tools the scripts use, but no C compiler, npm or java. */
    private Path barePath() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : new String[] {"sh", "sed", "head", "dirname", "readlink", "uname", "mkdir", "cat", "tr", "tail", "touch", "rm", "tar"}) {
            ProjectPaths.onPath(tool).ifPresent(t -> {
                try {
                    ProjectPaths.commandShim(bin, tool, t);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return bin;
    }

    @Test
    void nativeBuildNamesAMissingCompiler() throws Exception {
        Path script = ProjectPaths.root().resolve("grammar/native/build-native.sh");
        Result r = run(Map.of("PATH", barePath().toString()), "/bin/sh", script.toString(), tmp.resolve("out").toString(), tmp.resolve("work").toString());
        assertEquals(1, r.status());
        assertTrue(r.stderr().contains("no C compiler found"), r.stderr());
    }

    @Test
    void nativeBuildNamesMissingNpm() throws Exception {
        Path bin = barePath();
        ProjectPaths.commandShim(bin, "cc", ProjectPaths.onPath("cc").or(() -> ProjectPaths.onPath("gcc")).orElseThrow());
        Path script = ProjectPaths.root().resolve("grammar/native/build-native.sh");
        Result r = run(Map.of("PATH", bin.toString()), "/bin/sh", script.toString(), tmp.resolve("out").toString(), tmp.resolve("work").toString());
        assertEquals(1, r.status());
        assertTrue(r.stderr().contains("npm not found"), r.stderr());
    }

    @Test
    void jdkFinderExplainsWhatIsNeeded() throws Exception {
        Path script = ProjectPaths.root().resolve("bin/find-jdk");
        Result r = run(Map.of("PATH", barePath().toString(), "RX_LSP_JDK_DIRS", tmp.resolve("none").toString(), "HOME", tmp.toString()),
                "/bin/sh", script.toString(), "--check");
        assertEquals(1, r.status());
        assertTrue(r.stderr().contains("rx-lsp needs a JDK 22 or newer"), r.stderr());
        assertTrue(r.stderr().contains("Adoptium") && r.stderr().contains("SDKMAN") && r.stderr().contains("Nix"),
                "names sources that exist where the system has no JDK 22: " + r.stderr());
    }

    @Test
    void anUnusableRxLspJavaHomeIsRefusedWithTheReason() throws Exception {
        Path script = ProjectPaths.root().resolve("bin/find-jdk");
        Path old = Files.createDirectories(tmp.resolve("jdk17/bin"));
        Files.writeString(tmp.resolve("jdk17/release"), "JAVA_VERSION=\"17.0.15\"\n");
        Path java = Files.writeString(old.resolve("java"), "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Path javaHome = Path.of(System.getProperty("java.home")); // usable, but the explicit choice is not passed over
        Path bin = barePath();
        Map<String, String> env = Map.of("PATH", bin.toString(), "JAVA_HOME", javaHome.toString(),
                "RX_LSP_JAVA_HOME", tmp.resolve("jdk17").toString(), "HOME", tmp.toString());
        Result r = run(env, "/bin/sh", script.toString());
        assertEquals(1, r.status(), r.stdout());
        assertTrue(r.stderr().contains("RX_LSP_JAVA_HOME=" + tmp.resolve("jdk17") + " cannot be used: it is Java 17; rx-lsp needs 22 or newer"), r.stderr());
        Result missing = run(Map.of("PATH", bin.toString(), "RX_LSP_JAVA_HOME", tmp.resolve("nope").toString()), "/bin/sh", script.toString());
        assertTrue(missing.stderr().contains("cannot be used: it is not a folder"), missing.stderr());
        Result good = run(Map.of("PATH", bin.toString(), "RX_LSP_JAVA_HOME", javaHome.toString()), "/bin/sh", script.toString());
        assertEquals(javaHome.toString(), good.stdout().strip(), good.stderr());
    }

    @Test
    void jdkFinderFindsTheJdkRunningThisTest() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path script = ProjectPaths.root().resolve("bin/find-jdk");
        Result r = run(Map.of("PATH", barePath().toString(), "JAVA_HOME", javaHome.toString(), "RX_LSP_JDK_DIRS", tmp.toString(), "HOME", tmp.toString()),
                "/bin/sh", script.toString());
        assertEquals(0, r.status(), r.stderr());
        assertEquals(javaHome.toString(), r.stdout().strip());
    }
}
