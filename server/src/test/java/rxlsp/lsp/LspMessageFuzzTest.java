package rxlsp.lsp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.jsonrpc.validation.ReflectiveMessageValidator;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Fuzz target: the LSP message layer, random frames and JSON: the bytes a client sends, read by
 * rx-lsp's frame reader and message reader with lsp4j's types and validation behind them. Reading
 * always ends (the input is finite), nothing escapes as an exception, every answer the layer gives
 * on its own is a JSON-RPC error of the codes it promises (-32700, -32600, -32602) with the
 * message's id or null, and every problem is one line. Half the inputs are the fuzzer's bytes as they are; the other
 * half frame the fuzzer's strings as bodies, with a correct length most of the time.
 */
public class LspMessageFuzzTest {
    private static final Map<String, JsonRpcMethod> METHODS = methods();
    private static final Set<Integer> CODES = Set.of(-32700, -32600, -32602);

    private static Map<String, JsonRpcMethod> methods() {
        Map<String, JsonRpcMethod> m = new LinkedHashMap<>(ServiceEndpoints.getSupportedMethods(LanguageClient.class));
        m.putAll(ServiceEndpoints.getSupportedMethods(LanguageServer.class));
        return m;
    }

    @FuzzTest
    void fuzz(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        byte[] input;
        if (data.consumeBoolean()) {
            input = data.consumeRemainingAsBytes();
        } else {
            ByteArrayOutputStream framed = new ByteArrayOutputStream();
            int frames = data.consumeInt(1, 6);
            for (int i = 0; i < frames && data.remainingBytes() > 0; i++) {
                byte[] body = data.consumeString(400).getBytes(StandardCharsets.UTF_8);
                int length = data.consumeInt(0, 9) == 0 ? data.consumeInt(0, 500) : body.length;
                framed.writeBytes(("Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                framed.writeBytes(body);
            }
            input = framed.toByteArray();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProblemLog log = new ProblemLog(new PrintStream(err, true, StandardCharsets.UTF_8));
        MessageJsonHandler json = new MessageJsonHandler(METHODS);
        List<Message> replies = new ArrayList<>();
        List<Message> delivered = new ArrayList<>();
        IncomingMessages incoming = new IncomingMessages(new ByteArrayInputStream(input), json, replies::add, log, uri -> {
        });
        incoming.listen(new ReflectiveMessageValidator(delivered::add));
        for (Message m : replies) {
            if (!(m instanceof ResponseMessage r) || r.getError() == null || !CODES.contains(r.getError().getCode())) {
                throw new AssertionError("an answer that is no promised JSON-RPC error: " + m);
            }
        }
        for (String line : err.toString(StandardCharsets.UTF_8).lines().toList()) {
            if (!line.startsWith("rx-lsp: ")) {
                throw new AssertionError("a problem that is not one line of its own: " + line);
            }
        }
    }
}
