package rxlsp.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A file's bytes decoded for analysis, with what was odd about them: rx-lsp analyses UTF-8 text,
 * reports a byte order mark (which Nix rejects), invalid UTF-8 (decoded with replacement characters)
 * and binary content (NUL bytes), instead of failing on them.
 *
 * @param text        the decoded text, BOM included (so offsets match the file)
 * @param problem     what is wrong with the bytes, if anything
 */
public record SourceText(String text, Optional<Problem> problem) {
    public enum Kind { BINARY, INVALID_UTF8, BOM }

    public record Problem(Kind kind, int byteOffset) {
    }

    public static SourceText decode(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return new SourceText("", Optional.of(new Problem(Kind.BINARY, i)));
            }
        }
        String text;
        Optional<Problem> problem = Optional.empty();
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.UTF_8);
            problem = Optional.of(new Problem(Kind.INVALID_UTF8, firstInvalidByte(bytes)));
        }
        if (problem.isEmpty() && text.startsWith("\uFEFF")) {
            problem = Optional.of(new Problem(Kind.BOM, 0));
        }
        return new SourceText(text, problem);
    }

    private static int firstInvalidByte(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length));
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }
}
