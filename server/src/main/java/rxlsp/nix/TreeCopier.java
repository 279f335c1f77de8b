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
 * Copies a tree-sitter tree into {@link GreenNode}s (seen through {@link SyntaxNode}s), in one of
 * two walks. A tree with nothing to reuse (a first parse: every file of {@code check}) is walked by
 * rx-lsp's own native function ({@code grammar/native/rxlsp-walk.c}, built into the tree-sitter
 * library), which writes a few thousand nodes per downcall into an array. A tree parsed
 * incrementally is walked with a native tree cursor, one downcall per move, so that subtrees
 * tree-sitter reused are found by id and skipped; what each node is, is read straight from the
 * cursor's stack and the node's subtree in native memory ({@link SubtreeLayout}). Downcalls
 * (~100 ns each under C1, which {@code check} runs on) made the copy cost as much as the parse
 * itself. Which nodes are visible and which fields they fill stay tree-sitter's decisions;
 * {@code TreeCopierTest} compares both walks with tree-sitter's own accessors node by node.
 */
final class TreeCopier {
    /** The flags a node passes up to its ancestors: which checks must visit its subtree. */
    static final int PROPAGATED = SyntaxNode.HAS_KEYWORD_NAME | SyntaxNode.NIX_RULES | SyntaxNode.HAS_DOUBLE_SLASH_PATH
            | SyntaxNode.HAS_MISREAD_QUOTE;
    /** Subtrees of at least this many nodes are remembered for reuse; smaller ones are cheap to copy. */
    private static final int REUSE_MIN_SIZE = 12;
    // the records of rxlsp_walk_next (grammar/native/rxlsp-walk.c): values per node, flag bits
    private static final int RECORD = 6;
    private static final int FLAG_BITS = 4;
    private static final int NATIVE_NAMED = 1;
    private static final int NATIVE_EXTRA = 2;
    private static final int NATIVE_MISSING = 4;
    private static final int NATIVE_HAS_ERROR = 8;
    /** Records per call at most (144 KB): the call is critical, a safepoint waits for it. */
    private static final int MAX_RECORDS = 6144;

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
        return copy(tree, text, input, maxDepth, copies, epoch, TreeSitterCalls.WALK_NEXT != null);
    }

    /**
     * The same; {@code nativeWalk}: whether a tree with nothing to reuse is walked by rx-lsp's
     * native walk, a few thousand nodes per call ({@link TreeSitterCalls#WALK_NEXT}, which must
     * exist), or with a downcall per cursor move, as always when subtrees of an older tree may be
     * reused (their copies are found by id as the cursor meets them, and what is inside is skipped).
     */
    static Copy copy(MemorySegment tree, String text, TreeSitterInput input, int maxDepth, ReuseMap copies, int epoch,
            boolean nativeWalk) {
        try {
            Walk walk = new Walk(text, input, copies, epoch);
            if (nativeWalk && !walk.older) {
                return walk.runNative(tree, maxDepth);
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment cursor = arena.allocate(CURSOR);
                MemorySegment root = (MemorySegment) ROOT_NODE.invokeExact((SegmentAllocator) arena, tree);
                MemorySegment fresh = (MemorySegment) CURSOR_NEW.invokeExact(SegmentAllocator.prefixAllocator(cursor), root);
                assert fresh.address() == cursor.address();
                try {
                    return walk.run(cursor, maxDepth);
                } finally {
                    CURSOR_DELETE.invokeExact(cursor);
                }
            }
        } catch (Throwable t) {
            throw TreeSitterCalls.unchecked(t);
        }
    }

    /** One walk: the text, the reuse map and the stack of nodes whose children are being copied. */
    private static final class Walk {
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

        Walk(String text, TreeSitterInput input, ReuseMap copies, int epoch) {
            this.text = text;
            this.input = input;
            this.copies = copies;
            this.older = copies != null && !copies.isEmpty();
            this.epoch = epoch;
        }

        /** Walks with {@code cursor} (at the root), one downcall per move. */
        Copy run(MemorySegment cursor, int maxDepth) throws Throwable {
            boolean limited = false;
            push(cursor, true);
            while (true) {
                Frame top = frames[depth - 1];
                // a subtree with no children of its own has no visible ones: skip the downcall
                boolean mayHaveChildren = top.reused == null && top.childCount > 0;
                if (mayHaveChildren && depth < maxDepth) {
                    if ((boolean) FIRST_CHILD.invokeExact(cursor)) {
                        push(cursor, false);
                        continue;
                    }
                } else if (mayHaveChildren && (boolean) FIRST_CHILD.invokeExact(cursor)) {
                    limited = true;
                    boolean back = (boolean) PARENT.invokeExact(cursor);
                    assert back;
                }
                while (true) {
                    Copy copy = leave(limited);
                    if (copy != null) {
                        return copy;
                    }
                    if ((boolean) NEXT_SIBLING.invokeExact(cursor)) {
                        push(cursor, false);
                        break;
                    }
                    boolean up = (boolean) PARENT.invokeExact(cursor);
                    assert up;
                }
            }
        }

        /**
         * Walks with rx-lsp's native function: it writes the nodes in pre-order, a buffer at a
         * time, each with its depth; a node's frame stays open until a node at its depth or above
         * comes. Nothing of an older tree can be reused here.
         */
        Copy runNative(MemorySegment tree, int maxDepth) throws Throwable {
            // about one node per four characters; small files get small buffers
            int capacity = (int) Math.clamp(text.length() / 3L + 16, 16, MAX_RECORDS);
            int[] records = new int[capacity * RECORD];
            MemorySegment out = MemorySegment.ofArray(records);
            MemorySegment walk = (MemorySegment) TreeSitterCalls.WALK_NEW.invokeExact(tree, maxDepth);
            if (walk.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("no native memory to walk a syntax tree");
            }
            boolean limited;
            try {
                int n;
                while ((n = (int) TreeSitterCalls.WALK_NEXT.invokeExact(walk, out, capacity)) > 0) {
                    for (int at = 0; at < n * RECORD; at += RECORD) {
                        int symbolAndField = records[at];
                        int depthAndFlags = records[at + 1];
                        int level = depthAndFlags >>> FLAG_BITS;
                        while (depth > level) {
                            leave(false); // never the root: it is the only node at level 0, and comes first
                        }
                        int symbol = symbolAndField & 0xFFFF;
                        int flags = SubtreeLayout.syntaxFlags(symbol, (depthAndFlags & NATIVE_NAMED) != 0,
                                (depthAndFlags & NATIVE_EXTRA) != 0, (depthAndFlags & NATIVE_MISSING) != 0,
                                (depthAndFlags & NATIVE_HAS_ERROR) != 0);
                        long id = Integer.toUnsignedLong(records[at + 4]) | (long) records[at + 5] << 32;
                        enter(nextFrame(), id, records[at + 2] / 2, records[at + 3] / 2, symbol, symbolAndField >>> 16, flags, 0);
                    }
                }
                if (n < 0) {
                    throw new OutOfMemoryError("no native memory to walk a syntax tree");
                }
            } finally {
                limited = (int) TreeSitterCalls.WALK_DELETE.invokeExact(walk) != 0;
            }
            Copy copy;
            do {
                copy = leave(limited);
            } while (copy == null);
            return copy;
        }

        /**
         * Closes the innermost open node: builds it, keeps it for reuse if it is worth it, and adds
         * it to its parent; returns the whole copy when it was the root, else null.
         */
        private Copy leave(boolean limited) {
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
            return null;
        }

        /** The frame for a node one level below the open ones. */
        private Frame nextFrame() {
            if (depth == frames.length) {
                frames = java.util.Arrays.copyOf(frames, 2 * depth);
            }
            Frame frame = frames[depth];
            if (frame == null) {
                frame = frames[depth] = new Frame();
            }
            depth++;
            return frame;
        }

        /** Pushes the frame of the cursor's current node. */
        private void push(MemorySegment cursor, boolean root) throws Throwable {
            Frame frame = nextFrame();
            long entry = SubtreeLayout.cursorTop(cursor);
            long id = SubtreeLayout.entrySubtree(entry);
            int tsStart = SubtreeLayout.entryStartByte(entry) / 2;
            int fieldId = root ? 0 : Short.toUnsignedInt((short) FIELD_ID.invokeExact(cursor));
            Reusable old = older ? copies.reuse(id, epoch) : null;
            if (old != null) {
                frame.reuse(id, old, toDocument(tsStart), NixLanguage.fieldName(fieldId));
                return;
            }
            long subtree = SubtreeLayout.subtree(id);
            enter(frame, id, tsStart, tsStart + SubtreeLayout.sizeBytes(subtree) / 2, SubtreeLayout.symbol(subtree), fieldId,
                    SubtreeLayout.flags(subtree), SubtreeLayout.childCount(subtree));
        }

        /** Opens {@code frame} for a node; offsets in tree-sitter's input (UTF-16 units). */
        private void enter(Frame frame, long id, int tsStart, int tsEnd, int symbol, int fieldId, int flags, int childCount) {
            int start = toDocument(tsStart);
            int end = toDocument(tsEnd);
            String type = NixLanguage.symbolName(symbol);
            if (NixLexerRules.isIdentifier(symbol) && KeywordNames.keyword(text, start, end) != null) {
                flags |= SyntaxNode.HAS_KEYWORD_NAME; // marked here so the keyword check skips unmarked subtrees
            }
            flags |= NixLexerRules.marks(symbol, type, text, start, end);
            flags |= GrammarGaps.marks(flags, text, start);
            frame.reset(id, type, NixLanguage.fieldName(fieldId), start, end, flags, childCount);
        }

        private int toDocument(int tsOffset) {
            return input == null ? tsOffset : input.toDocument(tsOffset);
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
            // (nodes with many children are made afresh, not looked up)
            return greens.node(type, end - start, flags, children, offsets, anyField ? fields : null, childrenSize);
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
