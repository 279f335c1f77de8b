package rxlsp.features;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.FragmentSite;
import rxlsp.embed.ModuleImport;
import rxlsp.mcl.ast.Stmt;
import rxlsp.text.TextRange;

/**
 * The file names a document links to: {@code builtins.readFile ./x.mcl} and {@code imports} paths in
 * Nix, {@code import "x.mcl"} and {@code import "dir/"} in a {@code .mcl} file.
 */
public final class DocumentLinks {
    private DocumentLinks() {
    }

    /** A link: the text that names the file, and the file. */
    public record Link(TextRange range, Path target) {
    }

    public static List<Link> of(DocumentModel doc) {
        List<Link> out = new ArrayList<>();
        if (doc.scan() != null) {
            for (ModuleImport imp : doc.scan().imports()) {
                Path target = imp.target().toString().endsWith(".nix") ? imp.target() : imp.target().resolve("default.nix");
                out.add(new Link(imp.range(), target));
            }
            for (FragmentSite s : doc.scan().sites()) {
                if (s.readFile() != null) {
                    out.add(new Link(s.expression().range(), s.readFile()));
                }
            }
        }
        if (doc.standalone() != null && doc.path().getParent() != null) {
            MclUnit unit = doc.standalone();
            for (Stmt s : unit.program().statements()) {
                if (s instanceof Stmt.Import i && (i.path().endsWith(".mcl") || i.path().endsWith("/")) && !i.path().contains("://")) {
                    Path target = doc.path().resolveSibling(i.path()).normalize();
                    out.add(new Link(i.pathRange(), i.path().endsWith("/") ? target.resolve("main.mcl") : target));
                }
            }
        }
        return out;
    }
}
