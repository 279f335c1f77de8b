package rxlsp.features;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import rxlsp.analysis.DocumentModel;
import rxlsp.embed.FragmentSite;
import rxlsp.nix.DecodedString;
import rxlsp.nix.NixStringDecoder;
import rxlsp.text.TextEdit;

/**
 * The two source actions between a raw block written in a Nix string and a {@code .mcl} file: move
 * the block into a new file next to the module (the string becomes {@code builtins.readFile ./x.mcl}),
 * and put a read file's text back into the module as an indented string.
 */
final class RawBlockFiles {
    private RawBlockFiles() {
    }

    /** Move a raw block's string into a new {@code .mcl} file; not for strings with Nix interpolations. */
    static Optional<CodeActions.Action> extract(DocumentModel doc, FragmentSite site, Predicate<Path> exists) {
        DecodedString decoded = NixStringDecoder.decode(site.string(), doc.text());
        if (!decoded.holes().isEmpty() || doc.path().getParent() == null) {
            return Optional.empty(); // its text is only known after evaluating Nix
        }
        String base = doc.path().getFileName().toString().replaceFirst("\\.nix$", "");
        Path file = doc.path().resolveSibling(base + ".mcl");
        for (int n = 2; exists.test(file); n++) {
            file = doc.path().resolveSibling(base + "-" + n + ".mcl");
        }
        TextEdit edit = new TextEdit(site.string().start(), site.string().end(),
                "(builtins.readFile ./" + file.getFileName() + ")");
        return Optional.of(new CodeActions.Action("Move this raw block to " + file.getFileName(),
                CodeActions.Kind.REFACTOR_EXTRACT, null, Map.of(doc.path(), List.of(edit)), Map.of(file, decoded.value()), false));
    }

    /** Put the text of the file a raw block reads back into the module as an indented string. */
    static Optional<CodeActions.Action> inline(DocumentModel doc, FragmentSite site) {
        if (doc.configuration() == null) {
            return Optional.empty();
        }
        Optional<String> text = doc.configuration().textOf(site.readFile());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int lineStart = doc.text().lastIndexOf('\n', Math.max(0, site.expression().start() - 1)) + 1;
        String indent = doc.text().substring(lineStart, site.expression().start()).replaceAll("[^ \\t].*", "").replace('\t', ' ');
        return NixIndentedString.of(text.get(), indent + "  ").map(string -> new CodeActions.Action(
                "Inline " + site.readFile().getFileName() + " here", CodeActions.Kind.REFACTOR_INLINE, null,
                Map.of(doc.path(), List.of(new TextEdit(site.expression().start(), site.expression().end(), string))), Map.of(), false));
    }
}
