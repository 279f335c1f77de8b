package rxlsp.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * rx.nix's Go renderer ({@code codegen/cmd/mcl}), built from the shared corpus into the ignored
 * {@code .cache/codegen} with the Go at hand: the corpus copy is left untouched; the build copy's
 * {@code go.mod} names Go 1.19, the oldest release it builds with, as the corpus README says. Its
 * code is never part of the project.
 */
public final class RxCodegen {
    private static final String HOST = "h";

    private final Path binary;
    private final Path work;

    private RxCodegen(Path binary, Path work) {
        this.binary = binary;
        this.work = work;
    }

    /** The renderer, built when the cache has none yet; a skip (a failure in CI) without Go. */
    public static RxCodegen require(Path work) throws IOException, InterruptedException {
        Path source = OracleTools.rxNix().resolve("codegen");
        ProjectPaths.requireTier(Files.isDirectory(source), "rx.nix's codegen is not in the shared corpus at " + source);
        Path dir = OracleTools.cache().resolve("codegen");
        Path binary = dir.resolve("mcl-" + fingerprint(source));
        if (!Files.isExecutable(binary)) {
            build(source, dir, binary);
        }
        return new RxCodegen(binary, work);
    }

    private static String fingerprint(Path source) throws IOException {
        long h = 17;
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                h = h * 31 + p.toString().hashCode();
                h = h * 31 + java.util.Arrays.hashCode(Files.readAllBytes(p));
            }
        }
        return Long.toHexString(h);
    }

    private static void build(Path source, Path dir, Path binary) throws IOException, InterruptedException {
        Path go = OracleTools.go();
        Path src = dir.resolve("src");
        deleteTree(src);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path to = src.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                    to.toFile().setWritable(true);
                }
            }
        }
        Path mod = src.resolve("go.mod");
        Files.writeString(mod, Files.readString(mod).replaceAll("(?m)^go \\d+\\.\\d+(\\.\\d+)?$", "go 1.19"));
        ProcessBuilder pb = new ProcessBuilder(go.toString(), "build", "-o", binary.toString(), "./cmd/mcl")
                .directory(src.toFile()).redirectErrorStream(true);
        pb.environment().put("GOFLAGS", "-mod=mod");
        pb.environment().put("GOPROXY", "off");
        pb.environment().put("GOCACHE", dir.resolve("gocache").toString());
        pb.environment().put("GOPATH", dir.resolve("gopath").toString());
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("building rx.nix's renderer failed:\n" + log);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }

    /** What the renderer writes: the text, or its error output when it rejects the IR. */
    public record Rendered(String mcl, String error) {
    }

    /**
     * Renders each IR as rx.nix does for a single host named {@code main}. The IRs go to one process
     * as one multi-host document (the renderer's other input shape); each host's output differs from
     * the single-host one only in the name on its header line, which is written back to {@code main}.
     */
    public List<Rendered> render(List<String> irJsons) throws IOException, InterruptedException {
        if (irJsons.isEmpty()) {
            return List.of();
        }
        Files.createDirectories(work);
        Path dir = Files.createTempDirectory(work, "codegen");
        try {
            StringBuilder doc = new StringBuilder("{");
            for (int i = 0; i < irJsons.size(); i++) {
                doc.append(i == 0 ? "" : ",").append('"').append(host(i)).append("\":").append(irJsons.get(i).strip());
            }
            doc.append("}\n");
            Path in = dir.resolve("ir.json");
            Files.writeString(in, doc, StandardCharsets.UTF_8);
            Path out = dir.resolve("deploy");
            Process p = new ProcessBuilder(binary.toString(), "-in", in.toString(), "-out", out.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("rx.nix's renderer timed out");
            }
            if (p.exitValue() != 0) {
                return split(irJsons, log);
            }
            List<Rendered> result = new ArrayList<>();
            for (int i = 0; i < irJsons.size(); i++) {
                String text = Files.readString(out.resolve(host(i) + ".mcl"), StandardCharsets.UTF_8);
                String header = "# Generated MCL for host \"" + host(i) + "\"\n";
                if (!text.startsWith(header)) {
                    throw new IOException("unexpected header from rx.nix's renderer: " + text.lines().findFirst().orElse(""));
                }
                result.add(new Rendered("# Generated MCL for host \"main\"\n" + text.substring(header.length()), null));
            }
            return result;
        } finally {
            deleteTree(dir);
        }
    }

    /** One IR the renderer rejects fails the whole run: render halves until it is alone. */
    private List<Rendered> split(List<String> irJsons, String log) throws IOException, InterruptedException {
        if (irJsons.size() == 1) {
            return List.of(new Rendered(null, log.strip()));
        }
        int half = irJsons.size() / 2;
        List<Rendered> out = new ArrayList<>(render(irJsons.subList(0, half)));
        out.addAll(render(irJsons.subList(half, irJsons.size())));
        return out;
    }

    private static String host(int i) {
        return HOST + String.format("%06d", i);
    }
}
