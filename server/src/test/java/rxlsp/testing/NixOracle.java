package rxlsp.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The real Nix parser ({@code nix-instantiate --parse}) as an oracle: does Nix accept a file? */
public final class NixOracle {
    private final NixInstallation nix;

    private NixOracle(NixInstallation nix) {
        this.nix = nix;
    }

    /** The system's Nix, or a skip (a failure in CI) when Nix is not installed. */
    public static NixOracle require() {
        return require(NixInstallation.Which.SYSTEM);
    }

    /** The given Nix, or a skip (a failure in CI) when it is not there. */
    public static NixOracle require(NixInstallation.Which which) {
        return new NixOracle(NixInstallation.require(which));
    }

    public NixInstallation installation() {
        return nix;
    }

    /** Nix's verdict on one file: accepted, or rejected with its first error line. */
    public record Verdict(boolean accepted, String error) {
    }

    public Verdict parse(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(nix.nixInstantiate().toString(), "--parse", file.toAbsolutePath().toString())
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
        // Nix 2.8 puts the message on the first line; current versions may start with a bare "error:"
        String firstLine = new String(err, StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> l.startsWith("error:") && l.length() > "error:".length()).findFirst().orElse("");
        return new Verdict(p.exitValue() == 0, firstLine);
    }
}
