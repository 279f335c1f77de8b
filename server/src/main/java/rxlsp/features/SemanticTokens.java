package rxlsp.features;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.SourceLocation;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.Param;
import rxlsp.mcl.ast.ResourceItem;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.ast.StringPart;
import rxlsp.mcl.model.Definition;
import rxlsp.mcl.model.MclNodes;
import rxlsp.mcl.model.Resolution;
import rxlsp.text.TextRange;

/**
 * Semantic colouring of the MCL in a document, where it is written: inside Nix strings too, so that
 * editors without a grammar for the injection still colour the MCL. The syntax tree and name
 * resolution say what names are (a resource kind, a parameter, a function of mgmt, a variable's
 * declaration); the lexer covers the rest and whatever did not parse. Tokens are single-line, never
 * cover Nix {@code ${…}} holes or the characters of a Nix escape, and are sorted.
 */
public final class SemanticTokens {
    private SemanticTokens() {
    }

    public enum Type { KEYWORD, TYPE, CLASS, VARIABLE, PARAMETER, PROPERTY, FUNCTION, NAMESPACE, STRING, NUMBER, OPERATOR, COMMENT }

    public enum Modifier { DECLARATION, READONLY, DEFAULT_LIBRARY }

    /** One token, in offsets of the document's text. */
    public record Token(TextRange range, Type type, Set<Modifier> modifiers) {
    }

    public static List<Token> of(DocumentModel doc) {
        return of(doc, StatementLexemes.none());
    }

    /** The tokens, lexing only the statements {@code lexemes} has not seen in the last answer for this document. */
    public static List<Token> of(DocumentModel doc, StatementLexemes lexemes) {
        lexemes.nextAnswer();
        List<Token> out = new ArrayList<>();
        for (MclUnit unit : doc.units()) {
            for (Token t : programTokens(unit, lexemes)) {
                place(doc, unit, t, out);
            }
        }
        out.sort((a, b) -> a.range().compareTo(b.range()));
        List<Token> disjoint = new ArrayList<>(out.size());
        int end = -1;
        for (Token t : out) {
            if (t.range().start() >= end) {
                disjoint.add(t);
                end = t.range().end();
            }
        }
        return disjoint;
    }

    /** The tokens of a program, in program offsets, sorted and disjoint. */
    static List<Token> programTokens(MclUnit unit, StatementLexemes lexemes) {
        List<Token> semantic = new ArrayList<>();
        Resolution resolution = unit.checked().resolution();
        MclNodes.walk(unit.program(), n -> fromTree(n, resolution, semantic));
        semantic.sort((a, b) -> a.range().compareTo(b.range()));
        List<Token> out = new ArrayList<>(semantic.size() * 2);
        int next = 0; // index into semantic
        StatementLexemes.Lexemes lex = lexemes.of(unit.text(), unit.parsed());
        for (int i = 0; i < lex.size(); i++) {
            int start = lex.starts()[i];
            int end = lex.ends()[i];
            while (next < semantic.size() && semantic.get(next).range().end() <= start) {
                out.add(semantic.get(next++));
            }
            boolean covered = next < semantic.size() && semantic.get(next).range().start() < end;
            Type type = covered ? null : switch (lex.kinds()[i]) {
                case KEYWORD, BOOL, CAPITALIZED -> Type.KEYWORD;
                case TYPE_NAME -> Type.TYPE;
                case STRING -> Type.STRING;
                case NUMBER -> Type.NUMBER;
                case OPERATOR -> Type.OPERATOR;
                case COMMENT -> Type.COMMENT;
                default -> null;
            };
            if (type != null) {
                out.add(new Token(new TextRange(start, end), type, Set.of()));
            }
        }
        while (next < semantic.size()) {
            out.add(semantic.get(next++));
        }
        out.sort((a, b) -> a.range().compareTo(b.range()));
        return out;
    }

    /** What the syntax tree says a node's names are. */
    private static void fromTree(Node n, Resolution resolution, List<Token> out) {
        switch (n) {
            case Stmt.Resource r -> out.add(token(r.kindRange(), Type.TYPE));
            case ResourceItem.Field f -> out.add(token(f.nameRange(), Type.PROPERTY));
            case ResourceItem.MetaField m -> out.add(token(m.propertyRange(), Type.PROPERTY));
            case Stmt.Bind b -> out.add(new Token(b.nameRange(), Type.VARIABLE, EnumSet.of(Modifier.DECLARATION)));
            case Stmt.Func f -> out.add(new Token(f.nameRange(), Type.FUNCTION, EnumSet.of(Modifier.DECLARATION)));
            case Stmt.Class c -> out.add(new Token(c.nameRange(), Type.CLASS, EnumSet.of(Modifier.DECLARATION)));
            case Stmt.Include i -> out.add(token(i.nameRange(), Type.CLASS));
            case Param p -> out.add(new Token(rxlsp.analysis.MclNames.paramName(p), Type.PARAMETER, EnumSet.of(Modifier.DECLARATION)));
            case Expr.Var v -> out.add(variable(v.range(), resolution.of(v)));
            case Expr.Call c -> call(c, resolution.of(c), out);
            case Expr.Str s -> string(s, resolution, out);
            default -> {
            }
        }
    }

    private static Token token(TextRange r, Type type) {
        return new Token(r, type, Set.of());
    }

    private static Token variable(TextRange r, Optional<Definition> d) {
        return switch (d.orElse(null)) {
            case Definition.Param p -> new Token(r, Type.PARAMETER, Set.of());
            case Definition.Global g -> new Token(r, Type.VARIABLE, EnumSet.of(Modifier.READONLY, Modifier.DEFAULT_LIBRARY));
            case null, default -> new Token(r, Type.VARIABLE, Set.of());
        };
    }

    /** {@code pkg.fn(…)}: the package as a namespace, the function as one (of mgmt's library or the program's). */
    private static void call(Expr.Call c, Optional<Definition> d, List<Token> out) {
        Set<Modifier> mods = d.orElse(null) instanceof Definition.Builtin ? EnumSet.of(Modifier.DEFAULT_LIBRARY) : Set.of();
        TextRange r = c.functionRange();
        int dot = c.function().lastIndexOf('.');
        if (dot > 0) {
            out.add(token(new TextRange(r.start(), r.start() + dot), Type.NAMESPACE));
            out.add(new Token(new TextRange(r.start() + dot + 1, r.end()), Type.FUNCTION, mods));
        } else {
            out.add(new Token(r, Type.FUNCTION, mods));
        }
    }

    /** A string literal, its interpolated names as variables in between. */
    private static void string(Expr.Str s, Resolution resolution, List<Token> out) {
        int at = s.range().start();
        for (StringPart p : s.parts()) {
            if (p instanceof StringPart.Interpolation i) {
                if (i.nameRange().start() > at) {
                    out.add(token(new TextRange(at, i.nameRange().start()), Type.STRING));
                }
                out.add(variable(i.nameRange(), resolution.of(i)));
                at = i.nameRange().end();
            }
        }
        if (s.range().end() > at) {
            out.add(token(new TextRange(at, s.range().end()), Type.STRING));
        }
    }

    /**
     * Puts a program token into the document: only text copied from it, never a hole; split at line
     * breaks and wherever the written text differs from the MCL (a Nix escape), so that every piece
     * covers exactly the characters that are the token's.
     */
    private static void place(DocumentModel doc, MclUnit unit, Token t, List<Token> out) {
        TextRange r = t.range();
        for (TextRange h : unit.holes()) { // a loop, not a stream: this runs for every token
            if (h.start() < r.end() && r.start() < h.end()) {
                return;
            }
        }
        if (!unit.map().copied(r.start())) {
            return;
        }
        Optional<SourceLocation> whole = unit.map().toSource(r);
        if (whole.isEmpty() || !whole.get().file().equals(doc.path())) {
            return;
        }
        TextRange mapped = whole.get().range();
        String text = doc.text();
        int newline = text.indexOf('\n', mapped.start());
        // as long as the MCL: written one for one (an escape or stripped indentation would be longer)
        if (mapped.length() == r.length() && (newline < 0 || newline >= mapped.end())) {
            if (mapped.length() > 0) {
                out.add(new Token(mapped, t.type(), t.modifiers()));
            }
            return;
        }
        // character by character: runs of characters written one for one, on one line
        int runStart = -1;
        int runEnd = -1;
        for (int i = r.start(); i < r.end(); i++) {
            Optional<SourceLocation> c = unit.map().toSource(new TextRange(i, i + 1));
            if (c.isEmpty()) {
                continue;
            }
            TextRange cr = c.get().range();
            boolean single = cr.length() == 1 && text.charAt(cr.start()) != '\n' && text.charAt(cr.start()) != '\r';
            if (single && cr.start() == runEnd) {
                runEnd++;
            } else {
                if (runStart >= 0 && runEnd > runStart) {
                    out.add(new Token(new TextRange(runStart, runEnd), t.type(), t.modifiers()));
                }
                runStart = single ? cr.start() : -1;
                runEnd = single ? cr.end() : -1;
            }
        }
        if (runStart >= 0 && runEnd > runStart) {
            out.add(new Token(new TextRange(runStart, runEnd), t.type(), t.modifiers()));
        }
    }
}
