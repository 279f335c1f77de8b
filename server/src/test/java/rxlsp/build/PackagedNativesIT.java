package rxlsp.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rxlsp.testing.ProjectPaths;

/**
 * The server jar carries tree-sitter libraries for the platforms Debian's compilers reach, each of
 * the right object format and machine type with the symbols rx-lsp calls, checked from the jar
 * itself by {@code grammar/native/check-native.sh} (readelf for ELF, objdump for PE); the
 * linux-aarch64 ones also run, under qemu-aarch64, and parse as the host's do. A platform the build
 * could not compile for (its cross compiler missing) is a visible skip, a failure in CI.
 */
class PackagedNativesIT {
    private static final String CROSS_COMPILERS =
            "Debian gcc-aarch64-linux-gnu + libc6-dev-arm64-cross, gcc-mingw-w64-x86-64";

    @TempDir
    Path tmp;

    record Run(int status, String stdout, String stderr) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Run(p.exitValue(), out, err);
    }

    /** The jar's native/PLATFORM/ files, copied into a folder of their own; a skip when the jar has none. */
    private Path natives(String platform) throws IOException {
        Path jar = ProjectPaths.root().resolve("server/target/rx-lsp.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: this test runs after `package`");
        Path dir = Files.createDirectories(tmp.resolve(platform));
        int extracted = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : zip.stream().filter(e -> e.getName().startsWith("native/" + platform + "/") && !e.isDirectory()).toList()) {
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, dir.resolve(Path.of(e.getName()).getFileName()));
                }
                extracted++;
            }
        }
        ProjectPaths.requireTier(extracted > 0, "the jar has no natives for " + platform
                + " (built without its cross compiler: " + CROSS_COMPILERS + ")");
        return dir;
    }

    @ParameterizedTest
    @ValueSource(strings = {"linux-x86_64", "linux-aarch64", "windows-x86_64"})
    void jarCarriesCheckedNativesFor(String platform) throws Exception {
        Path dir = natives(platform);
        Run r = run(List.of("/bin/sh", ProjectPaths.root().resolve("grammar/native/check-native.sh").toString(), dir.toString(), platform));
        assertEquals(0, r.status(), r.stdout() + r.stderr());
        List<String> lines = r.stdout().lines().toList();
        assertEquals(2, lines.size(), r.stdout());
        String machine = switch (platform) {
            case "linux-x86_64" -> "Advanced Micro Devices X86-64";
            case "linux-aarch64" -> "AArch64";
            default -> "pei-x86-64";
        };
        lines.forEach(l -> assertTrue(l.contains(": " + machine + ", exports "), l));
        System.out.println(r.stdout().strip());
    }

    /** Beyond the symbol tables: the arm64 build loads, runs and builds the same trees as the host's. */
    @Test
    void aarch64NativesParseAsTheHostsUnderQemu() throws Exception {
        ProjectPaths.requireTier("amd64".equals(System.getProperty("os.arch")) || "x86_64".equals(System.getProperty("os.arch")),
                "the qemu comparison runs on an x86_64 build machine");
        var cc = ProjectPaths.onPath("cc").or(() -> ProjectPaths.onPath("gcc"));
        var cross = ProjectPaths.onPath("aarch64-linux-gnu-gcc");
        var qemu = ProjectPaths.onPath("qemu-aarch64");
        Path sysroot = Path.of("/usr/aarch64-linux-gnu");
        ProjectPaths.requireTier(cc.isPresent() && cross.isPresent() && qemu.isPresent() && Files.isDirectory(sysroot),
                "running the linux-aarch64 natives needs cc, aarch64-linux-gnu-gcc, qemu-aarch64 (Debian qemu-user) and " + sysroot);
        Path host = natives("linux-x86_64");
        Path arm = natives("linux-aarch64");
        Path probe = Path.of(getClass().getResource("/natives/parse-probe.c").toURI());
        Path hostProbe = tmp.resolve("probe-x86_64");
        Path armProbe = tmp.resolve("probe-aarch64");
        for (var build : List.of(List.of(cc.get().toString(), probe.toString(), "-o", hostProbe.toString(), "-ldl"),
                List.of(cross.get().toString(), probe.toString(), "-o", armProbe.toString(), "-ldl"))) {
            Run r = run(build);
            assertEquals(0, r.status(), r.stderr());
        }
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ProjectPaths.fixtures().resolve("nix"))) {
            files.filter(f -> f.toString().endsWith(".nix")).sorted().forEach(inputs::add);
        }
        inputs.add(ProjectPaths.root().resolve("demo/configuration.nix"));
        inputs.add(ProjectPaths.fixtures().resolve("vscode/grammar/embedded.nix"));
        int broken = 0;
        for (Path input : inputs) {
            Run expected = run(List.of(hostProbe.toString(), host.toString(), input.toString()));
            Run actual = run(List.of(qemu.get().toString(), "-L", sysroot.toString(), armProbe.toString(), arm.toString(), input.toString()));
            assertEquals(0, expected.status(), expected.stderr());
            assertEquals(0, actual.status(), input + ": " + actual.stderr());
            assertEquals(expected.stdout(), actual.stdout(), input + ": the arm64 tree differs from the host's");
            broken += expected.stdout().contains("(ERROR") || expected.stdout().contains("(MISSING") ? 1 : 0;
        }
        System.out.println("linux-aarch64 natives under qemu: " + inputs.size() + " files parsed as on the host, "
                + broken + " of them with syntax errors");
        assertTrue(broken > 0 && broken < inputs.size(), "the inputs hold both valid and broken Nix");
    }
}
