package rxlsp.nix;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.MemorySegment;

/**
 * Reads tree-sitter 0.25's private structures in native memory: a tree cursor's stack
 * ({@code TreeCursor}, {@code TreeCursorEntry} in {@code tree_cursor.h}) and subtrees
 * ({@code Subtree}, {@code SubtreeInlineData}, {@code SubtreeHeapData} in {@code subtree.h}), on a
 * little-endian 64-bit machine. Reading them costs a few nanoseconds; asking tree-sitter for each
 * fact through a downcall costs ~100 ns under C1. The build pins tree-sitter's version (0.25.1);
 * {@code TreeCopierTest} checks these reads against tree-sitter's public accessors, so a version
 * with another layout fails the build instead of misreading trees. The Nix grammar has no aliases
 * ({@code ALIAS_COUNT 0}), so a node's symbol is its subtree's.
 */
final class SubtreeLayout {
    /** All of memory: the addresses read come from tree-sitter and stay valid while its tree lives. */
    private static final MemorySegment MEMORY = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    /** {@code ts_builtin_sym_error}. */
    static final int ERROR_SYMBOL = 0xFFFF;
    private static final long CURSOR_STACK_CONTENTS = 8;
    private static final long CURSOR_STACK_SIZE = 16;
    private static final long ENTRY_SIZE = 32;
    private static final long ENTRY_POSITION_BYTES = 8;
    private static final long HEAP_SIZE_BYTES = 16;
    private static final long HEAP_ERROR_COST = 32;
    private static final long HEAP_CHILD_COUNT = 36;
    /** {@code symbol} (16 bits), {@code parse_state} (16), then the flag bits. */
    private static final long HEAP_SYMBOL_STATE_FLAGS = 40;
    // SubtreeInlineData, byte 0: is_inline, visible, named, extra, has_changes, is_missing, is_keyword
    private static final int INLINE_NAMED = 1 << 2;
    private static final int INLINE_EXTRA = 1 << 3;
    private static final int INLINE_MISSING = 1 << 5;
    // SubtreeHeapData flags: visible, named, extra, fragile_left, fragile_right, has_changes,
    // has_external_tokens, has_external_scanner_state_change, depends_on_column, is_missing, is_keyword
    private static final int HEAP_NAMED = 1 << 1;
    private static final int HEAP_EXTRA = 1 << 2;
    private static final int HEAP_MISSING = 1 << 9;

    static {
        // every platform the build packages is a little-endian 64-bit one; say so if that ever changes
        if (java.nio.ByteOrder.nativeOrder() != java.nio.ByteOrder.LITTLE_ENDIAN
                || java.lang.foreign.ValueLayout.ADDRESS.byteSize() != 8) {
            throw new IllegalStateException("rx-lsp reads tree-sitter's trees as on little-endian 64-bit machines only");
        }
    }

    private SubtreeLayout() {
    }

    /** The address of the top {@code TreeCursorEntry} of a {@code TSTreeCursor}: the cursor's node. */
    static long cursorTop(MemorySegment cursor) {
        long contents = cursor.get(JAVA_LONG_UNALIGNED, CURSOR_STACK_CONTENTS);
        int size = cursor.get(JAVA_INT_UNALIGNED, CURSOR_STACK_SIZE);
        return contents + (size - 1) * ENTRY_SIZE;
    }

    /** The entry's {@code const Subtree *}: also the id of the node ({@code TSNode.id}). */
    static long entrySubtree(long entry) {
        return MEMORY.get(JAVA_LONG_UNALIGNED, entry);
    }

    /** The entry's start byte (its node's {@code ts_node_start_byte}). */
    static int entryStartByte(long entry) {
        return MEMORY.get(JAVA_INT_UNALIGNED, entry + ENTRY_POSITION_BYTES);
    }

    /** The {@code Subtree} at {@code id}: inline data (lowest bit set) or a heap pointer. */
    static long subtree(long id) {
        return MEMORY.get(JAVA_LONG_UNALIGNED, id);
    }

    private static boolean inline(long subtree) {
        return (subtree & 1) != 0;
    }

    /** The grammar's (internal) symbol, {@link #ERROR_SYMBOL} for ERROR nodes. */
    static int symbol(long subtree) {
        return inline(subtree) ? (int) (subtree >>> 8) & 0xFF
                : MEMORY.get(JAVA_INT_UNALIGNED, subtree + HEAP_SYMBOL_STATE_FLAGS) & 0xFFFF;
    }

    /** Size in bytes, without the padding before the node. */
    static int sizeBytes(long subtree) {
        return inline(subtree) ? (int) (subtree >>> 56) & 0xFF : MEMORY.get(JAVA_INT_UNALIGNED, subtree + HEAP_SIZE_BYTES);
    }

    /** The number of children, hidden ones included (0 for leaves). */
    static int childCount(long subtree) {
        return inline(subtree) ? 0 : MEMORY.get(JAVA_INT_UNALIGNED, subtree + HEAP_CHILD_COUNT);
    }

    /** {@link SyntaxNode} flags, as tree-sitter's {@code ts_node_is_named}, {@code _is_missing}, {@code _has_error} and {@code _is_extra} say. */
    static int flags(long subtree) {
        boolean named;
        boolean extra;
        boolean missing;
        boolean hasError;
        int symbol;
        if (inline(subtree)) {
            int bits = (int) subtree & 0xFF;
            named = (bits & INLINE_NAMED) != 0;
            extra = (bits & INLINE_EXTRA) != 0;
            missing = (bits & INLINE_MISSING) != 0;
            hasError = missing;
            symbol = (int) (subtree >>> 8) & 0xFF;
        } else {
            int bits = (int) (MEMORY.get(JAVA_LONG_UNALIGNED, subtree + HEAP_SYMBOL_STATE_FLAGS) >>> 32) & 0xFFFF;
            named = (bits & HEAP_NAMED) != 0;
            extra = (bits & HEAP_EXTRA) != 0;
            missing = (bits & HEAP_MISSING) != 0;
            hasError = missing || MEMORY.get(JAVA_INT_UNALIGNED, subtree + HEAP_ERROR_COST) != 0;
            symbol = MEMORY.get(JAVA_INT_UNALIGNED, subtree + HEAP_SYMBOL_STATE_FLAGS) & 0xFFFF;
        }
        return syntaxFlags(symbol, named, extra, missing, hasError);
    }

    /** {@link SyntaxNode} flags from what tree-sitter says of a node (rx-lsp marks only named extras, comments, as EXTRA). */
    static int syntaxFlags(int symbol, boolean named, boolean extra, boolean missing, boolean hasError) {
        int flags = 0;
        if (symbol == ERROR_SYMBOL) {
            flags |= SyntaxNode.ERROR | SyntaxNode.HAS_ERROR | SyntaxNode.NAMED;
        } else if (named) {
            flags |= SyntaxNode.NAMED | (extra ? SyntaxNode.EXTRA : 0);
        }
        if (missing) {
            flags |= SyntaxNode.MISSING | SyntaxNode.HAS_ERROR;
        }
        if (hasError) {
            flags |= SyntaxNode.HAS_ERROR;
        }
        return flags;
    }
}
