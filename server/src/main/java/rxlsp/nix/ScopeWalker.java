package rxlsp.nix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import rxlsp.nix.AttrSetModel.Attr;
import rxlsp.nix.AttrSetModel.DynamicAttr;

/**
 * Resolves every variable of a file against its lexical scopes, as Nix 2.8's {@code bindVars} does
 * right after parsing, and checks function formals for duplicates.
 *
 * <p>Scopes come from: {@code x: …}; formals and the {@code @} name (default values see all formals of
 * their function); {@code let} (values and body see all its names; {@code inherit x;} reads {@code x}
 * outside the {@code let}, while the {@code e} of {@code inherit (e) x;} is inside); {@code rec { }} and
 * legacy {@code let { }} likewise; and {@code with e; …}, under which every name counts as bound. The
 * sets are walked as {@link AttrSetModel}s, so that attributes Nix moved by merging get the scope Nix
 * gives them.
 *
 * <p>The walk uses an explicit stack: trees may be {@link NixParser#MAX_DEPTH} levels deep.
 *
 * <p>With {@link ScopeSummaries}, subtrees of a middling size are not walked again after an edit that
 * left them alone: each is walked once on its own, from the file scope, into a {@link ScopeSummary},
 * which is replayed in the scope it stands in. That gives what walking it there would, because a
 * walk from a node depends on nothing but the node and the names around it, with one exception:
 * a literal set that is the value of a binding may receive attributes from a later binding of the
 * same name ({@code a = { b = 1; }; a = { c = 2; };}), so such sets are always walked in place.
 */
final class ScopeWalker {
    /** Subtrees narrower than this are walked, not summarised: a summary costs more than they do. */
    static final int MIN_SUMMARY_WIDTH = 128;
    /**
     * Subtrees wider than this are walked and their parts summarised: an edit inside one walks it
     * whole again, so the widest summary bounds the work an edit costs.
     */
    static final int MAX_SUMMARY_WIDTH = 32 << 10;

    /**
     * One pending piece of work: a node, or a set model (nested sets have no node).
     *
     * @param bindingValue the node is the value of a binding (a literal set there may receive merges)
     */
    private record Work(SyntaxNode node, AttrSetModel model, Scope scope, SyntaxNode mclInterpolation, boolean bindingValue) {
    }

    private final String text;
    private final AttrSetModels models;
    private final Findings findings;
    private final ArrayDeque<Work> work = new ArrayDeque<>();
    /** Where resolution is recorded (for navigation), or null when only checking. */
    private final NixNames.Builder recorder;
    /** The summaries kept for the document, or null to walk every node. */
    private final ScopeSummaries summaries;

    ScopeWalker(String text, AttrSetModels models, Findings findings) {
        this(text, models, findings, null, null);
    }

    ScopeWalker(String text, AttrSetModels models, Findings findings, NixNames.Builder names) {
        this(text, models, findings, names, null);
    }

    ScopeWalker(String text, AttrSetModels models, Findings findings, NixNames.Builder names, ScopeSummaries summaries) {
        this.text = text;
        this.models = models;
        this.findings = findings;
        this.recorder = names;
        this.summaries = names == null ? summaries : null; // navigation needs every name resolved in place
    }

    void walk(SyntaxNode root) {
        push(root, Scope.FILE);
        while (!work.isEmpty()) {
            Work w = work.pop();
            if (w.model != null) {
                walkSet(w.model, w.scope, null);
            } else if (summarised(w)) {
                summary(w.node).replay(findings, w.scope, w.node.start());
            } else {
                visit(w.node, w.scope, w.mclInterpolation);
            }
        }
    }

    private boolean summarised(Work w) {
        if (summaries == null || w.mclInterpolation != null) {
            return false;
        }
        int width = w.node.end() - w.node.start();
        return width >= MIN_SUMMARY_WIDTH && width <= MAX_SUMMARY_WIDTH
                && !(w.bindingValue && AttrSetModels.literal(w.node) != null);
    }

    /** The kept summary of {@code node}'s subtree, or a new one from a walk of it on its own. */
    private ScopeSummary summary(SyntaxNode node) {
        ScopeSummary kept = summaries.find(node.green());
        if (kept != null) {
            return kept;
        }
        ScopeSummary made = new ScopeSummary(node.start());
        new ScopeWalker(text, new AttrSetModels(text, made, false), made).walk(node);
        summaries.keep(node.green(), made);
        return made;
    }

    /** The variable Nix's parser replaces by its own position (only as an expression, not in {@code inherit}). */
    private static final String CURRENT_POSITION = "__curPos";

    private void visit(SyntaxNode node, Scope scope, SyntaxNode mclInterpolation) {
        if (node.isError() || node.isMissing()) {
            return;
        }
        Scope s = scope;
        switch (node.type()) {
            case "variable_expression" -> {
                // the identifier is its only child (none where the tree was cut at its depth limit)
                SyntaxNode name = node.children().isEmpty() ? null : node.children().get(0);
                if (name != null && name.is("identifier") && !name.isMissing()) {
                    String variable = name.text(text);
                    if (variable.equals(CURRENT_POSITION)) {
                        return; // Nix's parser makes this the position where it is written, not a lookup
                    }
                    if (!s.resolves(variable)) {
                        findings.undefinedVariable(name.range(), variable, mclInterpolation == null ? null : mclInterpolation.range());
                    } else if (recorder != null) {
                        recorder.use(name.range(), s.definition(variable));
                    }
                }
            }
            case "function_expression" -> visitFunction(node, s);
            case "with_expression" -> {
                node.child("environment").ifPresent(e -> push(e, s));
                node.child("body").ifPresent(b -> push(b, s.bindingEverything()));
            }
            case "attrset_expression", "rec_attrset_expression", "let_attrset_expression", "let_expression" -> {
                walkSet(models.of(node), s, node.is("let_expression") ? node.child("body").orElse(null) : null);
            }
            case "indented_string_expression" -> {
                for (SyntaxNode c : node.children()) {
                    if (c.is("interpolation")) {
                        SyntaxNode variable = mclShapedVariable(c);
                        if (variable != null) {
                            work.push(new Work(variable, null, s, c, false));
                        } else {
                            push(c, s);
                        }
                    }
                }
            }
            default -> pushChildren(node, s);
        }
    }

    /** A set or {@code let}: its bindings, and the body of a {@code let}. */
    private void walkSet(AttrSetModel set, Scope outer, SyntaxNode letBody) {
        if (!set.reliable) {
            pushChildren(set.node, outer.bindingEverything());
            return;
        }
        Scope inner = set.recursive() ? outer.with(set.attrs.keySet(), recorder == null ? java.util.Map.of() : definitions(set)) : outer;
        for (Attr attr : set.attrs.values()) {
            walkAttr(attr, outer, inner);
        }
        for (Attr attr : set.rejected) {
            if (attr.kind() == Attr.Kind.VALUE) { // a repeated inherit is reported as a duplicate only
                walkAttr(attr, outer, inner);
            }
        }
        for (DynamicAttr d : set.dynamics) {
            push(d.nameNode(), inner);
            if (d.value() != null) {
                push(d.value(), inner, true);
            }
            if (d.set() != null) {
                work.push(new Work(null, d.set(), inner, null, false));
            }
        }
        for (SyntaxNode source : set.inheritSources) {
            push(source, inner);
        }
        if (letBody != null) {
            push(letBody, inner);
        }
    }

    private void walkAttr(Attr attr, Scope outer, Scope inner) {
        switch (attr.kind()) {
            case INHERITED -> {
                // inherit x; reads the variable x of the scope around the set, even in rec and let
                if (!outer.resolves(attr.name())) {
                    findings.undefinedVariable(attr.nameNode().range(), attr.name(), null);
                } else if (recorder != null) {
                    recorder.use(attr.nameNode().range(), outer.definition(attr.name()));
                }
            }
            case INHERITED_FROM -> {
                // the source expression is walked once, with the set's inheritSources
            }
            case VALUE -> {
                if (attr.value() != null) {
                    push(attr.value(), inner, true);
                } else if (attr.set() != null) {
                    work.push(new Work(null, attr.set(), inner, null, false));
                }
            }
        }
    }

    /** {@code x: …}, {@code { a, b ? a }: …}, {@code args@{ … }: …}. */
    private void visitFunction(SyntaxNode function, Scope scope) {
        SyntaxNode universal = null;
        SyntaxNode formals = null;
        SyntaxNode body = null;
        for (SyntaxNode c : function.children()) {
            switch (c.field() == null ? "" : c.field()) {
                case "universal" -> universal = c;
                case "formals" -> formals = c;
                case "body" -> body = c;
                default -> {
                }
            }
        }
        List<SyntaxNode> names = new ArrayList<>();
        List<SyntaxNode> defaults = new ArrayList<>(0);
        boolean complete = universal != null || formals != null;
        if (universal != null && !universal.isMissing()) {
            names.add(universal);
        }
        if (formals != null) {
            for (SyntaxNode c : formals.children()) {
                if (c.isError()) {
                    complete &= GrammarGaps.isTrailingFormalComma(c, formals); // the only ERROR checked files have
                } else if (c.is("formal")) {
                    SyntaxNode name = null;
                    for (SyntaxNode part : c.children()) {
                        if ("name".equals(part.field())) {
                            name = part;
                        } else if ("default".equals(part.field())) {
                            defaults.add(part);
                        }
                    }
                    if (name == null) {
                        complete = false;
                    } else if (!name.isMissing()) { // a MISSING name is the trailing comma of { a, }: no name
                        names.add(name);
                    }
                }
            }
        }
        if (universal != null && !universal.isMissing() && formals != null && formals.start() < universal.start()) {
            names.add(names.remove(0)); // { … }@args: report a clash at the name written second
        }
        Scope inner;
        if (!complete) {
            inner = scope.bindingEverything();
        } else if (formals == null && names.size() == 1) {
            inner = scope.with(names.get(0).text(text), names.get(0).range());
            if (recorder != null) {
                recorder.define(names.get(0).range());
            }
        } else {
            Set<String> bound = new HashSet<>();
            java.util.Map<String, rxlsp.text.TextRange> where = new java.util.HashMap<>();
            for (SyntaxNode name : names) {
                String n = name.text(text);
                if (!bound.add(n)) {
                    findings.duplicateFormal(name.range(), n);
                } else {
                    where.put(n, name.range());
                }
            }
            inner = scope.with(bound, where);
            if (recorder != null) {
                where.values().forEach(recorder::define);
            }
        }
        for (SyntaxNode d : defaults) {
            push(d, inner);
        }
        if (body != null) {
            push(body, inner);
        }
    }

    /** Where each name of a recursive set or {@code let} is defined (an {@code inherit x;} defines x where it is written). */
    private java.util.Map<String, rxlsp.text.TextRange> definitions(AttrSetModel set) {
        java.util.Map<String, rxlsp.text.TextRange> out = new java.util.HashMap<>();
        set.attrs.forEach((name, attr) -> {
            if (attr.nameNode() != null) {
                out.put(name, attr.nameNode().range());
            }
        });
        out.values().forEach(recorder::define);
        return out;
    }

    /**
     * The variable of an MCL-looking interpolation ({@code ${name}} or {@code ${name.field}}): the case
     * where an undefined variable most likely is MCL text that should have been escaped as
     * {@code ''${…}}. Null for any other interpolation.
     */
    private static SyntaxNode mclShapedVariable(SyntaxNode interpolation) {
        SyntaxNode e = interpolation.child("expression").orElse(null);
        if (e == null) {
            return null;
        }
        if (e.is("variable_expression")) {
            return e;
        }
        if (e.is("select_expression") && e.child("default").isEmpty()) {
            SyntaxNode base = e.child("expression").orElse(null);
            SyntaxNode path = e.child("attrpath").orElse(null);
            if (base == null || !base.is("variable_expression") || path == null) {
                return null;
            }
            for (SyntaxNode attr : path.children("attr")) {
                if (!attr.is("identifier")) {
                    return null;
                }
            }
            return base;
        }
        return null;
    }

    private void push(SyntaxNode node, Scope scope) {
        push(node, scope, false);
    }

    private void push(SyntaxNode node, Scope scope, boolean bindingValue) {
        if (!node.children().isEmpty() && !node.isError()) {
            work.push(new Work(node, null, scope, null, bindingValue));
        }
    }

    private void pushChildren(SyntaxNode node, Scope scope) {
        List<SyntaxNode> kids = node.children();
        for (int i = kids.size() - 1; i >= 0; i--) {
            SyntaxNode k = kids.get(i);
            if (!k.isExtra()) {
                push(k, scope);
            }
        }
    }
}
