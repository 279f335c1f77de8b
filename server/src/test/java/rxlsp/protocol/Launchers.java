package rxlsp.protocol;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import rxlsp.testing.ProjectPaths;

/** Where the tiers that run the packaged server find it. */
public final class Launchers {
    private Launchers() {
    }

    /** The absolute path of {@code bin/rx-lsp}, after checking that the jar it runs was built. */
    public static Path rxLsp() {
        Path root = ProjectPaths.root();
        Path launcher = root.resolve("bin/rx-lsp");
        assertTrue(Files.isExecutable(launcher), launcher + " is missing or not executable");
        Path jar = root.resolve("server/target/rx-lsp.jar");
        if (!Files.isRegularFile(jar)) {
            fail(jar + " is missing: these tests run after `package` (mvn verify), or build it first with mvn -B -q -DskipTests package");
        }
        return launcher;
    }
}
