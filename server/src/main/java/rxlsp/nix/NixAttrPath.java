package rxlsp.nix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The attribute path a position in a Nix file defines: {@code rx.mcl.vars.x} for the cursor on
 * {@code x} in {@code rx = { mcl.vars.x = …; };}. Each enclosing binding contributes its attrpath; in
 * the binding the cursor is in, only the names up to the one under the cursor count.
 */
public final class NixAttrPath {
    private NixAttrPath() {
    }

    /** One name of the path and where it is written. */
    public record Name(String name, SyntaxNode attr) {
    }

    /**
     * @param path the nodes around the position, the root first (see {@link NixNodes#pathAt})
     * @return the names, outermost first; empty when the position is not inside a binding, or a name
     *         on the way is not fixed at parse time ({@code ${e}})
     */
    public static Optional<List<Name>> at(List<SyntaxNode> path, int offset, String text) {
        List<Name> out = new ArrayList<>();
        boolean inBinding = false;
        for (int i = 0; i < path.size(); i++) {
            SyntaxNode n = path.get(i);
            if (!n.is("binding")) {
                continue;
            }
            SyntaxNode attrpath = n.child("attrpath").orElse(null);
            if (attrpath == null) {
                return Optional.empty();
            }
            boolean cursorInPath = attrpath.start() <= offset && offset <= attrpath.end();
            for (SyntaxNode attr : attrpath.children("attr")) {
                Optional<String> name = AttrNames.staticName(attr, text);
                if (name.isEmpty()) {
                    return Optional.empty();
                }
                out.add(new Name(name.get(), attr));
                if (cursorInPath && offset <= attr.end()) {
                    break;
                }
            }
            inBinding = true;
        }
        return inBinding ? Optional.of(out) : Optional.empty();
    }
}
