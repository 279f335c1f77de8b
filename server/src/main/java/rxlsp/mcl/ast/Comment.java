package rxlsp.mcl.ast;

import rxlsp.text.TextRange;

/**
 * A {@code #} comment. Kept because a formatter and hover text need them; they do not affect meaning.
 *
 * @param text what follows the {@code #}, up to the end of the line
 */
public record Comment(TextRange range, String text) implements Node {
}
