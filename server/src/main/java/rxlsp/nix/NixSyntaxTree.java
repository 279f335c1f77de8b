package rxlsp.nix;

import rxlsp.text.LineIndex;

/**
 * A parsed Nix text: the text, its line index and the root {@code source_code} node.
 *
 * @param depthLimited true when nesting deeper than {@link NixParser#MAX_DEPTH} was cut off
 */
public record NixSyntaxTree(String text, LineIndex lines, SyntaxNode root, boolean depthLimited) {
}
