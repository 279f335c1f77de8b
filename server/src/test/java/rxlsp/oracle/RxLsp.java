package rxlsp.oracle;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import rxlsp.Main;
import rxlsp.embed.AssembledProgram;
import rxlsp.embed.ConfigurationLoader;
import rxlsp.embed.DiskFiles;
import rxlsp.embed.ModuleCache;
import rxlsp.embed.ModuleScan;
import rxlsp.embed.NixFragmentReader;
import rxlsp.embed.NixVersion;
import rxlsp.embed.ProgramAssembler;
import rxlsp.text.TextRange;

/** rx-lsp's side of the oracles: {@code render} and {@code check}, in process. */
final class RxLsp implements AutoCloseable {
    private final DiskFiles disk = new DiskFiles();
    private final ModuleCache cache = new ModuleCache(disk);

    /** What {@code rx-lsp render ROOT} prints (the same calls as the command), with its holes. */
    AssembledProgram render(Path root, NixVersion nix) {
        ModuleScan scan = cache.scan(root.toAbsolutePath().normalize()).orElseThrow();
        return ProgramAssembler.assemble(ConfigurationLoader.load(scan, cache), new NixFragmentReader(disk), nix);
    }

    /**
     * True when {@code expected} is what rx-lsp rendered, each {@code ${…}} hole (a value only Nix
     * knows) standing for any text.
     */
    static boolean matches(AssembledProgram p, String expected) {
        if (p.holes().isEmpty()) {
            return p.text().equals(expected);
        }
        StringBuilder regex = new StringBuilder("(?s)");
        int at = 0;
        for (TextRange h : p.holes()) {
            regex.append(Pattern.quote(p.text().substring(at, h.start()))).append(".*?");
            at = h.end();
        }
        regex.append(Pattern.quote(p.text().substring(at)));
        return Pattern.compile(regex.toString()).matcher(expected).matches();
    }

    /** One diagnostic of {@code rx-lsp check --format json}. */
    record Finding(Path file, int line, String severity, String code, String message) {
        boolean error() {
            return severity.equals("error");
        }
    }

    /** {@code rx-lsp check --format json --nix-version V PATHS…}, in process. */
    static List<Finding> check(List<Path> paths, NixVersion nix) {
        List<String> args = new ArrayList<>(List.of("check", "--format", "json", "--nix-version", nix.setting()));
        paths.forEach(p -> args.add(p.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (status == 2) {
            throw new IllegalStateException("rx-lsp check failed: " + err.toString(StandardCharsets.UTF_8));
        }
        List<Finding> findings = new ArrayList<>();
        JsonObject doc = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
        for (JsonElement f : doc.getAsJsonArray("files")) {
            Path file = Path.of(f.getAsJsonObject().get("path").getAsString()).toAbsolutePath().normalize();
            for (JsonElement d : f.getAsJsonObject().getAsJsonArray("diagnostics")) {
                JsonObject o = d.getAsJsonObject();
                findings.add(new Finding(file, o.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt() + 1,
                        o.get("severity").getAsString(), o.get("code").getAsString(), o.get("message").getAsString()));
            }
        }
        return findings;
    }

    @Override
    public void close() {
        cache.close();
    }
}
