package rxlsp.nix;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * rx-lsp's own FFM downcalls into the tree-sitter core, for the hot paths: parsing, editing and
 * walking trees. jtreesitter's {@code Parser} and {@code Tree} each open a shared arena per parse
 * and per tree, and closing a shared arena is a handshake with every Java thread (~0.2 ms each,
 * two per file in {@code check}); these calls work on raw pointers and confined arenas instead.
 * The short ones are {@code critical} (no thread-state transition); parsing and deleting a tree
 * may take milliseconds, and a critical call would hold up every safepoint (GC) meanwhile.
 */
final class TreeSitterCalls {
    /** {@code TSNode}: four {@code uint32_t} of context, the subtree id and the tree. */
    static final MemoryLayout NODE = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(4, JAVA_INT), ADDRESS, ADDRESS);
    /** {@code TSTreeCursor}: tree, id and three {@code uint32_t} of context. */
    static final MemoryLayout CURSOR = MemoryLayout.structLayout(
            ADDRESS, ADDRESS, MemoryLayout.sequenceLayout(3, JAVA_INT), MemoryLayout.paddingLayout(4));
    /** {@code TSInputEdit}: three byte offsets, then three points of two {@code uint32_t}. */
    static final MemoryLayout INPUT_EDIT = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(9, JAVA_INT));
    /** {@code TSInputEncodingUTF16LE}. */
    static final int UTF16LE = 1;

    static final MethodHandle PARSER_NEW;
    static final MethodHandle PARSER_DELETE;
    static final MethodHandle PARSER_SET_LANGUAGE;
    static final MethodHandle PARSE_STRING_ENCODING;
    static final MethodHandle TREE_DELETE;
    static final MethodHandle ROOT_NODE;
    static final MethodHandle CURSOR_NEW;
    static final MethodHandle CURSOR_DELETE;
    static final MethodHandle FIRST_CHILD;
    static final MethodHandle NEXT_SIBLING;
    static final MethodHandle PARENT;
    static final MethodHandle FIELD_ID;
    static final MethodHandle SYMBOL_COUNT;
    static final MethodHandle SYMBOL_NAME;
    static final MethodHandle FIELD_COUNT;
    static final MethodHandle FIELD_NAME;
    /**
     * rx-lsp's own walk ({@code grammar/native/rxlsp-walk.c}, built into the core library):
     * {@code rxlsp_walk_new}, {@code _next} and {@code _delete}, or all null in libraries given from
     * outside, which lack them. {@code _next} is critical and writes into a Java array: one call
     * fills a few thousand records in well under a millisecond.
     */
    static final MethodHandle WALK_NEW;
    static final MethodHandle WALK_NEXT;
    static final MethodHandle WALK_DELETE;
    /** The tree-sitter core library, loaded for the whole process. */
    private static final SymbolLookup CORE = new NativeLibraries().get(Arena.global());

    /** The Nix grammar's {@code const TSLanguage *}, alive for the whole process. */
    static final MemorySegment NIX_LANGUAGE;

    static {
        // Start-up: every distinct function descriptor costs the JVM a generated stub class (a few ms
        // each, not kept in the AOT cache), so the calls share descriptors where they can, and the
        // grammar's tables are read with these calls rather than through jtreesitter's own bindings.
        SymbolLookup core = CORE;
        PARSER_NEW = handle(core, "ts_parser_new", FunctionDescriptor.of(ADDRESS));
        PARSER_DELETE = handle(core, "ts_parser_delete", FunctionDescriptor.ofVoid(ADDRESS));
        PARSER_SET_LANGUAGE = handle(core, "ts_parser_set_language", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, ADDRESS));
        PARSE_STRING_ENCODING = Linker.nativeLinker().downcallHandle(find(core, "ts_parser_parse_string_encoding"),
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT));
        TREE_DELETE = handle(core, "ts_tree_delete", FunctionDescriptor.ofVoid(ADDRESS));
        ROOT_NODE = handle(core, "ts_tree_root_node", FunctionDescriptor.of(NODE, ADDRESS));
        CURSOR_NEW = handle(core, "ts_tree_cursor_new", FunctionDescriptor.of(CURSOR, NODE));
        CURSOR_DELETE = handle(core, "ts_tree_cursor_delete", FunctionDescriptor.ofVoid(ADDRESS));
        FIRST_CHILD = handle(core, "ts_tree_cursor_goto_first_child", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
        NEXT_SIBLING = handle(core, "ts_tree_cursor_goto_next_sibling", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
        PARENT = handle(core, "ts_tree_cursor_goto_parent", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
        FIELD_ID = handle(core, "ts_tree_cursor_current_field_id", FunctionDescriptor.of(JAVA_SHORT, ADDRESS));
        SYMBOL_COUNT = handle(core, "ts_language_symbol_count", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        FIELD_COUNT = handle(core, "ts_language_field_count", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        SYMBOL_NAME = handle(core, "ts_language_symbol_name", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_SHORT));
        FIELD_NAME = handle(core, "ts_language_field_name_for_id", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_SHORT));
        boolean ownWalk = core.find("rxlsp_walk_next").isPresent();
        WALK_NEW = ownWalk ? handle(core, "rxlsp_walk_new", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT)) : null;
        WALK_NEXT = ownWalk ? Linker.nativeLinker().downcallHandle(find(core, "rxlsp_walk_next"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT), Linker.Option.critical(true)) : null;
        WALK_DELETE = ownWalk ? handle(core, "rxlsp_walk_delete", FunctionDescriptor.of(JAVA_INT, ADDRESS)) : null;
        MethodHandle nix = handle(NativeLibraries.nixGrammar(), "tree_sitter_nix", FunctionDescriptor.of(ADDRESS));
        try {
            NIX_LANGUAGE = (MemorySegment) nix.invokeExact();
        } catch (Throwable t) {
            throw new ExceptionInInitializerError(t);
        }
    }

    private TreeSitterCalls() {
    }

    /** A new {@code TSParser *} for the Nix grammar. */
    static MemorySegment newNixParser() {
        try {
            MemorySegment parser = (MemorySegment) PARSER_NEW.invokeExact();
            if (!(boolean) PARSER_SET_LANGUAGE.invokeExact(parser, NIX_LANGUAGE)) {
                throw new IllegalStateException("tree-sitter rejected the Nix grammar (ABI version mismatch)");
            }
            return parser;
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    static void deleteParser(MemorySegment parser) {
        try {
            PARSER_DELETE.invokeExact(parser);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Parses {@code length} bytes of UTF-16LE at {@code input}, reusing {@code old} (an edited tree) unless NULL. */
    static MemorySegment parseUtf16(MemorySegment parser, MemorySegment old, MemorySegment input, int length) {
        try {
            return (MemorySegment) PARSE_STRING_ENCODING.invokeExact(parser, old, input, length, UTF16LE);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Only the editor edits trees and parses in slices: its calls are linked on first use, not at every start of {@code check}. */
    private static final class Edits {
        static final MethodHandle TREE_EDIT = handle(CORE, "ts_tree_edit",
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        static final MethodHandle PARSER_RESET = handle(CORE, "ts_parser_reset", FunctionDescriptor.ofVoid(ADDRESS));
        // deprecated in 0.25 in favour of a progress callback (an upcall per check); the build pins 0.25
        static final MethodHandle PARSER_SET_TIMEOUT = handle(CORE, "ts_parser_set_timeout_micros",
                FunctionDescriptor.ofVoid(ADDRESS, ValueLayout.JAVA_LONG));
        static final MethodHandle PARSER_SET_CANCELLATION_FLAG = handle(CORE, "ts_parser_set_cancellation_flag",
                FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
    }

    /**
     * Makes the parser's next parses stop, returning NULL, as soon as the {@code size_t} at
     * {@code flag} is not 0 (any thread may set it); {@link MemorySegment#NULL}: never.
     */
    static void setCancellationFlag(MemorySegment parser, MemorySegment flag) {
        try {
            Edits.PARSER_SET_CANCELLATION_FLAG.invokeExact(parser, flag);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /**
     * Makes the parser's next parses stop after {@code micros} (0: never), returning NULL; the same
     * call made again would resume where it stopped (rx-lsp resets instead: a resumed parse may
     * recover from syntax errors differently from one made in one go).
     */
    static void setTimeout(MemorySegment parser, long micros) {
        try {
            Edits.PARSER_SET_TIMEOUT.invokeExact(parser, micros);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Drops what a stopped parse left, so that the next parse starts afresh. */
    static void resetParser(MemorySegment parser) {
        try {
            Edits.PARSER_RESET.invokeExact(parser);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    static void editTree(MemorySegment tree, MemorySegment inputEdit) {
        try {
            Edits.TREE_EDIT.invokeExact(tree, inputEdit);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    static void deleteTree(MemorySegment tree) {
        try {
            TREE_DELETE.invokeExact(tree);
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** The names of the grammar's symbols ({@code symbol} true) or fields, read once; a field id 0 has no name. */
    static String[] languageNames(boolean symbols) {
        try {
            int count = symbols ? (int) SYMBOL_COUNT.invokeExact(NIX_LANGUAGE) : (int) FIELD_COUNT.invokeExact(NIX_LANGUAGE);
            String[] names = new String[symbols ? count : count + 1];
            for (int i = symbols ? 0 : 1; i < names.length; i++) {
                MemorySegment name = symbols ? (MemorySegment) SYMBOL_NAME.invokeExact(NIX_LANGUAGE, (short) i)
                        : (MemorySegment) FIELD_NAME.invokeExact(NIX_LANGUAGE, (short) i);
                names[i] = name.equals(MemorySegment.NULL) ? (symbols ? "" : null)
                        : name.reinterpret(Long.MAX_VALUE).getString(0).intern();
            }
            return names;
        } catch (Throwable t) {
            throw unchecked(t);
        }
    }

    /** Downcalls throw no checked exceptions; {@code invokeExact} merely declares Throwable. */
    static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    private static MethodHandle handle(SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(find(lookup, name), descriptor, Linker.Option.critical(false));
    }

    private static MemorySegment find(SymbolLookup lookup, String name) {
        return lookup.find(name).orElseThrow(() -> new IllegalStateException("tree-sitter lacks " + name));
    }
}
