package rxlsp.nix;

import java.util.ArrayList;
import java.util.List;
import rxlsp.text.TextRange;

/**
 * What the static checks find in one subtree, whatever its scope and wherever it stands: the
 * findings that do not depend on the scope (duplicates, dynamic names where Nix forbids them), and
 * every use of a variable the subtree does not bind itself, each relative to the subtree's start.
 * Replayed in a scope, it reports those findings and the free variables that scope does not bind:
 * exactly what walking the subtree there reports, since a walk from a node sees only that node's
 * text and, through its free variables, the names around it (see {@link ScopeWalker} for the
 * subtrees this holds for).
 */
final class ScopeSummary implements Findings {
    private enum Kind { FREE_VARIABLE, DUPLICATE_ATTRIBUTE, DUPLICATE_FORMAL, DYNAMIC_LET, DYNAMIC_INHERIT }

    /** One finding; {@code other} is the first definition of a duplicate or a variable's interpolation, or null. */
    private record Entry(Kind kind, int start, int end, String name, int otherStart, int otherEnd) {
    }

    private final int base;
    private final List<Entry> entries = new ArrayList<>(0);

    /** A summary being recorded by a walk of the subtree that starts at {@code base}. */
    ScopeSummary(int base) {
        this.base = base;
    }

    /** Reports the findings of the subtree, now starting at {@code at}, in {@code scope}. */
    void replay(Findings to, Scope scope, int at) {
        for (Entry e : entries) {
            TextRange range = new TextRange(at + e.start, at + e.end);
            TextRange other = e.otherStart < 0 ? null : new TextRange(at + e.otherStart, at + e.otherEnd);
            switch (e.kind) {
                case FREE_VARIABLE -> {
                    if (!scope.resolves(e.name)) {
                        to.undefinedVariable(range, e.name, other);
                    }
                }
                case DUPLICATE_ATTRIBUTE -> to.duplicateAttribute(range, e.name, other);
                case DUPLICATE_FORMAL -> to.duplicateFormal(range, e.name);
                case DYNAMIC_LET -> to.dynamicInLet(range);
                case DYNAMIC_INHERIT -> to.dynamicInInherit(range);
            }
        }
    }

    /** Recorded by a walk from the subtree's root in the file scope: unbound there is free here. */
    @Override
    public void undefinedVariable(TextRange where, String name, TextRange mclInterpolation) {
        add(Kind.FREE_VARIABLE, where, name, mclInterpolation);
    }

    @Override
    public void duplicateAttribute(TextRange second, String path, TextRange first) {
        add(Kind.DUPLICATE_ATTRIBUTE, second, path, first);
    }

    @Override
    public void duplicateFormal(TextRange second, String name) {
        add(Kind.DUPLICATE_FORMAL, second, name, null);
    }

    @Override
    public void dynamicInLet(TextRange attr) {
        add(Kind.DYNAMIC_LET, attr, null, null);
    }

    @Override
    public void dynamicInInherit(TextRange attr) {
        add(Kind.DYNAMIC_INHERIT, attr, null, null);
    }

    private void add(Kind kind, TextRange range, String name, TextRange other) {
        entries.add(new Entry(kind, range.start() - base, range.end() - base, name,
                other == null ? -1 : other.start() - base, other == null ? -1 : other.end() - base));
    }
}
