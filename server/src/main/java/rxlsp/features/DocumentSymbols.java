package rxlsp.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.SourceLocation;
import rxlsp.mcl.ast.Stmt;
import rxlsp.nix.AttrNames;
import rxlsp.nix.SyntaxNode;
import rxlsp.text.TextRange;

/**
 * The outline of a document: the Nix attribute structure (each binding, nested as the sets nest, as
 * nil shows it) and, nested under the attribute whose string holds them, the MCL definitions inside
 * (resources, classes, functions, variables, imports). A {@code .mcl} file's outline is its MCL.
 */
public final class DocumentSymbols {
    /** Nix nesting followed this deep at most; deeper structure is left out of the outline. */
    private static final int MAX_DEPTH = 200;

    private DocumentSymbols() {
    }

    /** What a symbol names. */
    public enum Kind { ATTRIBUTE, BINDING, RESOURCE, CLASS, FUNCTION, VARIABLE, IMPORT }

    /**
     * One entry of the outline.
     *
     * @param range     everything it covers in the document
     * @param selection its name
     */
    public record Symbol(String name, String detail, Kind kind, TextRange range, TextRange selection, List<Symbol> children) {
        public Symbol {
            children = List.copyOf(children);
        }
    }

    public static List<Symbol> of(DocumentModel doc) {
        List<Symbol> mcl = new ArrayList<>();
        for (MclUnit unit : doc.units()) {
            mcl.addAll(mclSymbols(unit, unit.program().statements(), doc, 0));
        }
        if (doc.nix() == null) {
            return mcl;
        }
        List<MutableSymbol> nix = new ArrayList<>();
        nixSymbols(doc.nix().root(), null, doc.text(), nix, 0);
        List<Symbol> loose = new ArrayList<>();
        for (Symbol s : mcl) {
            if (!place(s, nix)) {
                loose.add(s);
            }
        }
        List<Symbol> out = new ArrayList<>(nix.stream().map(MutableSymbol::freeze).toList());
        out.addAll(loose);
        out.sort((a, b) -> a.range().compareTo(b.range()));
        return out;
    }

    // ---------------------------------------------------------------- MCL

    /** The MCL definitions of a unit that are written in {@code doc}, as outline entries. */
    static List<Symbol> mclSymbols(MclUnit unit, List<Stmt> statements, DocumentModel doc, int depth) {
        List<Symbol> out = new ArrayList<>();
        for (Stmt s : statements) {
            Optional<Symbol> sym = mclSymbol(unit, s, doc, depth);
            sym.ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Symbol> mclSymbol(MclUnit unit, Stmt s, DocumentModel doc, int depth) {
        if (!unit.map().copied(s.range().start())) {
            return Optional.empty(); // written by rx.nix from a Nix attribute the Nix outline already shows
        }
        String name;
        String detail = "";
        Kind kind;
        TextRange selection;
        List<Stmt> inner = List.of();
        switch (s) {
            case Stmt.Resource r -> {
                name = r.kind() + " " + text(unit, r.name().range());
                kind = Kind.RESOURCE;
                selection = r.kindRange().cover(r.name().range());
            }
            case Stmt.Class c -> {
                name = String.join(":", c.path());
                kind = Kind.CLASS;
                selection = c.nameRange();
                inner = c.body();
            }
            case Stmt.Func f -> {
                name = f.name();
                kind = Kind.FUNCTION;
                selection = f.nameRange();
            }
            case Stmt.Bind b -> {
                name = "$" + b.name();
                kind = Kind.VARIABLE;
                selection = b.nameRange();
            }
            case Stmt.Import i -> {
                name = i.path();
                detail = i.alias() == null ? "" : "as " + i.alias();
                kind = Kind.IMPORT;
                selection = i.pathRange();
            }
            default -> {
                return Optional.empty();
            }
        }
        Optional<SourceLocation> range = unit.map().toSource(s.range()).filter(l -> l.file().equals(doc.path()));
        Optional<SourceLocation> sel = unit.map().toSource(selection).filter(l -> l.file().equals(doc.path()));
        if (range.isEmpty() || sel.isEmpty()) {
            return Optional.empty();
        }
        TextRange whole = range.get().range().cover(sel.get().range());
        List<Symbol> children = depth < MAX_DEPTH ? mclSymbols(unit, inner, doc, depth + 1) : List.of();
        return Optional.of(new Symbol(name, detail, kind, whole, sel.get().range(), children));
    }

    private static String text(MclUnit unit, TextRange r) {
        return unit.shown(r);
    }

    // ---------------------------------------------------------------- Nix

    /** A Nix outline entry while the MCL entries are being placed into it. */
    private record MutableSymbol(Symbol base, List<MutableSymbol> nested, List<Symbol> mcl) {
        Symbol freeze() {
            List<Symbol> children = new ArrayList<>(nested.stream().map(MutableSymbol::freeze).toList());
            children.addAll(mcl);
            children.sort((a, b) -> a.range().compareTo(b.range()));
            return new Symbol(base.name(), base.detail(), base.kind(), base.range(), base.selection(), children);
        }
    }

    /** @param parent the node {@code node} is a child of, null for the root */
    private static void nixSymbols(SyntaxNode node, SyntaxNode parent, String text, List<MutableSymbol> into, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (SyntaxNode child : node.children()) {
            if (child.isError()) {
                continue;
            }
            if (child.is("binding")) {
                Optional<SyntaxNode> path = child.child("attrpath");
                if (path.isEmpty()) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                for (SyntaxNode attr : path.get().children("attr")) {
                    names.add(AttrNames.staticName(attr, text).orElse(attr.text(text)));
                }
                // the bindings of `let … in` are variables; those of a set are its attributes
                boolean let = parent != null && parent.is("let_expression");
                MutableSymbol sym = new MutableSymbol(new Symbol(String.join(".", names), "", let ? Kind.BINDING : Kind.ATTRIBUTE,
                        child.range(), path.get().range(), List.of()), new ArrayList<>(), new ArrayList<>());
                into.add(sym);
                child.child("expression").ifPresent(e -> nixSymbols(e, child, text, sym.nested(), depth + 1));
            } else {
                nixSymbols(child, node, text, into, depth + 1);
            }
        }
    }

    /** Puts an MCL entry under the innermost Nix entry containing it; false when none does. */
    private static boolean place(Symbol mcl, List<MutableSymbol> nix) {
        for (MutableSymbol n : nix) {
            if (n.base().range().start() <= mcl.range().start() && mcl.range().end() <= n.base().range().end()) {
                if (!place(mcl, n.nested())) {
                    n.mcl().add(mcl);
                }
                return true;
            }
        }
        return false;
    }
}
