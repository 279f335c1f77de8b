package rxlsp.editors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rxlsp.testing.ProjectPaths;

/**
 * Runs an editor with a driver script as a child process, with a hard timeout, and collects the
 * {@code RX-E2E } lines the driver prints on stdout.
 */
final class EditorProcess {
    static final String PREFIX = "RX-E2E ";
    /** How long each wait inside a driver may take (server start-up, diagnostics, shutdown). */
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);
    /** The whole editor run, a bound that holds even if a driver's own timeouts do not. */
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    /** What a run produced. */
    record Result(int status, List<String> report, String stdout, String stderr) {
        /** For failure messages: everything the editor printed. */
        String transcript() {
            return "exit status " + status + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    private EditorProcess() {
    }

    /** The driver script, from the test classpath (target/test-classes/editors/NAME). */
    static Path driver(String name) {
        var url = EditorProcess.class.getResource("/editors/" + name);
        if (url == null) {
            throw new IllegalStateException("missing test resource editors/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the fixture into {@code dir}, so that the editor never touches the repository. */
    static Path fixture(Path dir, String name) throws IOException {
        Path source = ProjectPaths.root().resolve("test-fixtures/editors").resolve(name);
        return Files.copy(source, dir.resolve(name));
    }

    /** An editor's first line of {@code --version}, or null if it does not run. */
    static String versionLine(Path executable) {
        try {
            Process p = new ProcessBuilder(executable.toString(), "--version")
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? null : text.lines().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static Result run(Path workDir, Map<String, String> environment, List<String> command) throws IOException, InterruptedException {
        Path stdout = workDir.resolve("editor.stdout");
        Path stderr = workDir.resolve("editor.stderr");
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        pb.environment().putAll(environment);
        Process process = pb.start();
        boolean finished = process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        // the language server is the editor's child; it must not outlive the test either way
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        List<String> report = new ArrayList<>();
        out.lines().forEach(line -> {
            int at = line.indexOf(PREFIX); // Neovim may print its own text on the same line first
            if (at >= 0) {
                report.add(line.substring(at + PREFIX.length()));
            }
        });
        Result result = new Result(finished ? process.exitValue() : -1, List.copyOf(report), out, err);
        if (!finished) {
            fail("the editor did not finish within " + RUN_TIMEOUT.toSeconds() + " s and was killed\n" + result.transcript());
        }
        return result;
    }

    /**
     * The report must hold lines matching {@code expected}, in this order (other lines may come in
     * between), and no {@code error} line.
     *
     * @return the matchers of the expected lines, for their groups
     */
    static List<Matcher> assertReport(Result result, List<String> expected) {
        for (String line : result.report()) {
            assertTrue(!line.startsWith("error"), "the driver reported an error: " + line + "\n" + result.transcript());
        }
        List<Matcher> matched = new ArrayList<>();
        int next = 0;
        for (String regex : expected) {
            Pattern p = Pattern.compile(regex);
            Matcher found = null;
            while (next < result.report().size() && found == null) {
                Matcher m = p.matcher(result.report().get(next++));
                if (m.matches()) {
                    found = m;
                }
            }
            if (found == null) {
                fail("no report line matching /" + regex + "/ (in order)\nreport:\n  "
                        + String.join("\n  ", result.report()) + "\n" + result.transcript());
            }
            matched.add(found);
        }
        return matched;
    }

    static void assertExitStatus(Result result, int expected) {
        assertEquals(expected, result.status(), "editor exit status\n" + result.transcript());
    }

    /** Lines of the report that start with {@code prefix}. */
    /**
     * What both editor scenarios end with: one diagnostic was shown; the client sent incremental
     * changes (ranges, never the whole text); the diagnostics were cleared for the version of its
     * last change, a later version than the one opened ({@code m} 1 and 6 hold those versions);
     * the buffer was not saved.
     */
    static void assertOneDiagnosticFixedIncrementally(Result result, List<java.util.regex.Matcher> m, java.nio.file.Path file,
                                                      String original) throws java.io.IOException {
        org.junit.jupiter.api.Assertions.assertEquals(1, reportLines(result, "diagnostic ").size(), result.transcript());
        List<String> changes = reportLines(result, "didChange ");
        changes.forEach(c -> org.junit.jupiter.api.Assertions.assertFalse(c.contains("full-text"), "a full-text change: " + c));
        String lastChangeVersion = changes.getLast().replaceAll("didChange version=(\\d+) .*", "$1");
        int opened = Integer.parseInt(m.get(1).group(1));
        int cleared = Integer.parseInt(m.get(6).group(1));
        org.junit.jupiter.api.Assertions.assertEquals(lastChangeVersion, Integer.toString(cleared), result.transcript());
        org.junit.jupiter.api.Assertions.assertTrue(cleared > opened, result.transcript());
        org.junit.jupiter.api.Assertions.assertEquals(original, java.nio.file.Files.readString(file), "the driver must not save the buffer");
    }

    static List<String> reportLines(Result result, String prefix) {
        return result.report().stream().filter(l -> l.startsWith(prefix)).toList();
    }
}
