package rxlsp.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import rxlsp.testing.ProjectPaths;

/**
 * The two SARIF validators the tests use, installed by {@code .ci/npm-tools} into
 * {@code .ci/cache/npm}: Microsoft's SARIF Multitool ({@code validate}) and the SARIF 2.1.0 JSON
 * schema checked with ajv. Missing tools skip the tier visibly (fail it in CI).
 */
final class SarifTools {
    private final Path modules = ProjectPaths.root().resolve(".ci/cache/npm/node_modules");
    private final Path multitool = modules.resolve("@microsoft/sarif-multitool-linux/Sarif.Multitool");
    private final Path schema = modules.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");

    SarifTools() {
        ProjectPaths.requireTier(Files.isExecutable(multitool) && Files.isRegularFile(schema)
                        && ProjectPaths.onPath("node").isPresent(),
                "the SARIF validators are not installed (run .ci/npm-tools; needs npm and node)");
    }

    record Outcome(int status, String output) {
    }

    /**
     * Microsoft's validator: the errors and warnings it reports (its notes are advice, such as
     * "provide code snippets", not validity).
     */
    List<String> multitoolFindings(Path sarif) throws IOException, InterruptedException {
        Path report = Files.createTempFile("rx-lsp-sarif-validation", ".sarif");
        Files.delete(report);
        try {
            Outcome o = run(List.of(multitool.toString(), "validate", "--output", report.toString(),
                    "--level", "Error;Warning", sarif.toString()));
            List<String> findings = new ArrayList<>();
            if (o.status() != 0) {
                findings.add("exit status " + o.status() + ": " + o.output());
            }
            if (Files.exists(report)) {
                var log = com.google.gson.JsonParser.parseString(Files.readString(report)).getAsJsonObject();
                for (var r : log.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results")) {
                    var result = r.getAsJsonObject();
                    String level = result.has("level") ? result.get("level").getAsString() : "warning";
                    if (!level.equals("note") && !level.equals("none")) {
                        findings.add(result.get("ruleId").getAsString() + " " + result.get("message"));
                    }
                }
            } else {
                findings.add("no validation report written: " + o.output());
            }
            return findings;
        } finally {
            Files.deleteIfExists(report);
        }
    }

    /** The JSON schema: ajv's error lines, empty when valid. */
    Outcome schemaCheck(Path sarif) throws IOException, InterruptedException {
        Path script = ProjectPaths.root().resolve("server/src/test/resources/rxlsp/cli/validate-sarif.js");
        return run(List.of("node", script.toString(), modules.toString(), schema.toString(), sarif.toString()));
    }

    private static Outcome run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
