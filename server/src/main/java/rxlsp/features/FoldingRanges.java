package rxlsp.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.SourceLocation;
import rxlsp.mcl.ast.Comment;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.format.SourceLayout;
import rxlsp.mcl.model.MclNodes;
import rxlsp.nix.SyntaxNode;
import rxlsp.text.LineIndex;
import rxlsp.text.TextRange;

/**
 * The regions of a document an editor can fold: in MCL (inside Nix strings and {@code .mcl} files) every
 * bracketed construct that spans lines (resource, class and function bodies, the two branches of an
 * {@code if}, loops, lambdas, lists, maps, structs, argument lists), runs of comment lines and of
 * imports; in Nix the attribute sets, lists, {@code let} bindings, parenthesised expressions, argument
 * sets, multi-line strings and comments. A region runs from the line of its opener to the line before
 * its closer, so that the closer (and an {@code else} on its line) stays in view.
 */
public final class FoldingRanges {
    /** Nix nodes followed this deep at most. */
    private static final int MAX_DEPTH = 500;
    private static final String ELSE = "else";
    private static final String NIX_IN = "in";
    private static final String NIX_COMMENT = "comment";
    private static final List<String> NIX_BRACKETED = List.of("attrset_expression", "rec_attrset_expression",
            "let_attrset_expression", "list_expression", "parenthesized_expression", "formals",
            "indented_string_expression", "string_expression");

    /** MCL nodes whose last character is the bracket that closes them (an include only with arguments and no alias). */
    private static final Set<Class<? extends Node>> BRACKETED = Set.of(Stmt.Resource.class, Stmt.Collect.class, Stmt.If.class,
            Stmt.For.class, Stmt.ForKv.class, Stmt.Func.class, Stmt.Class.class, Stmt.Panic.class, Expr.ListLit.class,
            Expr.MapLit.class, Expr.StructLit.class, Expr.Call.class, Expr.Apply.class, Expr.Lambda.class);

    private FoldingRanges() {
    }

    public enum Kind { REGION, COMMENT, IMPORTS }

    /** Lines {@code startLine} to {@code endLine} (0-based, inclusive) fold under the start line. */
    public record Fold(int startLine, int endLine, Kind kind) {
    }

    public static List<Fold> of(DocumentModel doc) {
        Map<Long, Fold> folds = new LinkedHashMap<>(); // one per line pair: nested nodes often share both
        Folder folder = new Folder(doc.text(), doc.lines(), folds);
        for (MclUnit unit : doc.units()) {
            new MclFolds(unit, doc, folder).program();
        }
        if (doc.nix() != null) {
            nix(doc.nix().root(), folder, 0);
            List<TextRange> comments = new ArrayList<>();
            nixLineComments(doc.nix().root(), folder, comments, 0);
            folder.commentRuns(comments);
        }
        List<Fold> out = new ArrayList<>(folds.values());
        out.sort(Comparator.comparingInt(Fold::startLine).thenComparing(Comparator.comparingInt(Fold::endLine).reversed()));
        return out;
    }

    /** Turns document offsets into folds. */
    private record Folder(String text, LineIndex lines, Map<Long, Fold> out) {
        /** A region from the opener at {@code open} to the closer at {@code close} (both document offsets). */
        void bracketed(int open, int close, Kind kind) {
            int start = lines.lineOf(open);
            int closeLine = lines.lineOf(close);
            boolean closerFirst = text.substring(lines.lineStart(closeLine), close).isBlank();
            add(start, closerFirst ? closeLine - 1 : closeLine, kind);
        }

        /** Whole lines, from the line of {@code from} to the line of {@code to}. */
        void lines(int from, int to, Kind kind) {
            add(lines.lineOf(from), lines.lineOf(to), kind);
        }

        /** Runs of comments (document ranges, in order, each alone on its lines) on lines one after the other. */
        void commentRuns(List<TextRange> comments) {
            int i = 0;
            while (i < comments.size()) {
                int j = i;
                while (j + 1 < comments.size() && adjacent(comments.get(j), comments.get(j + 1))) {
                    j++;
                }
                if (j > i) {
                    lines(comments.get(i).start(), comments.get(j).end() - 1, Kind.COMMENT);
                }
                i = j + 1;
            }
        }

        private boolean adjacent(TextRange a, TextRange b) {
            return a.end() <= b.start() && lines.lineOf(b.start()) == lines.lineOf(a.end() - 1) + 1
                    && text.substring(a.end(), b.start()).isBlank();
        }

        boolean ownLine(int offset) {
            return text.substring(lines.lineStart(lines.lineOf(offset)), offset).isBlank();
        }

        private void add(int start, int end, Kind kind) {
            if (end > start) {
                out.putIfAbsent(((long) start << 32) | end, new Fold(start, end, kind));
            }
        }
    }

    // ---------------------------------------------------------------- MCL

    /** The folds of one MCL unit that are written in the document. */
    private static final class MclFolds {
        private final MclUnit unit;
        private final DocumentModel doc;
        private final Folder folder;
        private final SourceLayout layout;

        MclFolds(MclUnit unit, DocumentModel doc, Folder folder) {
            this.unit = unit;
            this.doc = doc;
            this.folder = folder;
            this.layout = new SourceLayout(unit.text(), unit.program().comments());
        }

        void program() {
            MclNodes.walk(unit.program(), this::node);
            comments();
            imports();
        }

        private void node(Node n) {
            if (n instanceof Stmt.If i && i.otherwise() != null) {
                int thenEnd = i.then().isEmpty() ? i.condition().range().end() : i.then().getLast().range().end();
                branches(i.range().start(), thenEnd, i.range().end());
            } else if (n instanceof Expr.If i) {
                branches(i.range().start(), i.then().range().end(), i.range().end());
            } else if (endsWithBracket(n)) {
                region(n);
            }
        }

        private static boolean endsWithBracket(Node n) {
            return BRACKETED.contains(n.getClass()) || n instanceof Stmt.Include i && i.args() != null && i.alias() == null;
        }

        /** A node whose last character is its closing bracket. */
        private void region(Node n) {
            bracketed(n.range().start(), n.range().end() - 1, Kind.REGION);
        }

        /**
         * An {@code if … { } else { }}: the then-branch up to its closing brace and the else-branch from
         * there, so that {@code } else {} stays in view when either is folded.
         */
        private void branches(int start, int thenEnd, int end) {
            int thenClose = layout.skipBlanks(thenEnd);
            if (thenClose >= unit.text().length() || unit.text().charAt(thenClose) != '}'
                    || !layout.next(thenClose + 1, ELSE)) {
                return;
            }
            bracketed(start, thenClose, Kind.REGION);
            bracketed(thenClose, end - 1, Kind.REGION);
        }

        private void bracketed(int open, int close, Kind kind) {
            Optional<Integer> from = inDocument(open);
            Optional<Integer> to = inDocument(close);
            if (from.isPresent() && to.isPresent() && from.get() < to.get()) {
                folder.bracketed(from.get(), to.get(), kind);
            }
        }

        /** Runs of comments on lines of their own, one after the other. */
        private void comments() {
            List<TextRange> own = new ArrayList<>();
            for (Comment c : unit.program().comments()) {
                if (c.ownLine()) {
                    Optional<Integer> a = inDocument(c.range().start());
                    Optional<Integer> b = inDocument(c.range().end() - 1);
                    if (a.isPresent() && b.isPresent() && a.get() <= b.get()) {
                        own.add(new TextRange(a.get(), b.get() + 1));
                    }
                }
            }
            folder.commentRuns(own);
        }

        /** Runs of top-level imports. */
        private void imports() {
            Stmt first = null;
            Stmt last = null;
            for (Stmt s : unit.program().statements()) {
                if (s instanceof Stmt.Import) {
                    first = first == null ? s : first;
                    last = s;
                    continue;
                }
                if (first != null) {
                    lines(first.range().start(), last.range().end() - 1, Kind.IMPORTS);
                }
                first = null;
            }
            if (first != null) {
                lines(first.range().start(), last.range().end() - 1, Kind.IMPORTS);
            }
        }

        private void lines(int from, int to, Kind kind) {
            Optional<Integer> a = inDocument(from);
            Optional<Integer> b = inDocument(to);
            if (a.isPresent() && b.isPresent()) {
                folder.lines(a.get(), b.get(), kind);
            }
        }

        /** The document offset of the program character at {@code offset}, if this document holds it. */
        private Optional<Integer> inDocument(int offset) {
            if (offset < 0 || offset >= unit.text().length() || !unit.map().copied(offset)) {
                return Optional.empty();
            }
            return unit.map().toSource(new TextRange(offset, offset + 1))
                    .filter(at -> at.file().equals(doc.path()))
                    .map(SourceLocation::range)
                    .map(TextRange::start);
        }
    }

    // ---------------------------------------------------------------- Nix

    private static void nix(SyntaxNode node, Folder folder, int depth) {
        if (depth > MAX_DEPTH || node.isError()) {
            return;
        }
        List<SyntaxNode> kids = node.children();
        if (NIX_BRACKETED.contains(node.type()) && kids.size() >= 2) {
            folder.bracketed(node.start(), kids.getLast().start(), Kind.REGION);
        } else if (node.is("let_expression")) {
            kids.stream().filter(k -> k.is(NIX_IN)).findFirst().ifPresent(in -> folder.bracketed(node.start(), in.start(), Kind.REGION));
        } else if (node.is(NIX_COMMENT)) {
            folder.lines(node.start(), Math.max(node.start(), node.end() - 1), Kind.COMMENT);
        }
        for (SyntaxNode k : kids) {
            nix(k, folder, depth + 1);
        }
    }

    /** The {@code #} comments of a Nix tree that stand on lines of their own, in order. */
    private static void nixLineComments(SyntaxNode node, Folder folder, List<TextRange> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        for (SyntaxNode k : node.children()) {
            if (k.is(NIX_COMMENT)) {
                if (folder.text().startsWith("#", k.start()) && folder.ownLine(k.start())) {
                    out.add(k.range());
                }
            } else {
                nixLineComments(k, folder, out, depth + 1);
            }
        }
    }
}
