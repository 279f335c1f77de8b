package rxlsp.embed;

import java.util.Optional;
import java.util.OptionalInt;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;

/** Maps offsets of a fragment's text to offsets of the file it was written in, and back. */
public interface OffsetMap {
    /** The file offset of the fragment-text offset {@code offset} (0 ≤ offset ≤ text length). */
    int toSource(int offset);

    /** The fragment-text offset written at file offset {@code sourceOffset}, if it lies in the fragment. */
    OptionalInt toFragment(int sourceOffset);

    /** The file range of a fragment-text range; an escape an end falls into is covered whole. */
    default TextRange toSource(TextRange range) {
        int from = toSource(range.start());
        return new TextRange(from, Math.max(from, toSource(range.end())));
    }

    /**
     * The file edit that replaces {@code range} of the fragment text by {@code newText}, written so
     * that the file yields exactly the edited text; empty when no such edit exists (it would touch a
     * Nix interpolation, or change the indentation Nix strips).
     */
    Optional<TextEdit> encode(TextRange range, String newText);

    /** A fragment that is the file itself (a {@code .mcl} file pulled in with {@code readFile}). */
    static OffsetMap identity(int length) {
        return new OffsetMap() {
            @Override
            public int toSource(int offset) {
                return offset;
            }

            @Override
            public OptionalInt toFragment(int sourceOffset) {
                return sourceOffset >= 0 && sourceOffset <= length ? OptionalInt.of(sourceOffset) : OptionalInt.empty();
            }

            @Override
            public Optional<TextEdit> encode(TextRange range, String newText) {
                return range.end() <= length ? Optional.of(new TextEdit(range.start(), range.end(), newText)) : Optional.empty();
            }
        };
    }
}
