package rxlsp.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Nix's evaluator ({@code nix-instantiate --eval --strict --json}) as an oracle for string values.
 * Many expressions are evaluated in one call, as the elements of one list; when Nix rejects the list,
 * the batch is split until each rejected expression is isolated with its error.
 */
public final class NixEval {
    private final Path nixInstantiate;

    private NixEval(Path nixInstantiate) {
        this.nixInstantiate = nixInstantiate;
    }

    /** The evaluator, or a skip (a failure in CI) when Nix is not installed. */
    public static NixEval require() {
        var exe = ProjectPaths.onPath("nix-instantiate");
        ProjectPaths.requireTier(exe.isPresent(), "nix-instantiate is not installed (Debian package nix-bin)");
        return new NixEval(exe.get());
    }

    /** The string value of one expression, or the error Nix gave for it. */
    public record Result(String value, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** Evaluates each expression (Nix source text) to a string. */
    public List<Result> strings(List<String> expressions) throws IOException, InterruptedException {
        List<Result> out = new ArrayList<>(expressions.size());
        if (expressions.isEmpty()) {
            return out;
        }
        Run run = eval("[\n" + String.join("\n", expressions.stream().map(e -> "(" + e + ")").toList()) + "\n]\n");
        if (run.ok()) {
            for (JsonElement e : JsonParser.parseString(run.stdout()).getAsJsonArray()) {
                out.add(e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()
                        ? new Result(e.getAsString(), null) : new Result(null, "not a string: " + e));
            }
            return out;
        }
        if (expressions.size() == 1) {
            out.add(new Result(null, run.stderr().strip()));
            return out;
        }
        int half = expressions.size() / 2;
        out.addAll(strings(expressions.subList(0, half)));
        out.addAll(strings(expressions.subList(half, expressions.size())));
        return out;
    }

    private record Run(boolean ok, String stdout, String stderr) {
    }

    private Run eval(String expression) throws IOException, InterruptedException {
        Path file = Files.createTempFile("rx-eval", ".nix");
        try {
            Files.writeString(file, expression, StandardCharsets.UTF_8);
            Path err = Files.createTempFile("rx-eval", ".err");
            try {
                Process p = new ProcessBuilder(nixInstantiate.toString(), "--eval", "--strict", "--json", file.toString())
                        .redirectError(err.toFile())
                        .start();
                byte[] stdout;
                try (var in = p.getInputStream()) {
                    stdout = in.readAllBytes();
                }
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("nix-instantiate timed out");
                }
                return new Run(p.exitValue() == 0, new String(stdout, StandardCharsets.UTF_8), Files.readString(err));
            } finally {
                Files.deleteIfExists(err);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
