package rxlsp.nix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * For benchmarks and tests outside this package: tree-sitter's parse alone, through the same
 * downcalls and input as {@link NixParser} but without the copy, so that a benchmark can tell the
 * two apart.
 */
public final class RawParse implements AutoCloseable {
    private final MemorySegment parser = TreeSitterCalls.newNixParser();

    /** Parses {@code text} as rx-lsp hands it to tree-sitter and deletes the tree. */
    public void parseAndDelete(String text) {
        char[] chars = TreeSitterInput.of(text).chars();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment input = arena.allocate(2L * chars.length + 2, 2);
            MemorySegment.copy(chars, 0, input, ValueLayout.JAVA_CHAR_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0, chars.length);
            TreeSitterCalls.deleteTree(TreeSitterCalls.parseUtf16(parser, MemorySegment.NULL, input, 2 * chars.length));
        }
    }

    @Override
    public void close() {
        TreeSitterCalls.deleteParser(parser);
    }
}
