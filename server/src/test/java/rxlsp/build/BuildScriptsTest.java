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
        Path bin = tmp.resolve("bin");
        if (Files.isDirectory(bin)) {
            return bin;
        }
        Files.createDirectories(bin);
        for (String tool : new String[] {"sh", "sed", "head", "dirname", "readlink", "uname", "mkdir", "cat", "tr", "tail", "touch", "rm", "tar",
                "basename", "cp", "grep", "awk", "wc", "od", "readelf", "cksum", "cut"}) {
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

    /** The libraries the grammar module built for this machine, and the jar's name for this platform. */
    private static Path hostNatives() throws IOException {
        Path natives = ProjectPaths.root().resolve("grammar/target/classes/native");
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> System.getProperty("os.arch");
        };
        Path host = natives.resolve("linux-" + arch);
        assertTrue(Files.isDirectory(host), host + " is missing: the grammar module builds it before these tests run");
        return host;
    }

    private Path copyInto(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    @Test
    void nativeCheckRejectsALibraryForAnotherMachine() throws Exception {
        Path host = hostNatives();
        String other = host.getFileName().toString().equals("linux-aarch64") ? "linux-x86_64" : "linux-aarch64";
        Path wrong = copyInto(host, tmp.resolve(other));
        Result r = run(Map.of("PATH", barePath().toString()), "/bin/sh",
                ProjectPaths.root().resolve("grammar/native/check-native.sh").toString(), wrong.toString(), other);
        assertEquals(1, r.status(), r.stdout());
        assertTrue(r.stderr().contains("libtree-sitter.so is not a " + other + " library"), r.stderr());
    }

    @Test
    void nativeCheckNamesAMissingLibrary() throws Exception {
        Path dir = copyInto(hostNatives(), tmp.resolve("windows-x86_64"));
        Result r = run(Map.of("PATH", barePath().toString()), "/bin/sh",
                ProjectPaths.root().resolve("grammar/native/check-native.sh").toString(), dir.toString(), "windows-x86_64");
        assertEquals(1, r.status(), r.stdout());
        assertTrue(r.stderr().contains("tree-sitter.dll is missing"), r.stderr());
    }

    /** Natives given from outside (macOS, Nix's own tree-sitter) need neither npm nor a C compiler. */
    @Test
    void nativeBuildPackagesGivenLibrariesWithoutCompilerOrNpm() throws Exception {
        Path host = hostNatives();
        String platform = host.getFileName().toString();
        copyInto(host, tmp.resolve("given").resolve(platform));
        Path script = ProjectPaths.root().resolve("grammar/native/build-native.sh");
        for (boolean byEnvironment : new boolean[] {false, true}) {
            Path out = tmp.resolve("out-" + byEnvironment);
            Map<String, String> env = new java.util.HashMap<>(Map.of("PATH", barePath().toString()));
            String natives = "--natives=";
            if (byEnvironment) {
                env.put("RX_LSP_NATIVES", tmp.resolve("given").toString());
            } else {
                natives += tmp.resolve("given");
            }
            Result r = run(env, "/bin/sh", script.toString(), out.toString(), tmp.resolve("work").toString(), "--targets=host", natives);
            assertEquals(0, r.status(), r.stderr());
            assertTrue(r.stdout().contains(platform + ": packaged as given"), r.stdout());
            assertTrue(Files.isRegularFile(out.resolve("native").resolve(platform).resolve("libtree-sitter-nix.so")));
        }
    }

    @Test
    void nativeBuildRefusesAGivenFolderWithoutPlatforms() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Result r = run(Map.of("PATH", barePath().toString()), "/bin/sh",
                ProjectPaths.root().resolve("grammar/native/build-native.sh").toString(), tmp.resolve("out").toString(),
                tmp.resolve("work").toString(), "--natives=" + empty);
        assertEquals(1, r.status());
        assertTrue(r.stderr().contains("has no <os>-<arch> folders"), r.stderr());
    }
}
