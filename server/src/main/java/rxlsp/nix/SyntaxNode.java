package rxlsp.nix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rxlsp.text.TextRange;

/**
 * One node of a Nix syntax tree: rx-lsp's own immutable copy of a tree-sitter node, so that analysis
 * runs on plain Java objects (walking tree-sitter nodes through FFM is what costs time, not parsing).
 *
 * @param type     the tree-sitter node type ({@code binding}, {@code ;}, {@code ERROR}, …), interned
 * @param field    the field name this node fills in its parent, or null
 * @param start    start offset (UTF-16 code units)
 * @param end      end offset
 * @param flags    {@link #NAMED}, {@link #ERROR}, {@link #MISSING}, {@link #EXTRA}, {@link #HAS_ERROR},
 *                 {@link #HAS_KEYWORD_NAME}
 */
public record SyntaxNode(String type, String field, int start, int end, int flags, List<SyntaxNode> children) {
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

    public TextRange range() {
        return new TextRange(start, end);
    }

    public boolean isNamed() {
        return (flags & NAMED) != 0;
    }

    public boolean isError() {
        return (flags & ERROR) != 0;
    }

    public boolean isMissing() {
        return (flags & MISSING) != 0;
    }

    public boolean isExtra() {
        return (flags & EXTRA) != 0;
    }

    public boolean hasError() {
        return (flags & HAS_ERROR) != 0;
    }

    public boolean is(String nodeType) {
        return type.equals(nodeType);
    }

    public String text(String source) {
        return source.substring(start, end);
    }

    /** The first child filling {@code fieldName}. */
    public Optional<SyntaxNode> child(String fieldName) {
        for (SyntaxNode c : children) {
            if (fieldName.equals(c.field)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Every child filling {@code fieldName}, in order. */
    public List<SyntaxNode> children(String fieldName) {
        List<SyntaxNode> out = new ArrayList<>();
        for (SyntaxNode c : children) {
            if (fieldName.equals(c.field)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Named children that are not comments or other extras. */
    public List<SyntaxNode> namedChildren() {
        List<SyntaxNode> out = new ArrayList<>();
        for (SyntaxNode c : children) {
            if (c.isNamed() && !c.isExtra()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The first child of the given type. */
    public Optional<SyntaxNode> childOfType(String nodeType) {
        for (SyntaxNode c : children) {
            if (c.type.equals(nodeType)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
