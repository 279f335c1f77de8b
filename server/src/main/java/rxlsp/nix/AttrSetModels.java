package rxlsp.nix;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import rxlsp.nix.AttrSetModel.Attr;
import rxlsp.nix.AttrSetModel.DynamicAttr;
import rxlsp.nix.AttrSetModel.Origin;

/**
 * Builds the {@link AttrSetModel}s of the attribute sets and {@code let}s of one file, repeating what
 * Nix 2.8's parser does while it reads bindings (its {@code addAttr}), and reports what the parser
 * rejects there: duplicate attributes, and dynamic attribute names in {@code let} and {@code inherit}.
 *
 * <p>Nix's rules, each confirmed with {@code nix-instantiate --parse}:
 * <ul>
 * <li>An attrpath {@code a.b.c = v} walks into an existing {@code a} only when {@code a} is a set the
 *     parser can see: one made by an earlier attrpath, or a literal {@code { }} or {@code rec { }}
 *     (parentheses allowed). Anything else, including {@code inherit a;} and {@code let { }}, is a
 *     duplicate of the whole path ({@code { a = 1; a.b = 2; }}).</li>
 * <li>Defining an existing name again is allowed only when both values are such sets; the second set's
 *     attributes are then moved into the first one, one level deep: {@code { a = {b=1;}; a = {c=2;}; }}
 *     is fine, {@code { a = {b={x=1;};}; a = {b={y=2;};}; }} is a duplicate {@code b}, while
 *     {@code { a = {b={x=1;};}; a.b.y = 2; }} is fine again because attrpaths walk in.</li>
 * <li>Surprising consequences of the move, which this model keeps: the moved attributes take the scope
 *     of the set they land in ({@code { a = rec { b = 1; }; a = { c = b; }; }} is accepted: {@code c}
 *     lands in the {@code rec}; {@code { a = { b = 1; }; a = rec { c = 1; d = c; }; }} is rejected:
 *     {@code d} loses its {@code rec}), and the dynamic attributes of the moved set are dropped
 *     unchecked ({@code { a = {}; a = { ${x} = 1; }; }} passes with {@code x} undefined).</li>
 * <li>Names: {@code "a"}, {@code ${"a"}}, {@code ${("a")}} and {@code ${''a''}} are the static name
 *     {@code a}; {@code "${"a"}"} is dynamic (see {@link StaticStrings}).</li>
 * <li>{@code let} rejects a dynamic first attrpath element ({@code let ${x} = 1;}) but not a deeper
 *     one ({@code let a.${x} = 1;}); {@code rec { }} and legacy {@code let { }} accept both.</li>
 * </ul>
 */
final class AttrSetModels {
    private final String text;
    private final Findings findings;
    private final Map<SyntaxNode, AttrSetModel> models = new java.util.HashMap<>();
    /** Whether the tree was cut at its depth limit, so that sets may have lost parts of their bindings. */
    private final boolean cut;

    AttrSetModels(String text, Findings findings, boolean cut) {
        this.text = text;
        this.findings = findings;
        this.cut = cut;
    }

    /**
     * The model of {@code node}, a set or {@code let}: built on first request, then the same object,
     * since later merges into it must be seen by everyone. The literal sets among its values are built
     * first, as Nix's bottom-up parser builds them, so that merges see their final shape; asking for a
     * set inside one already built returns the shape that the enclosing merges left.
     */
    AttrSetModel of(SyntaxNode node) {
        AttrSetModel known = models.get(node);
        if (known != null) {
            return known;
        }
        // post-order over the literal sets nested as values, without recursion: they may nest deeply
        record Pending(SyntaxNode set, boolean valuesBuilt) {
        }
        ArrayDeque<Pending> work = new ArrayDeque<>();
        work.push(new Pending(node, false));
        while (!work.isEmpty()) {
            Pending p = work.pop();
            if (models.containsKey(p.set())) {
                continue;
            }
            if (p.valuesBuilt()) {
                models.put(p.set(), model(p.set()));
                continue;
            }
            work.push(new Pending(p.set(), true));
            SyntaxNode bindings = bindingSet(p.set());
            if (bindings == null) {
                continue;
            }
            for (SyntaxNode b : bindings.children()) {
                if (b.is("binding")) {
                    SyntaxNode literal = literal(b.child("expression").orElse(null));
                    if (literal != null && !models.containsKey(literal)) {
                        work.push(new Pending(literal, false));
                    }
                }
            }
        }
        return models.get(node);
    }

    private static SyntaxNode bindingSet(SyntaxNode node) {
        for (SyntaxNode c : node.children()) {
            if (c.is("binding_set")) {
                return c;
            }
        }
        return null;
    }

    /** {@code value} without parentheses when it is a {@code { }} or {@code rec { }} literal; else null. */
    static SyntaxNode literal(SyntaxNode value) {
        SyntaxNode e = value;
        while (e != null && e.is("parenthesized_expression")) {
            e = e.child("expression").orElse(null);
        }
        return e != null && !e.isError() && (e.is("attrset_expression") || e.is("rec_attrset_expression")) ? e : null;
    }

    static Origin origin(SyntaxNode node) {
        return switch (node.type()) {
            case "attrset_expression" -> Origin.ATTRS;
            case "rec_attrset_expression" -> Origin.REC;
            case "let_expression" -> Origin.LET;
            case "let_attrset_expression" -> Origin.LET_ATTRS;
            default -> null;
        };
    }

    private AttrSetModel model(SyntaxNode node) {
        AttrSetModel model = new AttrSetModel(node, origin(node));
        SyntaxNode bindings = bindingSet(node);
        if (cut && ErrorRecovery.bindingsIncomplete(bindings)) {
            model.reliable = false;
            return model;
        }
        if (bindings == null) {
            return model;
        }
        for (SyntaxNode b : bindings.children()) {
            switch (b.type()) {
                case "binding" -> addBinding(model, b);
                case "inherit" -> addInherit(model, b, false);
                case "inherit_from" -> addInherit(model, b, true);
                default -> {
                }
            }
        }
        return model;
    }

    /** Nix's {@code addAttr}. */
    private void addBinding(AttrSetModel model, SyntaxNode binding) {
        SyntaxNode value = null;
        List<SyntaxNode> names = List.of();
        for (SyntaxNode c : binding.children()) {
            if ("expression".equals(c.field())) {
                value = c;
            } else if ("attrpath".equals(c.field())) {
                names = c.children("attr");
            }
        }
        if (names.isEmpty()) {
            model.rejected.add(valueOnly(value));
            return;
        }
        AttrKey[] keys = new AttrKey[names.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = AttrKeys.of(names.get(i), text);
            if (keys[i].kind() == AttrKey.Kind.INCOMPLETE) {
                model.rejected.add(valueOnly(value)); // an unfinished name: only the value can be checked
                return;
            }
        }
        if (model.origin == Origin.LET && keys[0].isDynamic()) {
            findings.dynamicInLet(names.get(0).range());
        }
        AttrSetModel current = model;
        int last = keys.length - 1;
        for (int i = 0; i < last; i++) {
            SyntaxNode nameNode = names.get(i);
            if (keys[i].isDynamic()) {
                AttrSetModel nested = AttrSetModel.nested();
                current.dynamics.add(new DynamicAttr(nameNode, null, nested));
                current = nested;
                continue;
            }
            Attr existing = current.attrs.get(keys[i].name());
            if (existing == null) {
                AttrSetModel nested = AttrSetModel.nested();
                current.attrs.put(keys[i].name(), new Attr(keys[i].name(), nameNode, Attr.Kind.VALUE, null, nested));
                current = nested;
            } else if (existing.isSet() && existing.set().reliable) {
                current = existing.set();
            } else {
                if (!existing.isSet()) {
                    findings.duplicateAttribute(nameNode.range(), path(keys, names), existing.nameNode().range());
                } // else: a set whose names could not all be read: nothing certain to say
                current.rejected.add(valueOnly(value));
                return;
            }
        }
        SyntaxNode lastName = names.get(last);
        if (keys[last].isDynamic()) {
            current.dynamics.add(new DynamicAttr(lastName, value, null));
            return;
        }
        AttrSetModel valueSet = literalSet(value);
        Attr existing = current.attrs.get(keys[last].name());
        if (existing == null) {
            current.attrs.put(keys[last].name(), new Attr(keys[last].name(), lastName, Attr.Kind.VALUE, value, valueSet));
        } else if (valueSet != null && valueSet.mergeable() && existing.isSet()) {
            merge(existing.set(), valueSet, path(keys, names), value, current);
        } else {
            findings.duplicateAttribute(lastName.range(), path(keys, names), existing.nameNode().range());
            current.rejected.add(valueOnly(value));
        }
    }

    /**
     * Moves the attributes of the literal set {@code source} into {@code target}, as Nix does for a
     * second definition of a set-valued name: one level only, every name clash is a duplicate, and the
     * dynamic attributes of {@code source} are dropped.
     */
    private void merge(AttrSetModel target, AttrSetModel source, String path, SyntaxNode sourceExpr, AttrSetModel owner) {
        if (!target.reliable || !source.reliable) {
            owner.rejected.add(valueOnly(sourceExpr)); // names unknown: just check the value on its own
            return;
        }
        for (Attr moved : source.attrs.values()) {
            Attr existing = target.attrs.get(moved.name());
            if (existing != null) {
                findings.duplicateAttribute(moved.nameNode().range(), path + "." + AttrKeys.display(moved.name()), existing.nameNode().range());
                target.rejected.add(moved);
            } else {
                target.attrs.put(moved.name(), moved);
            }
        }
        target.inheritSources.addAll(source.inheritSources);
        target.rejected.addAll(source.rejected);
    }

    /** {@code inherit a "b";} and {@code inherit (e) a;}. */
    private void addInherit(AttrSetModel model, SyntaxNode inherit, boolean fromExpression) {
        SyntaxNode attrs = inherit.child("attrs").orElse(null);
        if (attrs == null) {
            return;
        }
        Attr.Kind kind = fromExpression ? Attr.Kind.INHERITED_FROM : Attr.Kind.INHERITED;
        if (fromExpression) {
            // since Nix 2.20 the e of inherit (e) is resolved once, with or without names after it, so
            // inherit (undefined); is an error (Nix 2.8 skipped an e without names); rx-lsp follows current Nix
            inherit.child("expression").ifPresent(model.inheritSources::add);
        }
        for (SyntaxNode nameNode : attrs.children("attr")) {
            AttrKey key = AttrKeys.of(nameNode, text);
            if (key.isDynamic()) {
                findings.dynamicInInherit(nameNode.range());
                continue;
            }
            if (!key.isStatic()) {
                continue;
            }
            Attr attr = new Attr(key.name(), nameNode, kind, null, null);
            Attr existing = model.attrs.get(key.name());
            if (existing != null) {
                findings.duplicateAttribute(nameNode.range(), AttrKeys.display(key.name()), existing.nameNode().range());
                model.rejected.add(attr);
            } else {
                model.attrs.put(key.name(), attr);
            }
        }
    }

    /** The model of {@code value} when it is a literal set, possibly in parentheses; else null. */
    private AttrSetModel literalSet(SyntaxNode value) {
        SyntaxNode literal = literal(value);
        return literal == null ? null : models.get(literal); // built before the set holding it
    }

    private static Attr valueOnly(SyntaxNode value) {
        return new Attr(null, null, Attr.Kind.VALUE, value, null);
    }

    /** The attrpath as Nix prints it ({@code a.b}, {@code a."x y"}), dynamic parts as written ({@code a.${x}}). */
    private String path(AttrKey[] keys, List<SyntaxNode> names) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out.append('.');
            }
            if (keys[i].isStatic()) {
                out.append(AttrKeys.display(keys[i].name()));
            } else {
                String written = names.get(i).text(text);
                out.append(written.length() <= 40 && written.indexOf('\n') < 0 ? written : "${…}");
            }
        }
        return out.toString();
    }
}
