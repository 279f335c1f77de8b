package rxlsp.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Configurations evaluated by a real Nix with rx.nix's real modules ({@code rx-eval.nix}): per root
 * module, the JSON {@code pkgs/module.nix} writes for the renderer, or the evaluation's error. Many
 * configurations go through one {@code nix-instantiate}; the module system's own errors are caught
 * there per configuration, other errors (a missing file, an undefined variable) split the batch until
 * they are isolated. Messages of failed configurations come from one run each, on request.
 */
public final class RxNixEvaluator {
    /** Configurations per {@code nix-instantiate} by default: bounds its memory. */
    public static final int CHUNK = 250;
    /** A failed batch this small is run one configuration at a time rather than split in halves. */
    private static final int ONE_BY_ONE = 16;
    /**
     * An import cycle makes the module system recurse until the stack overflows, which takes current
     * Nix seconds; its {@code max-call-depth} setting ends that early (Nix 2.8 has no such setting
     * and ignores it). rx.nix's evaluation stays far below this depth.
     */
    private static final String MAX_CALL_DEPTH = "1000";
    private static final String HEREDOC_START = "cat > \"ir.json\" <<'JSON'\n";
    private static final String HEREDOC_END = "\nJSON\n";

    private final Path nixInstantiate;
    private final Path harness;
    private final Path work;
    private final int chunk;

    /** @param work a folder for the batch files */
    public RxNixEvaluator(Path nixInstantiate, Path work) {
        this(nixInstantiate, work, CHUNK);
    }

    /**
     * @param chunk configurations per {@code nix-instantiate}: small when many configurations fail in
     *              ways no {@code tryEval} catches (an import cycle), which costs the whole batch
     */
    public RxNixEvaluator(Path nixInstantiate, Path work, int chunk) {
        this.nixInstantiate = nixInstantiate;
        this.harness = ProjectPaths.root().resolve("server/src/test/resources/rxlsp/oracle/rx-eval.nix");
        this.work = work;
        this.chunk = chunk;
    }

    /**
     * What Nix makes of one configuration.
     *
     * @param irJson the text {@code pkgs/module.nix} writes to {@code ir.json}, or null when evaluation failed
     * @param error  Nix's message when evaluation failed ("" when not asked for), else null
     */
    public record Outcome(String irJson, String error) {
        public boolean ok() {
            return irJson != null;
        }
    }

    /** Evaluates every root; with {@code messages}, failed ones are run again alone for Nix's message. */
    public List<Outcome> evaluate(List<Path> roots, boolean messages) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Outcome> out = new ArrayList<>(roots.size());
        try {
            List<Future<List<Outcome>>> chunks = new ArrayList<>();
            for (int from = 0; from < roots.size(); from += chunk) {
                List<Path> part = roots.subList(from, Math.min(roots.size(), from + chunk));
                chunks.add(pool.submit(() -> batch(part)));
            }
            for (Future<List<Outcome>> c : chunks) {
                out.addAll(c.get());
            }
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (messages) {
            withMessages(roots, out);
        }
        return out;
    }

    private void withMessages(List<Path> roots, List<Outcome> out) throws InterruptedException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Outcome>> pending = new ArrayList<>();
            for (int i = 0; i < roots.size(); i++) {
                Path root = roots.get(i);
                pending.add(out.get(i).ok() || !out.get(i).error().isEmpty() ? null
                        : pool.submit(() -> alone(root)));
            }
            for (int i = 0; i < pending.size(); i++) {
                if (pending.get(i) != null) {
                    out.set(i, pending.get(i).get());
                }
            }
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome alone(Path root) throws IOException, InterruptedException {
        Run r = run(List.of(root), false);
        if (r.ok()) {
            return parse(r.stdout()).get(0);
        }
        return new Outcome(null, message(r.stderr()));
    }

    private List<Outcome> batch(List<Path> roots) throws IOException, InterruptedException {
        Run r = run(roots, true);
        if (r.ok()) {
            List<Outcome> outcomes = parse(r.stdout());
            if (outcomes.size() != roots.size()) {
                throw new IOException("rx-eval.nix gave " + outcomes.size() + " results for " + roots.size());
            }
            return outcomes;
        }
        if (roots.size() == 1) {
            return List.of(new Outcome(null, message(r.stderr())));
        }
        if (roots.size() <= ONE_BY_ONE) {
            List<Outcome> out = new ArrayList<>();
            for (Path root : roots) {
                out.addAll(batch(List.of(root)));
            }
            return out;
        }
        int half = roots.size() / 2;
        List<Outcome> out = new ArrayList<>(batch(roots.subList(0, half)));
        out.addAll(batch(roots.subList(half, roots.size())));
        return out;
    }

    private static List<Outcome> parse(String stdout) throws IOException {
        List<Outcome> out = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(stdout).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            out.add(o.has("script") ? new Outcome(irOf(o.get("script").getAsString()), null) : new Outcome(null, ""));
        }
        return out;
    }

    /** The here-document of the build script: exactly the bytes the shell writes to {@code ir.json}. */
    static String irOf(String script) throws IOException {
        int start = script.indexOf(HEREDOC_START);
        int end = start < 0 ? -1 : script.indexOf(HEREDOC_END, start + HEREDOC_START.length());
        if (end < 0) {
            throw new IOException("pkgs/module.nix's build script no longer writes ir.json as expected:\n" + script);
        }
        return script.substring(start + HEREDOC_START.length(), end + 1);
    }

    /** The last {@code error:} of Nix's output, without the hint about {@code --show-trace}. */
    static String message(String stderr) {
        int at = stderr.lastIndexOf("error: ");
        String m = at < 0 ? stderr : stderr.substring(at + "error: ".length());
        int hint = m.indexOf("(use '--show-trace'");
        return (hint < 0 ? m : m.substring(0, hint)).strip();
    }

    private record Run(boolean ok, String stdout, String stderr) {
    }

    private Run run(List<Path> roots, boolean catchErrors) throws IOException, InterruptedException {
        StringBuilder nix = new StringBuilder("import ").append(nixPath(harness)).append(" {\n")
                .append("  rxNix = ").append(nixPath(OracleTools.rxNix())).append(";\n")
                .append("  nixpkgsLib = ").append(nixPath(OracleTools.nixpkgsLib())).append(";\n")
                .append("  catch = ").append(catchErrors).append(";\n")
                .append("  configurations = [\n");
        for (Path r : roots) {
            nix.append("    ").append(nixPath(r)).append('\n');
        }
        nix.append("  ];\n}\n");
        Files.createDirectories(work);
        Path file = Files.createTempFile(work, "batch", ".nix");
        Path err = Files.createTempFile(work, "batch", ".err");
        try {
            Files.writeString(file, nix, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(nixInstantiate.toString(), "--option", "max-call-depth", MAX_CALL_DEPTH,
                    "--eval", "--strict", "--json", file.toString())
                    .redirectError(err.toFile()).start();
            byte[] stdout;
            try (var in = p.getInputStream()) {
                stdout = in.readAllBytes();
            }
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("nix-instantiate timed out on " + file);
            }
            return new Run(p.exitValue() == 0, new String(stdout, StandardCharsets.UTF_8), Files.readString(err));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(err);
        }
    }

    /** A path as a Nix expression, whatever characters it holds. */
    private static String nixPath(Path p) {
        String s = p.toAbsolutePath().normalize().toString()
                .replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "\\${");
        return "(/. + \"" + s + "\")";
    }
}
