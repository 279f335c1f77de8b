package rxlsp.embed;

import java.util.OptionalInt;

/** Maps offsets of a fragment's text to offsets of the file it was written in, and back. */
public interface OffsetMap {
    /** The file offset of the fragment-text offset {@code offset} (0 ≤ offset ≤ text length). */
    int toSource(int offset);

    /** The fragment-text offset written at file offset {@code sourceOffset}, if it lies in the fragment. */
    OptionalInt toFragment(int sourceOffset);

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
        };
    }
}
