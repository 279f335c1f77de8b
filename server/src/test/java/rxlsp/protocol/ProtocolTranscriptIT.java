package rxlsp.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import rxlsp.testing.ProjectPaths;

/**
 * Runs every protocol transcript in {@code test-fixtures/protocol/*.md} (the format is described in
 * that folder's README.md) against the real launcher {@code bin/rx-lsp}, one fresh server process
 * per transcript, each within {@link #BUDGET}.
 */
class ProtocolTranscriptIT {
    /** The time one transcript may take, server start-up included. */
    static final Duration BUDGET = Duration.ofSeconds(20);

    private static Path transcriptDir() {
        return ProjectPaths.fixtures().resolve("protocol");
    }

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        Path launcher = Launchers.rxLsp();
        List<Path> files;
        try (Stream<Path> s = Files.list(transcriptDir())) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equals("README.md"))
                    .sorted()
                    .toList();
        }
        assertFalse(files.isEmpty(), "no transcripts in " + transcriptDir());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(),
                () -> new TranscriptRunner(launcher, BUDGET).run(Transcript.parse(file))));
    }

    /** The harness must be able to fail: a wrong expectation is reported with the field that differs. */
    @Test
    void aWrongExpectationFails() {
        String markdown = """
                ```json
                {"id": 1, "method": "initialize", "params": {"processId": null, "rootUri": null, "capabilities": {}}}
                ```
                ```expect
                {"id": 1, "result": {"capabilities": {"positionEncoding": "utf-32"}}}
                ```
                ```exit
                0
                ```
                """;
        Transcript transcript = Transcript.parse("wrong.md", markdown, transcriptDir());
        var failure = assertThrows(TranscriptRunner.TranscriptFailure.class,
                () -> new TranscriptRunner(Launchers.rxLsp(), BUDGET).run(transcript));
        assertTrue(failure.getMessage().contains("$.result.capabilities.positionEncoding: expected \"utf-32\", got \"utf-16\""),
                failure.getMessage());
    }

    /** ... and so must a server that does not exit when the transcript says it should. */
    @Test
    void aServerThatDoesNotExitFails() {
        String markdown = """
                Nothing is sent, so the server waits for input forever.
                ```exit
                0
                ```
                """;
        Transcript transcript = Transcript.parse("no-exit.md", markdown, transcriptDir());
        var failure = assertThrows(TranscriptRunner.TranscriptFailure.class,
                () -> new TranscriptRunner(Launchers.rxLsp(), Duration.ofSeconds(3)).run(transcript));
        assertTrue(failure.getMessage().contains("did not exit on its own"), failure.getMessage());
    }
}
