package rxlsp.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import rxlsp.testing.ProjectPaths;

/**
 * The server jar carries tree-sitter libraries for the platforms Debian's compilers reach, each of
 * the right object format and machine type with the symbols rx-lsp calls, checked from the jar
 * itself by {@code grammar/native/check-native.sh} (readelf for ELF, objdump for PE). A platform
 * the build could not compile for (its cross compiler missing) is a visible skip, a failure in CI.
 */
class PackagedNativesIT {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"linux-x86_64", "linux-aarch64", "windows-x86_64"})
    void jarCarriesCheckedNativesFor(String platform) throws Exception {
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
                + " (built without its cross compiler: Debian gcc-aarch64-linux-gnu + libc6-dev-arm64-cross, gcc-mingw-w64-x86-64)");
        Process p = new ProcessBuilder("/bin/sh", ProjectPaths.root().resolve("grammar/native/check-native.sh").toString(),
                dir.toString(), platform).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out + err);
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        String machine = switch (platform) {
            case "linux-x86_64" -> "Advanced Micro Devices X86-64";
            case "linux-aarch64" -> "AArch64";
            default -> "pei-x86-64";
        };
        lines.forEach(l -> assertTrue(l.contains(": " + machine + ", exports "), l));
        System.out.println(out.strip());
    }
}
