package rxlsp.mcl.ast;

import rxlsp.text.TextRange;

/**
 * A {@code #} comment. Kept because a formatter and hover text need them; they do not affect meaning.
 *
 * @param text    what follows the {@code #}, up to the end of the line
 * @param ownLine true when only blanks precede it on its line; false for a comment after code, which
 *                belongs to that code rather than to the next statement
 */
public record Comment(TextRange range, String text, boolean ownLine) implements Node {
}
