package rxlsp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The transcript format and the subset match, without a server. */
class TranscriptFormatTest {
    private static JsonObject json(String s) {
        return Transcript.object(s);
    }

    @Test
    void blocksBecomeSteps() {
        Transcript t = Transcript.parse("t.md", """
                # Title
                Prose with `code`.
                ```json
                {"id": 1, "method": "initialize", "params": {}}
                ```
                ```text
                commentary, not a step
                ```
                ```nix file:///a.nix version=3 eol=crlf
                { a = 1; }
                x
                ```
                ```mcl file:///b.mcl
                ```
                ```expect
                {"id": 1}
                ```
                ```expect-none
                {"method": "window/logMessage", "params": {"type": 1}}
                ```
                ````exit
                0
                ````
                """, Path.of("."));
        assertEquals(6, t.steps().size());
        var open = assertInstanceOf(Transcript.Send.class, t.steps().get(1)).message();
        assertEquals("textDocument/didOpen", open.get("method").getAsString());
        JsonObject doc = open.getAsJsonObject("params").getAsJsonObject("textDocument");
        assertEquals("file:///a.nix", doc.get("uri").getAsString());
        assertEquals("nix", doc.get("languageId").getAsString());
        assertEquals(3, doc.get("version").getAsInt());
        assertEquals("{ a = 1; }\r\nx\r\n", doc.get("text").getAsString());
        JsonObject mcl = assertInstanceOf(Transcript.Send.class, t.steps().get(2)).message()
                .getAsJsonObject("params").getAsJsonObject("textDocument");
        assertEquals("mcl", mcl.get("languageId").getAsString());
        assertEquals(1, mcl.get("version").getAsInt());
        assertEquals("", mcl.get("text").getAsString());
        assertEquals(15, assertInstanceOf(Transcript.Expect.class, t.steps().get(3)).line());
        assertInstanceOf(Transcript.ExpectNone.class, t.steps().get(4));
        assertEquals(0, assertInstanceOf(Transcript.Exit.class, t.steps().get(5)).status());
    }

    @Test
    void mistakesAreErrorsNotCommentary() {
        String end = "```exit\n0\n```\n";
        assertThrows(IllegalArgumentException.class, () -> Transcript.parse("t.md", "```exepct\n{\"id\": 1}\n```\n" + end, Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> Transcript.parse("t.md", "```expect\n{\"result\": 1}\n```\n" + end, Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> Transcript.parse("t.md", "```expect-none\n{\"params\": {}}\n```\n" + end, Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> Transcript.parse("t.md", "```json\n{\"id\": 1,}\n```\n" + end, Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> Transcript.parse("t.md", "```json\n{'id': 1}\n```\n" + end, Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> Transcript.parse("t.md", "```nix\n1\n```\n" + end, Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> Transcript.parse("t.md", "```nix file:///a.nix eol=cr\n1\n```\n" + end, Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> Transcript.parse("t.md", "```json\n{\"id\": 1}\n```\n", Path.of(".")));
        assertThrows(IllegalArgumentException.class, () -> Transcript.parse("t.md", "```json\n{\"id\": 1}\n" + end, Path.of(".")));
    }

    @Test
    void subsetMatch() {
        JsonObject actual = json("""
                {"id": 1, "result": {"a": [1, {"b": "x", "c": null}], "d": true, "e": 2.0}}""");
        assertEquals(Optional.empty(), JsonSubset.mismatch(json("{\"id\": 1}"), actual));
        assertEquals(Optional.empty(), JsonSubset.mismatch(json("{\"result\": {\"a\": [1, {\"b\": \"x\"}], \"e\": 2}}"), actual));
        assertEquals(Optional.empty(), JsonSubset.mismatch(json("{\"result\": {\"a\": [1, {\"c\": null}]}}"), actual));
        assertEquals(Optional.of("$.result.a: expected 1 elements, got 2: [1,{\"b\":\"x\",\"c\":null}]"),
                JsonSubset.mismatch(json("{\"result\": {\"a\": [1]}}"), actual));
        assertEquals(Optional.of("$.result.a[1].b: expected \"y\", got \"x\""),
                JsonSubset.mismatch(json("{\"result\": {\"a\": [1, {\"b\": \"y\"}]}}"), actual));
        assertTrue(JsonSubset.mismatch(json("{\"id\": \"1\"}"), actual).isPresent());
        assertTrue(JsonSubset.mismatch(json("{\"result\": {\"d\": \"true\"}}"), actual).isPresent());
        assertTrue(JsonSubset.mismatch(json("{\"result\": {\"f\": null}}"), actual).isPresent());
        assertTrue(JsonSubset.mismatch(json("{\"result\": {\"a\": {}}}"), actual).isPresent());
        assertTrue(JsonSubset.mismatch(json("{\"error\": {}}"), actual).isPresent());
    }

    @Test
    void selection() {
        JsonObject diagnosticsA = json("{\"method\": \"textDocument/publishDiagnostics\", \"params\": {\"uri\": \"file:///a.nix\", \"diagnostics\": []}}");
        JsonObject response = json("{\"id\": 2, \"result\": null}");
        assertTrue(TranscriptRunner.selects(json("{\"method\": \"textDocument/publishDiagnostics\"}"), diagnosticsA));
        assertTrue(TranscriptRunner.selects(json("{\"method\": \"textDocument/publishDiagnostics\", \"params\": {\"uri\": \"file:///a.nix\"}}"), diagnosticsA));
        assertFalse(TranscriptRunner.selects(json("{\"method\": \"textDocument/publishDiagnostics\", \"params\": {\"uri\": \"file:///b.nix\"}}"), diagnosticsA));
        assertTrue(TranscriptRunner.selects(json("{\"id\": 2}"), response));
        assertFalse(TranscriptRunner.selects(json("{\"id\": 3}"), response));
        assertFalse(TranscriptRunner.selects(json("{\"id\": 2}"), json("{\"id\": 2, \"method\": \"client/registerCapability\"}")));
    }

    @Test
    void loneSurrogatesAreSentAsEscapes() {
        assertEquals("\"a\\ud800b\"", LspProcess.escapeLoneSurrogates("\"a\ud800b\""));
        assertEquals("\"\ud83d\ude00\\udc00\"", LspProcess.escapeLoneSurrogates("\"\ud83d\ude00\udc00\""));
        assertEquals("\"plain\"", LspProcess.escapeLoneSurrogates("\"plain\""));
    }
}
