package rxlsp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {
    @Test
    void closeNamesOnly() {
        List<String> kinds = List.of("file", "exec", "pkg", "print", "http:server:ui");
        assertEquals(Optional.of("file"), DidYouMean.closest("fiel", kinds));
        assertEquals(Optional.of("print"), DidYouMean.closest("prnt", kinds));
        assertEquals(Optional.of("http:server:ui"), DidYouMean.closest("http:sever:ui", kinds));
        assertEquals(Optional.empty(), DidYouMean.closest("x", kinds));
        assertEquals(Optional.empty(), DidYouMean.closest("database", kinds));
        assertEquals("; did you mean `Meta:noop`?", DidYouMean.hint("nopo", List.of("noop", "poll"), "Meta:"));
        assertEquals("", DidYouMean.hint("zzzz", List.of("noop"), "Meta:"));
    }
}
