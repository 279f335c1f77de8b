package rxlsp.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import rxlsp.text.Diagnostic;
import rxlsp.text.Severity;
import rxlsp.text.TextRange;

/**
 * Renders {@code rx.res} the way rx.nix's renderer does: kinds, instance names and fields in byte
 * order, {@code null} fields dropped, all-null instances skipped, each field as
 * {@code "  %-8s => <literal>,"}. It also warns where that rendering is not MCL mgmt accepts.
 */
final class ResRenderer {
    private final StringBuilder text;
    private final List<SourceMap.Piece> pieces;
    private final List<TextRange> holes;
    private final FragmentReader reader;
    private final List<FileDiagnostic> problems;

    ResRenderer(StringBuilder text, List<SourceMap.Piece> pieces, List<TextRange> holes, FragmentReader reader,
                List<FileDiagnostic> problems) {
        this.text = text;
        this.pieces = pieces;
        this.holes = holes;
        this.reader = reader;
        this.problems = problems;
    }

    /** A field definition with its module. */
    record Def(ResField field, ModuleScan module) {
    }

    void render(List<ModuleScan> modules) {
        Map<String, Map<String, Map<String, List<Def>>>> res = new TreeMap<>(ByteOrder.UTF8);
        for (ModuleScan m : modules) {
            for (ResField f : m.resFields()) {
                res.computeIfAbsent(f.kind(), k -> new TreeMap<>(ByteOrder.UTF8))
                        .computeIfAbsent(f.name(), k -> new TreeMap<>(ByteOrder.UTF8))
                        .computeIfAbsent(f.field(), k -> new ArrayList<>()).add(new Def(f, m));
            }
        }
        res.forEach((kind, instances) -> instances.forEach((name, fields) -> instance(kind, name, fields)));
    }

    private void instance(String kind, String name, Map<String, List<Def>> fields) {
        List<Def> shown = new ArrayList<>();
        for (List<Def> defs : fields.values()) {
            int best = defs.stream().mapToInt(d -> d.field().priority().override()).min().orElse(0);
            Def d = defs.stream().filter(x -> x.field().priority().override() == best).findFirst().orElseThrow();
            if (!(d.field().value() instanceof NixValue.Null)) {
                shown.add(d);
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        Def first = shown.get(0);
        int start = text.length();
        text.append(kind);
        piece(start, first, first.field().kindRange());
        text.append(' ');
        start = text.length();
        text.append(GoFormat.quote(name));
        piece(start, first, first.field().nameRange());
        text.append(" {\n");
        for (Def d : shown) {
            text.append("  ");
            start = text.length();
            text.append(d.field().field());
            piece(start, d, d.field().fieldRange());
            text.append(" ".repeat(Math.max(0, 8 - d.field().field().length()))).append(" => ");
            start = text.length();
            value(d.field().value(), d, 4);
            piece(start, d, d.field().value().node().range());
            text.append(",\n");
        }
        text.append("}\n\n");
    }

    private void piece(int start, Def d, TextRange origin) {
        pieces.add(new SourceMap.Piece(start, text.length(), null, 0, new SourceLocation(d.module().file(), origin)));
    }

    private void value(NixValue v, Def d, int indent) {
        switch (v) {
            case NixValue.Str s -> {
                FragmentReader.StringValue value = reader.stringValue(s.node(), d.module());
                quoteAroundHoles(value);
                ResHazards.string(value, s, d, problems);
            }
            case NixValue.Int i -> {
                text.append(GoFormat.floatV(i.value()));
                ResHazards.number(i.value(), i, d, problems);
            }
            case NixValue.Float f -> {
                text.append(GoFormat.floatV(f.value()));
                ResHazards.number(f.value(), f, d, problems);
            }
            case NixValue.Bool b -> text.append(b.value());
            case NixValue.Null n -> text.append("<nil>");
            case NixValue.ListV l -> {
                text.append('[');
                for (int i = 0; i < l.elements().size(); i++) {
                    text.append(i == 0 ? "" : ", ");
                    value(l.elements().get(i), d, indent);
                }
                text.append(']');
            }
            case NixValue.Attrs a -> {
                ResHazards.attrs(a, d, problems);
                if (a.entries().isEmpty()) {
                    text.append("{}");
                    return;
                }
                text.append("{\n");
                Map<String, NixValue> sorted = new TreeMap<>(ByteOrder.UTF8);
                sorted.putAll(a.entries());
                sorted.forEach((k, e) -> {
                    text.append(" ".repeat(indent)).append(identifierLike(k) ? k : GoFormat.quote(k)).append(": ");
                    value(e, d, indent + 2);
                    text.append(",\n");
                });
                text.append(" ".repeat(indent - 2)).append('}');
            }
            case NixValue.Opaque o -> {
                int start = text.length();
                text.append("${").append(o.node().text(d.module().text())).append('}');
                holes.add(new TextRange(start, text.length()));
            }
        }
    }

    /** Go-quotes the known text; a Nix interpolation is printed as its source, unquoted, and marked a hole. */
    private void quoteAroundHoles(FragmentReader.StringValue value) {
        String v = value.value();
        String quoted = GoFormat.quote(v);
        if (value.holes().isEmpty()) {
            text.append(quoted);
            return;
        }
        text.append('"');
        int at = 0;
        for (TextRange h : value.holes()) {
            String part = GoFormat.quote(v.substring(at, h.start()));
            text.append(part, 1, part.length() - 1);
            int start = text.length();
            text.append(v, h.start(), h.end());
            holes.add(new TextRange(start, text.length()));
            at = h.end();
        }
        String rest = GoFormat.quote(v.substring(at));
        text.append(rest, 1, rest.length() - 1).append('"');
    }

    /** rx.nix prints a map key bare when it is made of ASCII letters, digits and {@code _-.:/$}, not starting with a digit. */
    private static boolean identifierLike(String k) {
        if (k.isEmpty() || Character.isDigit(k.charAt(0))) {
            return false;
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_-.:/$".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static FileDiagnostic warning(Def d, TextRange range, String code, String message) {
        return new FileDiagnostic(d.module().file(),
                new Diagnostic(range, Severity.WARNING, "rx", "syntax", code, message, List.of()));
    }
}
