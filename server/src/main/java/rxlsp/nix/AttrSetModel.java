package rxlsp.nix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One attribute set as Nix's parser leaves it (its {@code ExprAttrs}): the attributes after attrpaths
 * have been expanded into nested sets and literal sets under the same name have been merged. Scoping
 * is decided on this shape, not on the source text, because a merge moves definitions into another
 * set and so into that set's scope (see {@link AttrSetModels}).
 *
 * <p>Mutable while {@link AttrSetModels} builds it, read-only afterwards; lives for one check run.
 */
final class AttrSetModel {
    /** The source construct a set comes from. */
    enum Origin {
        /** {@code { … }}. */
        ATTRS,
        /** {@code rec { … }}. */
        REC,
        /** {@code let … in …}: recursive, not an attribute set value. */
        LET,
        /** Legacy {@code let { … }}: a recursive set Nix immediately selects {@code body} from. */
        LET_ATTRS,
        /** A set created by an attrpath: {@code a} in {@code a.b = 1;}. */
        NESTED
    }

    final SyntaxNode node;
    final Origin origin;
    /** False when the names cannot all be read (a tree cut at its depth limit): no checks rely on them. */
    boolean reliable = true;
    /** Static attributes by name, in definition order. */
    final Map<String, Attr> attrs = new LinkedHashMap<>();
    /** Attributes whose name is computed at evaluation time. */
    final List<DynamicAttr> dynamics = new ArrayList<>(0);
    /** The {@code e} of each {@code inherit (e) …}; Nix evaluates it in the set's own scope. */
    final List<SyntaxNode> inheritSources = new ArrayList<>(0);
    /** Definitions refused as duplicates; their values are still checked for undefined variables. */
    final List<Attr> rejected = new ArrayList<>(0);

    AttrSetModel(SyntaxNode node, Origin origin) {
        this.node = node;
        this.origin = origin;
    }

    static AttrSetModel nested() {
        return new AttrSetModel(null, Origin.NESTED);
    }

    /** Whether the set's own names are in scope in its values ({@code rec}, {@code let}). */
    boolean recursive() {
        return origin == Origin.REC || origin == Origin.LET || origin == Origin.LET_ATTRS;
    }

    /**
     * Whether Nix sees an {@code ExprAttrs} here, which attrpaths may extend and other literal sets may
     * merge into: {@code { }}, {@code rec { }} and attrpath-made sets, but not {@code let { }} (a
     * selection of {@code body}).
     */
    boolean mergeable() {
        return origin == Origin.ATTRS || origin == Origin.REC || origin == Origin.NESTED;
    }

    /**
     * One static attribute.
     *
     * @param name     the attribute name
     * @param nameNode where it is written (an identifier, string or interpolation)
     * @param kind     how it gets its value
     * @param value    the value expression, for {@link Kind#VALUE}; null for attrpath-made sets
     * @param set      the set the value is, when Nix sees one: an attrpath-made set or a literal set
     */
    record Attr(String name, SyntaxNode nameNode, Kind kind, SyntaxNode value, AttrSetModel set) {
        enum Kind {
            /** {@code name = value;} or a set made by attrpaths. */
            VALUE,
            /** {@code inherit name;}: the variable {@code name} of the enclosing scope. */
            INHERITED,
            /** {@code inherit (e) name;}: {@code e.name}. */
            INHERITED_FROM
        }

        /** Whether an attrpath can continue into this attribute, or a literal set merge into it. */
        boolean isSet() {
            return kind == Kind.VALUE && set != null && set.mergeable();
        }
    }

    /**
     * An attribute with a dynamic name.
     *
     * @param nameNode the interpolation or string that computes the name
     * @param value    its value expression, or null when it is an attrpath-made set
     * @param set      the attrpath-made set, or null
     */
    record DynamicAttr(SyntaxNode nameNode, SyntaxNode value, AttrSetModel set) {
    }
}
