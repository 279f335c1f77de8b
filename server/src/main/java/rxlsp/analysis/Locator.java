package rxlsp.analysis;

import java.util.List;
import java.util.Optional;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.model.MclNodes;
import rxlsp.nix.NixNodes;
import rxlsp.nix.SyntaxNode;
import rxlsp.text.TextRange;

/**
 * The one way from a position to what is there, across languages: (document, offset) → the Nix node
 * path → when the offset is inside an MCL fragment, the program offset through the program's map →
 * the MCL node path (not inside a Nix {@code ${…}} of the fragment: that is Nix). A {@code .mcl}
 * document is the same path with an identity map. Every feature
 * starts here; going back is {@code unit.map().toSource(range)}.
 */
public final class Locator {
    private Locator() {
    }

    public static Cursor at(DocumentModel doc, int offset) {
        int at = Math.max(0, Math.min(offset, doc.text().length()));
        List<SyntaxNode> nix = doc.nix() == null ? List.of() : NixNodes.pathAt(doc.nix().root(), at);
        return new Cursor(doc, at, nix, mclAt(doc, at));
    }

    private static Optional<Cursor.Mcl> mclAt(DocumentModel doc, int offset) {
        for (MclUnit unit : doc.units()) {
            List<Integer> copied = unit.map().toProgram(doc.path(), offset);
            if (!copied.isEmpty()) {
                int p = copied.get(0);
                if (unit.inHole(p)) {
                    return Optional.empty(); // Nix code inside the MCL text: the Nix side answers
                }
                return Optional.of(new Cursor.Mcl(unit, p, MclNodes.pathAt(unit.program(), p), false));
            }
        }
        for (MclUnit unit : doc.units()) {
            List<TextRange> written = unit.map().writtenFor(doc.path(), offset);
            if (!written.isEmpty()) {
                // inside the run rx.nix wrote: the `$name` of a var, so the node is the binding's name
                int p = Math.min(written.get(0).start() + 1, written.get(0).end());
                List<Node> path = MclNodes.pathAt(unit.program(), p);
                return Optional.of(new Cursor.Mcl(unit, p, path, true));
            }
        }
        return Optional.empty();
    }
}
