package rxlsp.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The real Nix parser ({@code nix-instantiate --parse}) as an oracle: does Nix accept a file? */
public final class NixOracle {
    private final Path nixInstantiate;

    private NixOracle(Path nixInstantiate) {
        this.nixInstantiate = nixInstantiate;
    }

    /** The oracle, or a skip (a failure in CI) when Nix is not installed. */
    public static NixOracle require() {
        Optional<Path> exe = ProjectPaths.onPath("nix-instantiate");
        ProjectPaths.requireTier(exe.isPresent(), "nix-instantiate is not installed (Debian package nix-bin)");
        return new NixOracle(exe.get());
    }

    /** Nix's verdict on one file: accepted, or rejected with its first error line. */
    public record Verdict(boolean accepted, String error) {
    }

    public Verdict parse(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(nixInstantiate.toString(), "--parse", file.toAbsolutePath().toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] err;
        try (var in = p.getErrorStream()) {
            err = in.readAllBytes();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("nix-instantiate timed out on " + file);
        }
        String firstLine = new String(err, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        return new Verdict(p.exitValue() == 0, firstLine);
    }
}
