package rxlsp.nix;

import rxlsp.text.TextRange;

/**
 * Where the static checks put what they find: the file's diagnostics ({@link StaticFindings}), or
 * the summary of one subtree that is replayed wherever that subtree is met again ({@link ScopeSummary}).
 */
interface Findings {
    /**
     * A variable nothing binds. {@code mclInterpolation}, when not null, is the {@code ${…}} of an
     * indented string the variable sits in: likely MCL text that should have been escaped.
     */
    void undefinedVariable(TextRange where, String name, TextRange mclInterpolation);

    /** A second definition of {@code path} (already displayed) at {@code second}; the first at {@code first}. */
    void duplicateAttribute(TextRange second, String path, TextRange first);

    void duplicateFormal(TextRange second, String name);

    void dynamicInLet(TextRange attr);

    void dynamicInInherit(TextRange attr);
}
