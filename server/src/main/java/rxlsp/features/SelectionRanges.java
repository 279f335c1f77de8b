package rxlsp.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rxlsp.analysis.Cursor;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.SourceLocation;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.Stmt;
import rxlsp.nix.SyntaxNode;
import rxlsp.text.TextRange;

/**
 * What "expand selection" grows through from a position, innermost first: inside MCL the expression,
 * the enclosing expressions, the statement, the block of statements it stands in, the enclosing
 * statements; then the text of the Nix string holding the MCL, the string with its quotes, and the Nix
 * around it (the attribute binding, the attribute set, …) up to the whole file. A {@code .mcl} file ends
 * with the whole program. Every range strictly contains the one before.
 */
public final class SelectionRanges {
    private static final List<String> NIX_STRINGS = List.of("string_expression", "indented_string_expression");

    private SelectionRanges() {
    }

    public static List<TextRange> at(Cursor cursor) {
        Chain chain = new Chain(cursor.offset());
        cursor.mcl().filter(m -> !m.generated()).ifPresent(m -> mcl(m, cursor, chain));
        List<SyntaxNode> nix = cursor.nixPath();
        for (int i = nix.size() - 1; i >= 0; i--) {
            SyntaxNode n = nix.get(i);
            if (NIX_STRINGS.contains(n.type()) && n.children().size() >= 2) {
                chain.add(new TextRange(n.children().getFirst().end(), n.children().getLast().start()));
            }
            chain.add(n.range());
        }
        if (nix.isEmpty()) {
            chain.add(new TextRange(0, cursor.document().text().length()));
        }
        return chain.ranges;
    }

    private static void mcl(Cursor.Mcl m, Cursor cursor, Chain chain) {
        List<Node> path = m.path();
        for (int i = path.size() - 1; i >= 0; i--) {
            Node n = path.get(i);
            if (n instanceof Program) {
                continue; // an assembled program spans many strings and files: the Nix side takes over
            }
            inDocument(m.unit(), cursor, n.range()).ifPresent(chain::add);
            if (n instanceof Stmt s && i > 0) {
                body(path.get(i - 1), s).flatMap(b -> inDocument(m.unit(), cursor, b)).ifPresent(chain::add);
            }
        }
    }

    /** The statements of the block {@code s} stands in, as one range (from the first to the last). */
    private static Optional<TextRange> body(Node parent, Stmt s) {
        List<List<Stmt>> blocks = switch (parent) {
            case Stmt.If i -> i.otherwise() == null ? List.of(i.then()) : List.of(i.then(), i.otherwise());
            case Stmt.For f -> List.of(f.body());
            case Stmt.ForKv f -> List.of(f.body());
            case Stmt.Class c -> List.of(c.body());
            default -> List.of();
        };
        for (List<Stmt> block : blocks) {
            if (block.contains(s)) {
                return Optional.of(new TextRange(block.getFirst().range().start(), block.getLast().range().end()));
            }
        }
        return Optional.empty();
    }

    private static Optional<TextRange> inDocument(MclUnit unit, Cursor cursor, TextRange programRange) {
        if (!unit.map().copied(programRange.start())) {
            return Optional.empty();
        }
        return unit.map().toSource(programRange).filter(at -> at.file().equals(cursor.document().path())).map(SourceLocation::range);
    }

    /** Ranges that contain the offset, each strictly larger than the last. */
    private static final class Chain {
        private final int offset;
        private final List<TextRange> ranges = new ArrayList<>();

        Chain(int offset) {
            this.offset = offset;
        }

        void add(TextRange r) {
            if (r.start() > offset || r.end() < offset) {
                return;
            }
            TextRange last = ranges.isEmpty() ? null : ranges.getLast();
            if (last == null || r.start() <= last.start() && last.end() <= r.end() && r.length() > last.length()) {
                ranges.add(r);
            }
        }
    }
}
