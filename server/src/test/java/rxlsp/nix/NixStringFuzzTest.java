package rxlsp.nix;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Optional;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;

/**
 * Fuzz target: the Nix string decoder and encoder and their offset maps. A literal is built from
 * the pieces Nix's rules are about (indentation, TABs, CR LF, {@code ''} escapes, {@code $} runs,
 * quotes, surrogate pairs, interpolations), chosen by the fuzzer, or taken as the fuzzer's raw
 * text after a quote. Decoding never throws and its maps are consistent (monotonic, a round trip
 * for every character copied as it is); an edit of the decoded value, encoded back into the
 * literal, re-decodes to exactly the intended value (decode(encode(x)) = x), unless the encoder
 * refuses it (inside an interpolation, or changing the stripped indentation).
 */
public class NixStringFuzzTest {
    @FuzzTest
    void fuzz(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        boolean indented = data.consumeBoolean();
        boolean structured = data.consumeBoolean();
        String source;
        if (structured) {
            StringBuilder b = new StringBuilder(indented ? "''\n" : "\"");
            String[] atoms = indented ? NixStringPropertyTest.INDENTED_ATOMS : NixStringPropertyTest.QUOTED_ATOMS;
            int n = data.consumeInt(0, 40);
            for (int i = 0; i < n; i++) {
                if (indented && data.consumeInt(0, 5) == 0) {
                    b.append(data.consumeBoolean() ? "\n" : "\r\n").append(" ".repeat(data.consumeInt(0, 6)));
                }
                b.append(data.pickValue(atoms));
            }
            source = b.append(indented ? "''" : "\"").toString();
        } else {
            source = (indented ? "''" : "\"") + data.consumeRemainingAsString();
        }
        int from = data.consumeInt(0, Integer.MAX_VALUE);
        int length = data.consumeInt(0, 6);
        String text = data.pickValue(NixStringPropertyTest.NEW_TEXTS);

        DecodedString alone = NixStringDecoder.decodeAt(source, 0);
        NixStringPropertyTest.checkMaps(source, alone);
        try (NixParser parser = NixParser.forSingleParses()) {
            List<SyntaxNode> strings = StringLiterals.in(parser.parse(source).root());
            for (SyntaxNode string : strings) {
                NixStringPropertyTest.checkMaps(source, NixStringDecoder.decode(string, source));
            }
            if (strings.isEmpty() || strings.getFirst().hasError() || !strings.getFirst().range().equals(new TextRange(0, source.length()))
                    || !alone.terminated()) {
                return; // the round trip is about whole, valid literals
            }
            DecodedString d = NixStringDecoder.decode(strings.getFirst(), source);
            String value = d.value();
            int start = NixStringPropertyTest.notInsidePair(value, from % (value.length() + 1));
            int end = NixStringPropertyTest.notInsidePair(value, Math.min(value.length(), start + length));
            Optional<TextEdit> edit = NixStringEncoder.encode(d, new TextRange(start, end), text);
            if (edit.isEmpty()) {
                return;
            }
            String edited = edit.get().applyTo(source);
            List<SyntaxNode> again = StringLiterals.in(parser.parse(edited).root());
            if (again.isEmpty() || !again.getFirst().range().equals(new TextRange(0, edited.length()))) {
                throw new AssertionError("the encoded edit " + edit.get() + " (" + text + " for value [" + start + ", " + end
                        + ") of " + new com.google.gson.Gson().toJson(value) + ") breaks the literal " + new com.google.gson.Gson().toJson(source)
                        + ": " + new com.google.gson.Gson().toJson(edited));
            }
            String expected = value.substring(0, start) + text + value.substring(end);
            String decoded = NixStringDecoder.decode(again.getFirst(), edited).value();
            if (!decoded.equals(expected)) {
                throw new AssertionError("decode(encode(edit)) gave " + decoded + ", expected " + expected + " from " + edited);
            }
        }
    }
}
