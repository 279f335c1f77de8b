package rxlsp.nix;

import static rxlsp.nix.TreeSitterCalls.CURSOR;
import static rxlsp.nix.TreeSitterCalls.CURSOR_DELETE;
import static rxlsp.nix.TreeSitterCalls.CURSOR_NEW;
import static rxlsp.nix.TreeSitterCalls.FIELD_ID;
import static rxlsp.nix.TreeSitterCalls.FIRST_CHILD;
import static rxlsp.nix.TreeSitterCalls.NEXT_SIBLING;
import static rxlsp.nix.TreeSitterCalls.PARENT;
import static rxlsp.nix.TreeSitterCalls.ROOT_NODE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

/**
 * Copies a tree-sitter tree into {@link GreenNode}s (seen through {@link SyntaxNode}s). A native
 * tree cursor moves through the visible nodes (tree-sitter's rules for hidden nodes and fields stay
 * tree-sitter's), but what each node is, is read straight from the cursor's stack and the node's
 * subtree in native memory instead of through one downcall per fact: downcalls are what made the
 * copy as slow as the parse itself under C1, which {@code check} runs on. The layouts read here are
 * those of tree-sitter 0.25, whose exact version the build pins ({@link SubtreeLayout});
 * {@code TreeCopierTest} compares every node with tree-sitter's own accessors.
 */
final class TreeCopier {
    /** The flags a node passes up to its ancestors: which checks must visit its subtree. */
    static final int PROPAGATED = SyntaxNode.HAS_KEYWORD_NAME | SyntaxNode.NIX_RULES | SyntaxNode.HAS_DOUBLE_SLASH_PATH;
    /** Subtrees of at least this many nodes are remembered for reuse; smaller ones are cheap to copy. */
    private static final int REUSE_MIN_SIZE = 12;

    private TreeCopier() {
    }

    /**
     * Result of a copy: the root, whether nesting beyond {@code maxDepth} was cut, and the ids of
     * the nearest kept subtrees under the root (see {@link ReuseMap#prune}).
     */
    record Copy(SyntaxNode root, boolean depthLimited, long[] tops) {
    }

    /**
     * A copied subtree kept for the next reparse, with the ids of the nearest kept subtrees inside
     * it: when the subtree dies, those are looked at in turn ({@link ReuseMap#prune}); when it is
     * reused whole, they stay alive inside it, and the next edit inside it finds them.
     */
    record Reusable(GreenNode node, long[] inner) {
    }

    /**
     * Copies {@code tree} (a {@code TSTree *}). {@code copies} (null: nothing is kept) maps native
     * subtree ids of the tree this one was incrementally parsed from to their copies; a subtree
     * tree-sitter reused keeps its id, so its copy is reused too, as it is (green nodes hold no
     * absolute position), and is marked with {@code epoch}; this copy's larger new subtrees are
     * added, marked the same. The map is valid only while that previous tree is alive; the caller
     * prunes it afterwards ({@link ReuseMap#prune}).
     */
    static Copy copy(MemorySegment tree, String text, int maxDepth, ReuseMap copies, int epoch) {
        return copy(tree, text, null, maxDepth, copies, epoch);
    }

    /**
     * The same for a tree parsed from {@code input} (not null) with inserted characters: its offsets
     * are mapped back to the document's. Nothing is reused or kept then ({@code copies} null).
     */
    static Copy copy(MemorySegment tree, String text, TreeSitterInput input, int maxDepth, ReuseMap copies, int epoch) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cursor = arena.allocate(CURSOR);
            MemorySegment root = (MemorySegment) ROOT_NODE.invokeExact((SegmentAllocator) arena, tree);
            MemorySegment fresh = (MemorySegment) CURSOR_NEW.invokeExact(SegmentAllocator.prefixAllocator(cursor), root);
            assert fresh.address() == cursor.address();
            try {
                return new Walk(cursor, text, input, copies, epoch).run(maxDepth);
            } finally {
                CURSOR_DELETE.invokeExact(cursor);
            }
        } catch (Throwable t) {
            throw TreeSitterCalls.unchecked(t);
        }
    }

    /** One walk: the cursor, the reuse map and the stack of nodes whose children are being copied. */
    private static final class Walk {
        private final MemorySegment cursor;
        private final String text;
        /** The input tree-sitter read when it had inserted characters, else null. */
        private final TreeSitterInput input;
        private final ReuseMap copies;
        /**
         * Whether the map held copies of an older tree when the walk began: a first parse finds
         * nothing in it, and looking up each of its millions of nodes in the growing map cost a
         * quarter of a 10 MB file's copy.
         */
        private final boolean older;
        private final int epoch;
        /**
         * The frames of the nodes whose children are being copied, root first: {@code frames[0, depth)}.
         * A frame is reused by the next node at its depth (a 10 MB module has millions of nodes, and
         * a frame and its arrays per node were most of the copy's allocations).
         */
        private Frame[] frames = new Frame[64];
        private int depth;
        private final GreenCache greens = new GreenCache();

        Walk(MemorySegment cursor, String text, TreeSitterInput input, ReuseMap copies, int epoch) {
            this.cursor = cursor;
            this.text = text;
            this.input = input;
            this.copies = copies;
            this.older = copies != null && !copies.isEmpty();
            this.epoch = epoch;
        }

        Copy run(int maxDepth) throws Throwable {
            boolean limited = false;
            push(true);
            while (true) {
                Frame top = frames[depth - 1];
                // a subtree with no children of its own has no visible ones: skip the downcall
                boolean mayHaveChildren = top.reused == null && top.childCount > 0;
                if (mayHaveChildren && depth < maxDepth) {
                    if ((boolean) FIRST_CHILD.invokeExact(cursor)) {
                        push(false);
                        continue;
                    }
                } else if (mayHaveChildren && (boolean) FIRST_CHILD.invokeExact(cursor)) {
                    limited = true;
                    boolean back = (boolean) PARENT.invokeExact(cursor);
                    assert back;
                }
                while (true) {
                    Frame done = frames[--depth];
                    GreenNode node = done.build(greens);
                    boolean kept = copies != null && (done.reused != null || done.size >= REUSE_MIN_SIZE);
                    if (kept && done.reused == null) {
                        copies.add(done.id, new Reusable(node, done.below.toArray()), epoch);
                    }
                    if (depth == 0) {
                        long[] tops = kept ? new long[] {done.id} : done.below.toArray();
                        return new Copy(new SyntaxNode(node, done.start, null), limited, tops);
                    }
                    Frame parent = frames[depth - 1];
                    parent.addChild(node, done.start - parent.start, done.field);
                    parent.flags |= node.flags & PROPAGATED;
                    parent.size += done.size;
                    if (copies != null) {
                        if (kept) {
                            parent.below.add(done.id);
                        } else {
                            parent.below.addAll(done.below);
                        }
                    }
                    if ((boolean) NEXT_SIBLING.invokeExact(cursor)) {
                        push(false);
                        break;
                    }
                    boolean up = (boolean) PARENT.invokeExact(cursor);
                    assert up;
                }
            }
        }

        /** Pushes the frame of the cursor's current node. */
        private void push(boolean root) throws Throwable {
            if (depth == frames.length) {
                frames = java.util.Arrays.copyOf(frames, 2 * depth);
            }
            Frame frame = frames[depth];
            if (frame == null) {
                frame = frames[depth] = new Frame();
            }
            depth++;
            long entry = SubtreeLayout.cursorTop(cursor);
            long id = SubtreeLayout.entrySubtree(entry);
            int tsStart = SubtreeLayout.entryStartByte(entry) / 2;
            int start = input == null ? tsStart : input.toDocument(tsStart);
            String field = root ? null : NixLanguage.fieldName(Short.toUnsignedInt((short) FIELD_ID.invokeExact(cursor)));
            Reusable old = older ? copies.reuse(id, epoch) : null;
            if (old != null) {
                frame.reuse(id, old, start, field);
                return;
            }
            long subtree = SubtreeLayout.subtree(id);
            int symbol = SubtreeLayout.symbol(subtree);
            int tsEnd = tsStart + SubtreeLayout.sizeBytes(subtree) / 2;
            int end = input == null ? tsEnd : input.toDocument(tsEnd);
            int flags = SubtreeLayout.flags(subtree);
            String type = NixLanguage.symbolName(symbol);
            if (type.equals("identifier") && KeywordNames.keyword(text, start, end) != null) {
                flags |= SyntaxNode.HAS_KEYWORD_NAME; // marked here so the keyword check skips unmarked subtrees
            }
            flags |= NixLexerRules.marks(type, text, start, end);
            frame.reset(id, type, field, start, end, flags, SubtreeLayout.childCount(subtree));
        }
    }

    /** A node whose children are being copied; one per depth, reused by each node met there. */
    private static final class Frame {
        long id;
        String type;
        String field;
        int start;
        int end;
        int flags;
        int childCount;
        /** The visible children copied so far (usually the subtree's own child count), their offsets, fields. */
        private GreenNode[] children = new GreenNode[4];
        private int[] offsets = new int[4];
        private String[] fields = new String[4];
        /** Whether a child fills a field (else the node has no field names). */
        private boolean anyField;
        private int childrenSize;
        /** Ids of the nearest kept subtrees below this node (only while keeping subtrees). */
        final LongList below = new LongList();
        GreenNode reused;
        int size;

        void reset(long id, String type, String field, int start, int end, int flags, int childCount) {
            this.id = id;
            this.type = type;
            this.field = field;
            this.start = start;
            this.end = end;
            this.flags = flags;
            this.childCount = childCount;
            childrenSize = 0;
            anyField = false;
            below.clear();
            reused = null;
            size = 1;
        }

        void addChild(GreenNode node, int offset, String childField) {
            if (childrenSize == children.length) {
                int capacity = 2 * childrenSize;
                children = java.util.Arrays.copyOf(children, capacity);
                offsets = java.util.Arrays.copyOf(offsets, capacity);
                fields = java.util.Arrays.copyOf(fields, capacity);
            }
            if (childField != null && !anyField) {
                java.util.Arrays.fill(fields, 0, childrenSize, null);
                anyField = true;
            }
            fields[childrenSize] = childField;
            offsets[childrenSize] = offset;
            children[childrenSize++] = node;
        }

        void reuse(long id, Reusable old, int start, String field) {
            GreenNode n = old.node();
            reset(id, n.type, field, start, start + n.width, n.flags, 0);
            reused = n;
            size = REUSE_MIN_SIZE;
        }

        GreenNode build(GreenCache greens) {
            if (reused != null) {
                return reused;
            }
            // the arrays are this frame's, used again by the next node at its depth: a node gets copies
            String[] names = anyField ? fields : null;
            if (childrenSize <= GreenCache.MAX_CHILDREN) {
                return greens.node(type, end - start, flags, children, offsets, names, childrenSize);
            }
            return new GreenNode(type, end - start, flags, java.util.Arrays.copyOf(children, childrenSize),
                    java.util.Arrays.copyOf(offsets, childrenSize), names == null ? null : java.util.Arrays.copyOf(names, childrenSize));
        }
    }

    /** A growable list of ids, without boxing. */
    private static final class LongList {
        private long[] items = new long[0];
        private int size;

        void add(long id) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, Math.max(4, 2 * size));
            }
            items[size++] = id;
        }

        void addAll(LongList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.items[i]);
            }
        }

        long[] toArray() {
            return java.util.Arrays.copyOf(items, size);
        }

        void clear() {
            size = 0;
        }
    }
}
