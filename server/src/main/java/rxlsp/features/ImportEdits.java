package rxlsp.features;

import java.util.List;
import java.util.Optional;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.FragmentRole;
import rxlsp.embed.FragmentSite;
import rxlsp.mcl.ast.Stmt;
import rxlsp.nix.NixNodes;
import rxlsp.nix.SyntaxNode;
import rxlsp.text.TextEdit;

/**
 * The edit that makes a program import a package: in an rx.nix configuration an entry of
 * {@code rx.mcl.imports} in the module being edited (added to its list when it has one, else a new
 * definition next to the module's MCL, spelt like it), in a {@code .mcl} file an {@code import} line.
 */
final class ImportEdits {
    private ImportEdits() {
    }

    /** The edit of {@code doc} that imports {@code pkg}; empty where there is no such place (a marked string). */
    static Optional<TextEdit> adding(DocumentModel doc, MclUnit unit, String pkg) {
        String entry = "\"" + pkg + "\"";
        switch (unit.kind()) {
            case FILE -> {
                int at = 0;
                for (Stmt s : unit.program().statements()) {
                    if (s instanceof Stmt.Import i) {
                        at = Math.max(at, lineEnd(doc.text(), i.range().end()));
                    }
                }
                return Optional.of(new TextEdit(at, at, "import " + entry + "\n"));
            }
            case PROGRAM -> {
                if (doc.scan() == null || doc.nix() == null) {
                    return Optional.empty();
                }
                List<FragmentSite> sites = doc.scan().sites();
                FragmentSite lastImport = null;
                for (FragmentSite s : sites) {
                    if (s.role() == FragmentRole.IMPORT) {
                        lastImport = s;
                    }
                }
                if (lastImport != null) {
                    int at = lastImport.expression().end();
                    return Optional.of(new TextEdit(at, at, " " + entry));
                }
                for (FragmentSite s : sites) {
                    if (s.role() == FragmentRole.RAW || s.role() == FragmentRole.VAR) {
                        Optional<TextEdit> beside = besideBinding(doc, s, entry);
                        if (beside.isPresent()) {
                            return beside;
                        }
                    }
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * {@code …imports = [ "pkg" ];} on a line of its own before the binding that names the site's
     * option ({@code raw} or {@code vars}), with the same path before it: {@code rx.mcl.raw = …}
     * gets {@code rx.mcl.imports}, {@code raw = …} inside {@code mcl = { … }} gets {@code imports}.
     */
    private static Optional<TextEdit> besideBinding(DocumentModel doc, FragmentSite site, String entry) {
        String option = site.role() == FragmentRole.RAW ? "raw" : "vars";
        String text = doc.text();
        List<SyntaxNode> path = NixNodes.pathAt(doc.nix().root(), site.expression().start());
        for (int i = path.size() - 1; i >= 0; i--) {
            SyntaxNode binding = path.get(i);
            if (!binding.is("binding")) {
                continue;
            }
            Optional<SyntaxNode> attrpath = binding.child("attrpath");
            List<SyntaxNode> attrs = attrpath.map(p -> p.children("attr")).orElse(List.of());
            SyntaxNode named = null;
            for (SyntaxNode attr : attrs) {
                if (attr.text(text).equals(option)) {
                    named = attr;
                }
            }
            if (named == null) {
                continue;
            }
            String prefix = text.substring(attrpath.get().start(), named.start());
            int lineStart = text.lastIndexOf('\n', Math.max(0, binding.start() - 1)) + 1;
            String indent = text.substring(lineStart, binding.start());
            if (!indent.isBlank()) {
                return Optional.empty(); // not on a line of its own: no safe place for a new line
            }
            return Optional.of(new TextEdit(lineStart, lineStart, indent + prefix + "imports = [ " + entry + " ];\n"));
        }
        return Optional.empty();
    }

    private static int lineEnd(String text, int offset) {
        int nl = text.indexOf('\n', offset);
        return nl < 0 ? text.length() : nl + 1;
    }
}
