package rxlsp.analysis;

import java.util.List;
import java.util.Optional;
import rxlsp.mcl.ast.Node;
import rxlsp.nix.SyntaxNode;

/**
 * What is at one offset of a document, in both languages: the Nix nodes around it (root first) and,
 * when the offset is inside MCL, the MCL program and nodes there.
 *
 * @param nixPath the Nix nodes containing the offset, the root first; empty for non-Nix documents
 * @param mcl     the MCL at the offset, if any
 */
public record Cursor(DocumentModel document, int offset, List<SyntaxNode> nixPath, Optional<Mcl> mcl) {
    public Cursor {
        nixPath = List.copyOf(nixPath);
    }

    /**
     * The MCL at the offset.
     *
     * @param unit           the program the offset is part of
     * @param programOffset  the offset in the program's text
     * @param path           the MCL nodes containing it, the program first
     * @param generated      true when the offset is on Nix text rx.nix turns into MCL itself (the
     *                       name of an {@code rx.mcl.vars} attribute), not on copied MCL text
     */
    public record Mcl(MclUnit unit, int programOffset, List<Node> path, boolean generated) {
        public Mcl {
            path = List.copyOf(path);
        }

        public Node innermost() {
            return path.get(path.size() - 1);
        }

        /** The innermost node of the given type around the offset. */
        public <T extends Node> Optional<T> nearest(Class<T> type) {
            for (int i = path.size() - 1; i >= 0; i--) {
                if (type.isInstance(path.get(i))) {
                    return Optional.of(type.cast(path.get(i)));
                }
            }
            return Optional.empty();
        }
    }

    /** The innermost Nix node, if the document is Nix. */
    public Optional<SyntaxNode> nixNode() {
        return nixPath.isEmpty() ? Optional.empty() : Optional.of(nixPath.get(nixPath.size() - 1));
    }
}
