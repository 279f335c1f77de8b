package rxlsp.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.FragmentRole;
import rxlsp.embed.FragmentSite;
import rxlsp.embed.ResField;
import rxlsp.embed.ResSchema;
import rxlsp.nix.NixNodes;
import rxlsp.nix.SyntaxNode;
import rxlsp.text.Diagnostic;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;

/**
 * The fix for an {@code rx.res} kind rx.nix renders under a name mgmt cannot parse
 * ({@code docker-container} for mgmt's {@code docker:container}): the resource is declared in
 * {@code rx.mcl.raw} instead, as the MCL rx.nix renders for it with mgmt's kind name, and its
 * {@code rx.res} definition is removed. Offered only where that is exact: one binding that defines
 * this one resource and nothing else, and values known without evaluating Nix.
 */
final class ResToRaw {
    private ResToRaw() {
    }

    static Optional<CodeActions.Action> action(DocumentModel doc, Diagnostic d) {
        if (doc.scan() == null || doc.nix() == null || doc.configuration() == null) {
            return Optional.empty();
        }
        List<ResField> fields = doc.scan().resFields().stream().filter(f -> f.kindRange().equals(d.range())).toList();
        Optional<MclUnit> unit = doc.configuration().programUnit();
        if (fields.isEmpty() || unit.isEmpty()) {
            return Optional.empty();
        }
        ResField first = fields.get(0);
        String mgmtKind = ResSchema.builtIn().kind(first.kind()).map(ResSchema.Kind::mgmtName).orElse(null);
        SyntaxNode binding = bindingOfKind(doc, d.range());
        if (mgmtKind == null || binding == null) {
            return Optional.empty();
        }
        boolean onlyThisResource = doc.scan().resFields().stream()
                .filter(f -> binding.start() <= f.fieldRange().start() && f.fieldRange().end() <= binding.end())
                .allMatch(f -> f.kind().equals(first.kind()) && f.name().equals(first.name()));
        Optional<String> mcl = rendered(doc, unit.get(), d.range(), first.kind(), mgmtKind);
        if (!onlyThisResource || mcl.isEmpty()) {
            return Optional.empty();
        }
        String text = doc.text();
        int lineStart = text.lastIndexOf('\n', Math.max(0, binding.start() - 1)) + 1;
        int lineEnd = text.indexOf('\n', binding.end());
        String indent = text.substring(lineStart, binding.start());
        if (!indent.isBlank() || lineEnd < 0 || !text.substring(binding.end(), lineEnd).isBlank()) {
            return Optional.empty(); // the binding does not have its lines to itself
        }
        List<TextEdit> edits = new ArrayList<>();
        Optional<String> block = NixIndentedString.of(mcl.get(), indent + "    ");
        if (block.isEmpty()) {
            return Optional.empty();
        }
        Optional<TextEdit> added = appendToRawList(doc, block.get());
        TextEdit remove = new TextEdit(lineStart, lineEnd + 1, "");
        if (added.isPresent()) {
            edits.add(added.get());
            edits.add(remove);
        } else {
            // no raw list in this module yet: one in place of the rx.res binding, spelt with its path
            String prefix = rxPrefix(doc, binding);
            if (prefix == null) {
                return Optional.empty();
            }
            String raw = indent + prefix + "mcl.raw = [ " + NixIndentedString.of(mcl.get(), indent + "  ").orElseThrow() + " ];\n";
            edits.add(new TextEdit(lineStart, lineEnd + 1, raw));
        }
        return Optional.of(new CodeActions.Action("Declare `" + first.name() + "` in rx.mcl.raw as `" + mgmtKind + "`",
                CodeActions.Kind.QUICK_FIX, d, Map.of(doc.path(), edits), Map.of(), true));
    }

    /** The innermost binding whose attrpath names the kind at {@code kindRange}. */
    private static SyntaxNode bindingOfKind(DocumentModel doc, TextRange kindRange) {
        List<SyntaxNode> path = NixNodes.pathAt(doc.nix().root(), kindRange.start());
        for (int i = path.size() - 1; i >= 0; i--) {
            SyntaxNode n = path.get(i);
            if (n.is("binding") && n.child("attrpath").map(p -> p.start() <= kindRange.start() && kindRange.end() <= p.end()).orElse(false)) {
                return n;
            }
        }
        return null;
    }

    /** What comes before {@code res} in the binding's path ({@code rx.} for {@code rx.res.x…}), or null. */
    private static String rxPrefix(DocumentModel doc, SyntaxNode binding) {
        String path = binding.child("attrpath").map(p -> p.text(doc.text())).orElse("");
        int res = path.indexOf("res.");
        return res < 0 ? null : path.substring(0, res);
    }

    /** The MCL rx.nix renders for the resource (its block of the program), with mgmt's kind name. */
    private static Optional<String> rendered(DocumentModel doc, MclUnit unit, TextRange kindRange, String kind, String mgmtKind) {
        List<TextRange> written = unit.map().writtenFor(doc.path(), kindRange.start());
        if (written.isEmpty()) {
            return Optional.empty();
        }
        int start = written.get(0).start();
        String shown = unit.shown();
        int end = shown.indexOf("\n}\n", start);
        if (end < 0 || !shown.startsWith(kind, start)) {
            return Optional.empty();
        }
        String block = mgmtKind + shown.substring(start + kind.length(), end + 3);
        if (block.contains("${")) {
            return Optional.empty(); // a value only Nix can compute
        }
        return Optional.of(block);
    }

    /** A new element at the end of the module's {@code rx.mcl.raw} list, when it has one written as a list. */
    private static Optional<TextEdit> appendToRawList(DocumentModel doc, String block) {
        for (FragmentSite s : doc.scan().sites()) {
            if (s.role() != FragmentRole.RAW) {
                continue;
            }
            List<SyntaxNode> path = NixNodes.pathAt(doc.nix().root(), s.expression().start());
            for (int i = path.size() - 1; i >= 0; i--) {
                if (path.get(i).is("list_expression")) {
                    int close = path.get(i).end() - 1;
                    return Optional.of(new TextEdit(close, close, block + " "));
                }
            }
        }
        return Optional.empty();
    }
}
