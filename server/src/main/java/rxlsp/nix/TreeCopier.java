package rxlsp.nix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import io.github.treesitter.jtreesitter.Tree;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a tree-sitter tree into {@link SyntaxNode}s with a native tree cursor driven through its own
 * FFM downcalls. jtreesitter's {@code Node} objects each carry an automatic arena, which makes a
 * full walk of a large file cost tens of milliseconds; this walk allocates nothing natively per node.
 */
final class TreeCopier {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout NODE = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(4, JAVA_INT), ADDRESS, ADDRESS);
    private static final MemoryLayout CURSOR = MemoryLayout.structLayout(
            ADDRESS, ADDRESS, MemoryLayout.sequenceLayout(3, JAVA_INT), MemoryLayout.paddingLayout(4));
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);

    private static final MethodHandle TREE_SELF;
    private static final MethodHandle ROOT_NODE;
    private static final MethodHandle CURSOR_NEW;
    private static final MethodHandle CURSOR_DELETE;
    private static final MethodHandle FIRST_CHILD;
    private static final MethodHandle NEXT_SIBLING;
    private static final MethodHandle PARENT;
    private static final MethodHandle CURRENT_NODE;
    private static final MethodHandle FIELD_ID;
    private static final MethodHandle SYMBOL;
    private static final MethodHandle END_BYTE;
    private static final MethodHandle HAS_ERROR;
    private static final MethodHandle IS_MISSING;
    private static final MethodHandle IS_EXTRA;
    private static final boolean[] NAMED_SYMBOLS;
    private static final long NODE_ID_OFFSET = 16;
    /** Subtrees of at least this many nodes are remembered for reuse; smaller ones are cheap to copy. */
    private static final int REUSE_MIN_SIZE = 12;

    static {
        try {
            TREE_SELF = MethodHandles.privateLookupIn(Tree.class, MethodHandles.lookup())
                    .findGetter(Tree.class, "self", MemorySegment.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        // make sure jtreesitter (and so the core library) is initialised before looking up symbols
        NixLanguage.LANGUAGE.getSymbolCount();
        SymbolLookup core = new NativeLibraries().get(Arena.global());
        ROOT_NODE = handle(core, "ts_tree_root_node", FunctionDescriptor.of(NODE, ADDRESS));
        CURSOR_NEW = handle(core, "ts_tree_cursor_new", FunctionDescriptor.of(CURSOR, NODE));
        CURSOR_DELETE = handle(core, "ts_tree_cursor_delete", FunctionDescriptor.ofVoid(ADDRESS));
        FIRST_CHILD = handle(core, "ts_tree_cursor_goto_first_child", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
        NEXT_SIBLING = handle(core, "ts_tree_cursor_goto_next_sibling", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
        PARENT = handle(core, "ts_tree_cursor_goto_parent", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
        CURRENT_NODE = handle(core, "ts_tree_cursor_current_node", FunctionDescriptor.of(NODE, ADDRESS));
        FIELD_ID = handle(core, "ts_tree_cursor_current_field_id", FunctionDescriptor.of(JAVA_SHORT, ADDRESS));
        SYMBOL = handle(core, "ts_node_symbol", FunctionDescriptor.of(JAVA_SHORT, NODE));
        END_BYTE = handle(core, "ts_node_end_byte", FunctionDescriptor.of(JAVA_INT, NODE));
        HAS_ERROR = handle(core, "ts_node_has_error", FunctionDescriptor.of(JAVA_BOOLEAN, NODE));
        IS_MISSING = handle(core, "ts_node_is_missing", FunctionDescriptor.of(JAVA_BOOLEAN, NODE));
        IS_EXTRA = handle(core, "ts_node_is_extra", FunctionDescriptor.of(JAVA_BOOLEAN, NODE));
        int symbols = NixLanguage.LANGUAGE.getSymbolCount();
        NAMED_SYMBOLS = new boolean[symbols];
        for (int i = 0; i < symbols; i++) {
            NAMED_SYMBOLS[i] = NixLanguage.LANGUAGE.isNamed((short) i);
        }
    }

    private TreeCopier() {
    }

    private static MethodHandle handle(SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
        MemorySegment fn = lookup.find(name).orElseThrow(() -> new IllegalStateException("tree-sitter lacks " + name));
        return LINKER.downcallHandle(fn, descriptor, CRITICAL);
    }

    /** Result of a copy: the root and whether nesting beyond {@code maxDepth} was cut. */
    record Copy(SyntaxNode root, boolean depthLimited) {
    }

    /**
     * Copies {@code tree}. {@code previous} maps native subtree ids of the tree this one was
     * incrementally parsed from to their copies; a subtree tree-sitter reused keeps its id, so its
     * copy is reused too, only moved. The map is valid only while that previous tree is alive; the
     * ids of this copy's larger subtrees are put into {@code next} (when not null) for the following reparse.
     */
    static Copy copy(Tree tree, int maxDepth, java.util.Map<Long, SyntaxNode> previous, java.util.Map<Long, SyntaxNode> next) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment nodeBuf = arena.allocate(NODE);
            SegmentAllocator reuseNode = SegmentAllocator.prefixAllocator(nodeBuf);
            MemorySegment cursor = arena.allocate(CURSOR);
            MemorySegment root = (MemorySegment) ROOT_NODE.invokeExact(reuseNode, (MemorySegment) TREE_SELF.invokeExact(tree));
            MemorySegment fresh = (MemorySegment) CURSOR_NEW.invokeExact(SegmentAllocator.prefixAllocator(cursor), root);
            assert fresh.address() == cursor.address();
            try {
                return walk(cursor, reuseNode, maxDepth, previous, next);
            } finally {
                CURSOR_DELETE.invokeExact(cursor);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Copy walk(MemorySegment cursor, SegmentAllocator reuseNode, int maxDepth,
                             java.util.Map<Long, SyntaxNode> previous, java.util.Map<Long, SyntaxNode> next) throws Throwable {
        List<Frame> stack = new ArrayList<>();
        boolean limited = false;
        stack.add(frame(cursor, reuseNode, true, previous)); // the root is always checked for errors
        while (true) {
            Frame top = stack.get(stack.size() - 1);
            if (top.reused != null) {
                // nothing to descend into: the copy of this subtree is taken over
            } else if (stack.size() < maxDepth) {
                if ((boolean) FIRST_CHILD.invokeExact(cursor)) {
                    stack.add(frame(cursor, reuseNode, top.hasError(), previous));
                    continue;
                }
            } else if ((boolean) FIRST_CHILD.invokeExact(cursor)) {
                limited = true;
                boolean back = (boolean) PARENT.invokeExact(cursor);
                assert back;
            }
            while (true) {
                Frame done = stack.remove(stack.size() - 1);
                SyntaxNode node = done.build();
                if (next != null && done.size >= REUSE_MIN_SIZE) {
                    next.put(done.id, node);
                }
                if (stack.isEmpty()) {
                    return new Copy(node, limited);
                }
                Frame parent = stack.get(stack.size() - 1);
                parent.children.add(node);
                parent.size += done.size;
                if ((boolean) NEXT_SIBLING.invokeExact(cursor)) {
                    stack.add(frame(cursor, reuseNode, parent.hasError(), previous));
                    break;
                }
                boolean up = (boolean) PARENT.invokeExact(cursor);
                assert up;
            }
        }
    }

    private static Frame frame(MemorySegment cursor, SegmentAllocator reuseNode, boolean parentHasError,
                               java.util.Map<Long, SyntaxNode> previous) throws Throwable {
        MemorySegment node = (MemorySegment) CURRENT_NODE.invokeExact(reuseNode, cursor);
        int start = node.get(ValueLayout.JAVA_INT, 0) / 2;
        long id = node.get(ValueLayout.JAVA_LONG, NODE_ID_OFFSET);
        SyntaxNode old = previous.get(id);
        if (old != null) {
            String field = NixLanguage.fieldName(Short.toUnsignedInt((short) FIELD_ID.invokeExact(cursor)));
            return Frame.reuse(id, old, start, field);
        }
        int end = (int) END_BYTE.invokeExact(node) / 2;
        int symbol = Short.toUnsignedInt((short) SYMBOL.invokeExact(node));
        int fieldId = Short.toUnsignedInt((short) FIELD_ID.invokeExact(cursor));
        int flags = 0;
        // only the root or children of an erroneous node can be ERROR or MISSING themselves
        if (parentHasError || symbol == 0xFFFF) {
            if ((boolean) HAS_ERROR.invokeExact(node)) {
                flags |= SyntaxNode.HAS_ERROR;
            }
            if (symbol == 0xFFFF) {
                flags |= SyntaxNode.ERROR | SyntaxNode.HAS_ERROR;
            } else if ((boolean) IS_MISSING.invokeExact(node)) {
                flags |= SyntaxNode.MISSING | SyntaxNode.HAS_ERROR;
            }
        }
        if (symbol == 0xFFFF || (symbol < NAMED_SYMBOLS.length && NAMED_SYMBOLS[symbol])) {
            flags |= SyntaxNode.NAMED;
            if (symbol != 0xFFFF && (boolean) IS_EXTRA.invokeExact(node)) {
                flags |= SyntaxNode.EXTRA;
            }
        }
        String type = symbol == 0xFFFF ? "ERROR" : NixLanguage.symbolName(symbol);
        return new Frame(id, type, NixLanguage.fieldName(fieldId), start, end, flags);
    }

    private static final class Frame {
        final long id;
        final String type;
        final String field;
        final int start;
        final int end;
        final int flags;
        final List<SyntaxNode> children = new ArrayList<>(4);
        SyntaxNode reused;
        int size = 1;

        Frame(long id, String type, String field, int start, int end, int flags) {
            this.id = id;
            this.type = type;
            this.field = field;
            this.start = start;
            this.end = end;
            this.flags = flags;
        }

        boolean hasError() {
            return (flags & SyntaxNode.HAS_ERROR) != 0;
        }

        static Frame reuse(long id, SyntaxNode old, int start, String field) {
            Frame f = new Frame(id, old.type(), field, start, start + old.end() - old.start(), old.flags());
            f.reused = SyntaxNodes.moved(old, start - old.start(), field);
            f.size = REUSE_MIN_SIZE; // keep it reusable for the next edit
            return f;
        }

        SyntaxNode build() {
            if (reused != null) {
                return reused;
            }
            return new SyntaxNode(type, field, start, end, flags, children.isEmpty() ? List.of() : List.copyOf(children));
        }
    }
}
