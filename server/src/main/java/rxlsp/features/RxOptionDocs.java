package rxlsp.features;

import java.util.List;
import java.util.Optional;
import rxlsp.analysis.Cursor;
import rxlsp.embed.ResSchema;
import rxlsp.embed.RxOptions;
import rxlsp.nix.NixAttrPath;
import rxlsp.nix.SyntaxNode;
import rxlsp.text.TextRange;

/**
 * Hover on the Nix side: the rx.nix option an attribute name defines ({@code rx.mcl.raw},
 * {@code rx.mgmt.package}, an {@code rx.res} kind or field), with its type, default and what it
 * does, and for text rx.nix turns into MCL the line it becomes in {@code main.mcl}.
 */
final class RxOptionDocs {
    private static final String NIX = "nix";
    private static final String RX = "rx";
    private static final String RES = "res";

    private RxOptionDocs() {
    }

    /** The rx option path at the cursor ({@code config.} dropped), when the cursor is on an attribute name. */
    static Optional<List<NixAttrPath.Name>> optionPath(Cursor cursor) {
        if (cursor.nixPath().isEmpty()) {
            return Optional.empty();
        }
        return NixAttrPath.at(cursor.nixPath(), cursor.offset(), cursor.document().text()).map(names -> {
            if (!names.isEmpty() && names.get(0).name().equals("config")) {
                return names.subList(1, names.size());
            }
            return names;
        }).filter(names -> !names.isEmpty() && names.get(0).name().equals(RX));
    }

    /** @param resOnly answer only for {@code rx.res} paths */
    static Optional<Hover.Info> hover(Cursor cursor, boolean resOnly) {
        Optional<List<NixAttrPath.Name>> found = optionPath(cursor);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<NixAttrPath.Name> path = found.get();
        SyntaxNode last = path.get(path.size() - 1).attr();
        if (!(last.start() <= cursor.offset() && cursor.offset() <= last.end())) {
            return Optional.empty(); // on the value, not on the name
        }
        List<String> names = path.stream().map(NixAttrPath.Name::name).toList();
        if (resOnly && !(names.size() >= 3 && names.get(1).equals(RES))) {
            return Optional.empty();
        }
        Optional<Markup> doc = names.size() >= 3 && names.get(1).equals(RES) ? res(names, cursor) : option(names);
        return doc.map(d -> new Hover.Info(d, new TextRange(last.start(), last.end())));
    }

    private static Optional<Markup> option(List<String> names) {
        return RxOptions.of(names).map(o -> Markup.builder()
                .code(NIX, shown(names) + " : " + o.type() + (o.defaultText().equals("none") ? "" : " = " + o.defaultText()))
                .text(o.description()).build());
    }

    private static Optional<Markup> res(List<String> names, Cursor cursor) {
        Optional<ResSchema.Kind> kind = ResSchema.builtIn().kind(names.get(2));
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        ResSchema.Kind k = kind.get();
        Markup.Builder b = Markup.builder();
        switch (names.size()) {
            case 3 -> {
                StringBuilder fields = new StringBuilder();
                k.fields().forEach((f, t) -> fields.append("  ").append(f).append(" : null or ").append(t).append('\n'));
                b.code(NIX, "rx.res." + k.nixName() + ".<name> = {\n" + fields + "};");
                b.text("resources of mgmt's kind `" + k.mgmtName() + "`, one per attribute name; each field renders as a `"
                        + k.mgmtName() + "` parameter in main.mcl (fields left `null` are not written)");
            }
            case 4 -> b.code(NIX, shown(names) + " : " + k.nixName() + " resource")
                    .text("renders as `" + k.mgmtName() + " \"" + names.get(3) + "\" { … }` in main.mcl");
            case 5 -> {
                String type = k.fields().get(names.get(4));
                if (type == null) {
                    return Optional.empty();
                }
                b.code(NIX, shown(names) + " : null or " + type + " = null");
                b.text("renders as the `" + names.get(4) + "` parameter of `" + k.mgmtName() + " \"" + names.get(3) + "\"`");
            }
            default -> {
                return Optional.empty();
            }
        }
        cursor.mcl().filter(Cursor.Mcl::generated).ifPresent(m -> b.code("mcl", lineOf(m.unit().text(), m.programOffset())));
        return Optional.of(b.build());
    }

    /** An attribute path as Nix writes it (names that are not identifiers quoted). */
    private static String shown(List<String> names) {
        return String.join(".", names.stream().map(rxlsp.nix.AttrNames::display).toList());
    }

    private static String lineOf(String text, int offset) {
        int start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        int end = text.indexOf('\n', offset);
        return text.substring(start, end < 0 ? text.length() : end).strip();
    }
}
