package rxlsp.nix;

import static rxlsp.nix.TreeSitterCalls.CURSOR;
import static rxlsp.nix.TreeSitterCalls.CURSOR_DELETE;
import static rxlsp.nix.TreeSitterCalls.CURSOR_NEW;
import static rxlsp.nix.TreeSitterCalls.FIELD_ID;
import static rxlsp.nix.TreeSitterCalls.FIRST_CHILD;
import static rxlsp.nix.TreeSitterCalls.NEXT_SIBLING;
import static rxlsp.nix.TreeSitterCalls.NODE;
import static rxlsp.nix.TreeSitterCalls.PARENT;
import static rxlsp.nix.TreeSitterCalls.ROOT_NODE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Copies a tree-sitter tree into {@link SyntaxNode}s. A native tree cursor moves through the
 * visible nodes (tree-sitter's rules for hidden nodes and fields stay tree-sitter's), but what each
 * node is, is read straight from the cursor's stack and the node's subtree in native memory instead
 * of through one downcall per fact: downcalls are what made the copy as slow as the parse itself
 * under C1, which {@code check} runs on. The layouts read here are those of tree-sitter 0.25, whose
 * exact version the build pins ({@link SubtreeLayout}); {@code TreeCopierTest} compares every node
 * with tree-sitter's own accessors.
 */
final class TreeCopier {
    /** Subtrees of at least this many nodes are remembered for reuse; smaller ones are cheap to copy. */
    private static final int REUSE_MIN_SIZE = 12;

    private TreeCopier() {
    }

    /** Result of a copy: the root and whether nesting beyond {@code maxDepth} was cut. */
    record Copy(SyntaxNode root, boolean depthLimited) {
    }

    /**
     * Copies {@code tree} (a {@code TSTree *}). {@code previous} maps native subtree ids of the tree
     * this one was incrementally parsed from to their copies; a subtree tree-sitter reused keeps its
     * id, so its copy is reused too, only moved. The map is valid only while that previous tree is
     * alive; the ids of this copy's larger subtrees are put into {@code next} (when not null) for the
     * following reparse.
     */
    static Copy copy(MemorySegment tree, int maxDepth, Map<Long, SyntaxNode> previous, Map<Long, SyntaxNode> next) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cursor = arena.allocate(CURSOR);
            MemorySegment root = (MemorySegment) ROOT_NODE.invokeExact((SegmentAllocator) arena, tree);
            MemorySegment fresh = (MemorySegment) CURSOR_NEW.invokeExact(SegmentAllocator.prefixAllocator(cursor), root);
            assert fresh.address() == cursor.address();
            try {
                return new Walk(cursor, previous, next).run(maxDepth);
            } finally {
                CURSOR_DELETE.invokeExact(cursor);
            }
        } catch (Throwable t) {
            throw TreeSitterCalls.unchecked(t);
        }
    }

    /** One walk: the cursor, the reuse maps and the stack of nodes whose children are being copied. */
    private static final class Walk {
        private final MemorySegment cursor;
        private final Map<Long, SyntaxNode> previous;
        private final Map<Long, SyntaxNode> next;
        private final List<Frame> stack = new ArrayList<>();

        Walk(MemorySegment cursor, Map<Long, SyntaxNode> previous, Map<Long, SyntaxNode> next) {
            this.cursor = cursor;
            this.previous = previous;
            this.next = next;
        }

        Copy run(int maxDepth) throws Throwable {
            boolean limited = false;
            stack.add(frame(true));
            while (true) {
                Frame top = stack.get(stack.size() - 1);
                // a subtree with no children of its own has no visible ones: skip the downcall
                boolean mayHaveChildren = top.reused == null && top.childCount > 0;
                if (mayHaveChildren && stack.size() < maxDepth) {
                    if ((boolean) FIRST_CHILD.invokeExact(cursor)) {
                        stack.add(frame(false));
                        continue;
                    }
                } else if (mayHaveChildren && (boolean) FIRST_CHILD.invokeExact(cursor)) {
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
                        stack.add(frame(false));
                        break;
                    }
                    boolean up = (boolean) PARENT.invokeExact(cursor);
                    assert up;
                }
            }
        }

        /** The cursor's current node. */
        private Frame frame(boolean root) throws Throwable {
            long entry = SubtreeLayout.cursorTop(cursor);
            long id = SubtreeLayout.entrySubtree(entry);
            int start = SubtreeLayout.entryStartByte(entry) / 2;
            String field = root ? null : NixLanguage.fieldName(Short.toUnsignedInt((short) FIELD_ID.invokeExact(cursor)));
            SyntaxNode old = previous.isEmpty() ? null : previous.get(id);
            if (old != null) {
                return Frame.reuse(id, old, start, field);
            }
            long subtree = SubtreeLayout.subtree(id);
            int symbol = SubtreeLayout.symbol(subtree);
            int end = start + SubtreeLayout.sizeBytes(subtree) / 2;
            int flags = SubtreeLayout.flags(subtree);
            String type = NixLanguage.symbolName(symbol);
            return new Frame(id, type, field, start, end, flags, SubtreeLayout.childCount(subtree));
        }
    }

    private static final class Frame {
        final long id;
        final String type;
        final String field;
        final int start;
        final int end;
        final int flags;
        final int childCount;
        final List<SyntaxNode> children = new ArrayList<>(4);
        SyntaxNode reused;
        int size = 1;

        Frame(long id, String type, String field, int start, int end, int flags, int childCount) {
            this.id = id;
            this.type = type;
            this.field = field;
            this.start = start;
            this.end = end;
            this.flags = flags;
            this.childCount = childCount;
        }

        static Frame reuse(long id, SyntaxNode old, int start, String field) {
            Frame f = new Frame(id, old.type(), field, start, start + old.end() - old.start(), old.flags(), 0);
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
