package rxlsp.nix;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import rxlsp.text.TextRange;

/**
 * One node of a Nix syntax tree: rx-lsp's own immutable copy of a tree-sitter node, so that analysis
 * runs on plain Java objects (walking tree-sitter nodes through FFM is what costs time, not parsing).
 *
 * <p>A node is a position-free {@link GreenNode} seen at an absolute start. Nodes are made as a walk
 * reaches them ({@link #children()} makes the children it hands out), so two walks meet equal nodes,
 * not the same objects: compare nodes with {@code equals}. After an edit, the subtrees tree-sitter
 * reused are shared with the old tree however far the edit moved them; only their starts differ.
 *
 * <p>{@code type}: the tree-sitter node type ({@code binding}, {@code ;}, {@code ERROR}, …), interned;
 * {@code field}: the field name this node fills in its parent, or null; {@code start}, {@code end}:
 * offsets (UTF-16 code units); {@code flags}: {@link #NAMED}, {@link #ERROR}, {@link #MISSING},
 * {@link #EXTRA}, {@link #HAS_ERROR}, {@link #HAS_KEYWORD_NAME}, {@link #NIX_RULES}, {@link #HAS_DOUBLE_SLASH_PATH}.
 */
public final class SyntaxNode {
    public static final int NAMED = 1;
    public static final int ERROR = 2;
    public static final int MISSING = 4;
    public static final int EXTRA = 8;
    /** The subtree contains an ERROR or MISSING node. */
    public static final int HAS_ERROR = 16;
    /**
     * The node is, or contains, an identifier spelled like a Nix keyword or {@code or}: set when the
     * tree is copied, so that the check for keywords used as names visits only these subtrees.
     */
    public static final int HAS_KEYWORD_NAME = 32;
    /**
     * The node is, or contains, a token Nix's lexer or grammar may reject where tree-sitter-nix does
     * not (a path with {@code //} or a final {@code /}, a long number, a comparison operator): set
     * when the tree is copied, so that {@link NixLexerRules} visits only these subtrees.
     */
    public static final int NIX_RULES = 64;
    /**
     * The node is, or contains, a path token with {@code //}, which may be Nix's update operator
     * read as a path ({@code x //y}): set when the tree is copied, so that {@link NixParser} looks
     * for such misreadings only there (most trees have none).
     */
    public static final int HAS_DOUBLE_SLASH_PATH = 128;
    /**
     * The node is, or contains, an ERROR that tree-sitter-nix leaves at the {@code '} of
     * {@code ''''${} in an indented string, which Nix reads: set when the tree is copied, so that
     * {@link NixParser} parses again only such trees ({@link GrammarGaps#quoteSplits}).
     */
    public static final int HAS_MISREAD_QUOTE = 256;

    private final GreenNode green;
    private final int start;
    private final String field;

    SyntaxNode(GreenNode green, int start, String field) {
        this.green = green;
        this.start = start;
        this.field = field;
    }

    public String type() {
        return green.type;
    }

    /** The position-free node seen here (shared by every place of the same shape). */
    GreenNode green() {
        return green;
    }

    public String field() {
        return field;
    }

    public int start() {
        return start;
    }

    public int end() {
        return start + green.width;
    }

    public int flags() {
        return green.flags;
    }

    /** The children, made as they are read. */
    public List<SyntaxNode> children() {
        return green.children.length == 0 ? List.of() : new Children(this);
    }

    /** The same green node at the same place, filling the same field. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SyntaxNode n && n.green == green && n.start == start && java.util.Objects.equals(n.field, field);
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(green) * 31 + start;
    }

    @Override
    public String toString() {
        return type() + (field == null ? "" : " (" + field + ")") + " [" + start + ", " + end() + ")";
    }

    private static final class Children extends AbstractList<SyntaxNode> implements RandomAccess {
        private final SyntaxNode parent;

        Children(SyntaxNode parent) {
            this.parent = parent;
        }

        @Override
        public SyntaxNode get(int index) {
            return parent.childAt(index);
        }

        @Override
        public int size() {
            return parent.green.children.length;
        }
    }

    public TextRange range() {
        return new TextRange(start, end());
    }

    public boolean isNamed() {
        return (green.flags & NAMED) != 0;
    }

    public boolean isError() {
        return (green.flags & ERROR) != 0;
    }

    public boolean isMissing() {
        return (green.flags & MISSING) != 0;
    }

    public boolean isExtra() {
        return (green.flags & EXTRA) != 0;
    }

    public boolean hasError() {
        return (green.flags & HAS_ERROR) != 0;
    }

    public boolean is(String nodeType) {
        return green.type.equals(nodeType);
    }

    public String text(String source) {
        return source.substring(start, end());
    }

    /** The child at {@code index}. */
    private SyntaxNode childAt(int index) {
        return new SyntaxNode(green.children[index], start + green.offsets[index], green.field(index));
    }

    /** The first child filling {@code fieldName}. */
    public Optional<SyntaxNode> child(String fieldName) {
        for (int i = 0; i < green.children.length; i++) {
            if (fieldName.equals(green.field(i))) {
                return Optional.of(childAt(i));
            }
        }
        return Optional.empty();
    }

    /** Every child filling {@code fieldName}, in order. */
    public List<SyntaxNode> children(String fieldName) {
        List<SyntaxNode> out = new ArrayList<>();
        for (int i = 0; i < green.children.length; i++) {
            if (fieldName.equals(green.field(i))) {
                out.add(childAt(i));
            }
        }
        return out;
    }

    /** Named children that are not comments or other extras. */
    public List<SyntaxNode> namedChildren() {
        List<SyntaxNode> out = new ArrayList<>();
        for (int i = 0; i < green.children.length; i++) {
            int f = green.children[i].flags;
            if ((f & NAMED) != 0 && (f & EXTRA) == 0) {
                out.add(childAt(i));
            }
        }
        return out;
    }

    /** The first child of the given type. */
    public Optional<SyntaxNode> childOfType(String nodeType) {
        for (int i = 0; i < green.children.length; i++) {
            if (green.children[i].type.equals(nodeType)) {
                return Optional.of(childAt(i));
            }
        }
        return Optional.empty();
    }
}
