package rxlsp.features;

import java.util.Optional;
import rxlsp.analysis.Cursor;
import rxlsp.analysis.MclNames;
import rxlsp.analysis.MclUnit;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.ResourceItem;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.ast.Expr;
import rxlsp.text.TextRange;

/**
 * What the cursor is on, explained: for MCL (in a {@code .mcl} file or inside a Nix string) the
 * definition a name refers to, with its inferred type, a function's signature and description, a
 * resource kind's parameters, a parameter's or meta property's type, or an expression's type; for
 * Nix, the rx.nix option under the cursor.
 */
public final class Hover {
    private Hover() {
    }

    /**
     * @param content what to show
     * @param range   the part of the document the hover is about (the name under the cursor), or null
     */
    public record Info(Markup content, TextRange range) {
    }

    public static Optional<Info> at(Cursor cursor) {
        if (cursor.mcl().map(Cursor.Mcl::generated).orElse(false)) {
            // an rx.res field: the option says more than the MCL rx.nix renders from it
            Optional<Info> res = RxOptionDocs.hover(cursor, true);
            if (res.isPresent()) {
                return res;
            }
        }
        Optional<Info> mcl = cursor.mcl().flatMap(m -> mcl(cursor, m));
        if (mcl.isPresent()) {
            return mcl;
        }
        Optional<Info> option = RxOptionDocs.hover(cursor, false);
        return option.isPresent() ? option : nixVariable(cursor);
    }

    /** Longest Nix binding shown whole in a hover. */
    private static final int SHORT_BINDING = 200;

    /** A Nix variable: the binding it refers to, shown when short, or what kind of name it is. */
    private static Optional<Info> nixVariable(Cursor cursor) {
        var doc = cursor.document();
        if (doc.nix() == null) {
            return Optional.empty();
        }
        Optional<TextRange> def = doc.nixNames().definitionAt(cursor.offset());
        if (def.isEmpty()) {
            return Optional.empty();
        }
        TextRange at = doc.nixNames().usesOf(def.get()).stream()
                .filter(u -> u.start() <= cursor.offset() && cursor.offset() <= u.end()).findFirst().orElse(def.get());
        java.util.List<rxlsp.nix.SyntaxNode> path = rxlsp.nix.NixNodes.pathAt(doc.nix().root(), def.get().start());
        Markup.Builder b = Markup.builder();
        for (int i = path.size() - 1; i >= 0; i--) {
            rxlsp.nix.SyntaxNode n = path.get(i);
            if (n.is("binding") || n.is("inherit")) {
                String text = n.text(doc.text());
                b.code("nix", text.length() <= SHORT_BINDING && text.lines().count() <= 3 ? text
                        : doc.text().substring(def.get().start(), def.get().end()) + " = …;");
                b.text(i > 0 && path.get(i - 1).is("binding_set") && i > 1 && path.get(i - 2).is("let_expression")
                        ? "a `let` binding" : "an attribute of a recursive set");
                return Optional.of(new Info(b.build(), at));
            }
            if (n.is("formal") || n.is("function_expression")) {
                b.code("nix", doc.text().substring(def.get().start(), def.get().end()));
                b.text("a function argument");
                return Optional.of(new Info(b.build(), at));
            }
        }
        return Optional.empty();
    }

    private static Optional<Info> mcl(Cursor cursor, Cursor.Mcl at) {
        MclUnit unit = at.unit();
        Optional<MclNames.Named> named = MclNames.at(at);
        if (named.isPresent()) {
            Markup doc = MclDescriptions.definition(unit, named.get().definition(), named.get().at());
            return Optional.of(new Info(doc, inDocument(cursor, unit, named.get().nameRange())));
        }
        int offset = at.programOffset();
        for (int i = at.path().size() - 1; i >= 0; i--) {
            Node n = at.path().get(i);
            boolean innermost = i == at.path().size() - 1;
            int depth = i;
            Optional<Markup> doc = switch (n) {
                case ResourceItem.Field f when within(f.nameRange(), offset) ->
                        resourceOf(at, depth).flatMap(r -> MclDescriptions.resourceParam(unit.catalog(), r.kind(), f.name()));
                case ResourceItem.MetaField m when within(m.propertyRange(), offset) ->
                        MclDescriptions.metaParam(unit.catalog(), m.property());
                case Stmt.Resource r when within(r.kindRange(), offset) -> MclDescriptions.resourceKind(unit.catalog(), r.kind());
                case Expr e when !(e instanceof Expr.Str) || innermost -> MclDescriptions.type(unit, e);
                default -> Optional.empty();
            };
            if (doc.isPresent()) {
                TextRange about = switch (n) {
                    case ResourceItem.Field f -> f.nameRange();
                    case ResourceItem.MetaField m -> m.propertyRange();
                    case Stmt.Resource r -> r.kindRange();
                    default -> n.range();
                };
                return Optional.of(new Info(doc.get(), inDocument(cursor, unit, about)));
            }
            if (n instanceof Stmt) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<Stmt.Resource> resourceOf(Cursor.Mcl at, int below) {
        for (int i = below - 1; i >= 0; i--) {
            if (at.path().get(i) instanceof Stmt.Resource r) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static boolean within(TextRange r, int offset) {
        return r != null && r.start() <= offset && offset <= r.end();
    }

    /** A program range as a range of the cursor's document, when it is written there. */
    static TextRange inDocument(Cursor cursor, MclUnit unit, TextRange programRange) {
        return unit.map().toSource(programRange)
                .filter(l -> l.file().equals(cursor.document().path()))
                .map(l -> l.range())
                .orElse(null);
    }
}
