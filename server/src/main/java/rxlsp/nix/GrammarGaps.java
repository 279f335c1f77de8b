package rxlsp.nix;

import java.util.List;

/**
 * Where tree-sitter-nix 0.0.2 reports an error on text Nix accepts, recognised by the shape of the
 * tree, so that neither the syntax diagnostics nor the static checks report it:
 * <ul>
 *   <li>a trailing comma after the last formal ({@code { pkgs, }:}), read either as a last formal
 *       with a MISSING name or as an ERROR holding just that comma. After {@code ...}, and with no
 *       formal before it ({@code { , }:}), Nix rejects the comma, so it stays an error there;</li>
 *   <li>an empty {@code inherit;} / {@code inherit (x);}, read as an inherit with a MISSING name.</li>
 * </ul>
 * And one that the parser works around by parsing again ({@link #quoteSplits}): in an indented
 * string, the {@code '} between an escaped {@code '''} and an interpolation ({@code ''''${x}}, which
 * Nix reads as {@code ''}, {@code '}, then {@code x}) is an ERROR to tree-sitter-nix.
 */
final class GrammarGaps {
    private GrammarGaps() {
    }

    /** An ERROR holding just the {@code ,} before the closing {@code }} of formals. */
    static boolean isTrailingFormalComma(SyntaxNode error, SyntaxNode formals) {
        int commas = 0;
        for (SyntaxNode c : error.children()) {
            if (c.is(",") && c.children().isEmpty()) {
                commas++;
            } else if (!c.isExtra()) {
                return false;
            }
        }
        return commas == 1 && closesNext(error, formals) && afterFormal(error, formals);
    }

    /** The MISSING name of a last formal made of nothing else, right before the closing {@code }}. */
    static boolean isTrailingFormalName(SyntaxNode missing, SyntaxNode formal, SyntaxNode formals) {
        return missing.is("identifier") && formal != null && formal.is("formal") && formal.children().size() == 1
                && formals != null && formals.is("formals") && closesNext(formal, formals)
                && afterFormal(formal, formals);
    }

    /** The MISSING name tree-sitter puts into an {@code inherit} that names nothing. */
    static boolean isEmptyInheritName(SyntaxNode missing, SyntaxNode parent, SyntaxNode grandparent) {
        if (!missing.is("identifier") || parent == null || !parent.is("inherited_attrs")) {
            return false;
        }
        for (SyntaxNode c : parent.children()) {
            if (!c.equals(missing) && !c.isExtra()) {
                return false;
            }
        }
        return grandparent != null && (grandparent.is("inherit") || grandparent.is("inherit_from"));
    }

    /** Whether the next sibling of {@code node} in {@code parent}, comments aside, is a real {@code }}. */
    private static boolean closesNext(SyntaxNode node, SyntaxNode parent) {
        List<SyntaxNode> siblings = parent.children();
        boolean seen = false;
        for (SyntaxNode s : siblings) {
            if (s.equals(node)) {
                seen = true;
            } else if (seen && !s.isExtra()) {
                return s.is("}") && !s.isMissing();
            }
        }
        return false;
    }

    /**
     * Whether the last thing before {@code node} in the formals, comments and the comma aside, is a
     * complete formal: Nix's grammar ({@code formal ',' formals}, where {@code formals} may be empty)
     * allows a comma after a formal only, not after {@code ...} nor alone ({@code { , }: 1}).
     */
    private static boolean afterFormal(SyntaxNode node, SyntaxNode formals) {
        SyntaxNode last = null;
        for (SyntaxNode s : formals.children()) {
            if (s.equals(node)) {
                break;
            }
            if (!s.isExtra() && !s.is(",")) {
                last = s;
            }
        }
        return last != null && last.is("formal") && !last.hasError();
    }

    private static final String QUOTE_BEFORE_INTERPOLATION = "''''${";

    /**
     * {@link SyntaxNode#HAS_MISREAD_QUOTE} for a node of these flags at {@code start}: an ERROR
     * beginning at the {@code '} of {@code ''''${}. Runs for every node the copy makes; only an ERROR
     * looks at the text.
     */
    static int marks(int flags, String text, int start) {
        return (flags & SyntaxNode.ERROR) != 0 && start >= 3 && text.startsWith(QUOTE_BEFORE_INTERPOLATION, start - 3)
                ? SyntaxNode.HAS_MISREAD_QUOTE : 0;
    }

    /**
     * Where to insert a space so that tree-sitter-nix reads {@code ''''${} in an indented string as
     * Nix does: before the lone {@code '}, which tree-sitter then reads as text together with the
     * space (the tree's offsets are mapped back, {@link TreeSitterInput#withSpacesAt}). Only where the
     * tree shows the misreading, an ERROR starting at that {@code '} ({@link #marks}): elsewhere the
     * four quotes may open a string instead, and mean something else.
     */
    static int[] quoteSplits(NixSyntaxTree tree) {
        if ((tree.root().flags() & SyntaxNode.HAS_MISREAD_QUOTE) == 0) {
            return new int[0];
        }
        String text = tree.text();
        List<Integer> at = new java.util.ArrayList<>();
        FlaggedWalk.walk(tree.root(), SyntaxNode.HAS_MISREAD_QUOTE, (n, parent, grandparent) -> {
            if (marks(n.flags(), text, n.start()) != 0) {
                at.add(n.start());
            }
            return true;
        });
        return at.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    }
}
