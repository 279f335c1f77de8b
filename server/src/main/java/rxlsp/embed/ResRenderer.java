package rxlsp.embed;

import rxlsp.embed.ResMerge.Def;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
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
    private final NixVersion nix;

    ResRenderer(StringBuilder text, List<SourceMap.Piece> pieces, List<TextRange> holes, FragmentReader reader,
                List<FileDiagnostic> problems, NixVersion nix) {
        this.nix = nix;
        this.text = text;
        this.pieces = pieces;
        this.holes = holes;
        this.reader = reader;
        this.problems = problems;
    }

    void render(List<ModuleNode> order) {
        ResMerge.of(order, Merge.OPTIMISTIC).forEach((kind, instances) -> instances.forEach(this::instance));
    }

    private void instance(String name, Map<String, ResMerge.Field> fields) {
        List<ResMerge.Field> shown = new ArrayList<>();
        for (ResMerge.Field f : fields.values()) {
            if (f.kept().stream().anyMatch(d -> !(d.field().value() instanceof NixValue.Null))) {
                shown.add(f);
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        Def first = nonNull(shown.get(0)).get(0);
        int start = text.length();
        text.append(first.field().kind());
        piece(start, first, first.field().kindRange());
        text.append(' ');
        start = text.length();
        text.append(GoFormat.quote(name));
        piece(start, first, first.field().nameRange());
        text.append(" {\n");
        for (ResMerge.Field f : shown) {
            List<Def> values = nonNull(f);
            Def d = values.get(0);
            text.append("  ");
            start = text.length();
            text.append(f.field());
            piece(start, d, d.field().fieldRange());
            text.append(" ".repeat(Math.max(0, 8 - f.field().length()))).append(" => ");
            merged(values);
            text.append(",\n");
        }
        text.append("}\n\n");
    }

    private static List<Def> nonNull(ResMerge.Field f) {
        return f.kept().stream().filter(d -> !(d.field().value() instanceof NixValue.Null)).toList();
    }

    /**
     * The merged value of a field: lists of several definitions are concatenated and attribute sets
     * joined (as {@code listOf} and {@code attrsOf} merge); of other values the module system accepts
     * only equal ones, so the first stands for all.
     */
    private void merged(List<Def> values) {
        if (values.size() > 1 && values.stream().allMatch(d -> d.field().value() instanceof NixValue.ListV)) {
            text.append('[');
            boolean firstElement = true;
            for (Def d : values) {
                for (NixValue e : ((NixValue.ListV) d.field().value()).elements()) {
                    text.append(firstElement ? "" : ", ");
                    firstElement = false;
                    int start = text.length();
                    value(e, d, 4);
                    piece(start, d, e.node().range());
                }
            }
            text.append(']');
        } else if (values.size() > 1 && values.stream().allMatch(d -> d.field().value() instanceof NixValue.Attrs)) {
            Map<String, NixValue> entries = new java.util.LinkedHashMap<>();
            Map<String, Def> from = new java.util.HashMap<>();
            for (Def d : values) {
                NixValue.Attrs a = (NixValue.Attrs) d.field().value();
                a.entries().forEach((k, v) -> {
                    if (!entries.containsKey(k)) {
                        entries.put(k, v);
                        from.put(k, d);
                    }
                });
            }
            ResHazards.attrs((NixValue.Attrs) values.get(0).field().value(), values.get(0), problems);
            attrs(entries, from, 4);
        } else {
            Def d = values.get(0);
            int start = text.length();
            value(d.field().value(), d, 4);
            piece(start, d, d.field().value().node().range());
        }
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
                double read = nix.throughJson(f.value());
                text.append(GoFormat.floatV(read));
                ResHazards.number(read, f, d, problems);
                if (read != f.value()) {
                    problems.add(warning(d, f.node().range(), DiagnosticCodes.RX_FLOAT_PRECISION, "Nix " + nix.setting()
                            + " writes this float with 6 significant digits in the JSON rx.nix renders from: it becomes `"
                            + GoFormat.floatV(read) + "`"));
                }
            }
            case NixValue.Bool b -> text.append(b.value());
            case NixValue.Null n -> text.append("<nil>");
            case NixValue.PathV p -> {
                int start = text.length();
                text.append("${").append(p.node().text(d.module().text())).append('}');
                holes.add(new TextRange(start, text.length()));
            }
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
                Map<String, Def> from = new java.util.HashMap<>();
                a.entries().keySet().forEach(k -> from.put(k, d));
                attrs(a.entries(), from, indent);
            }
            case NixValue.Opaque o -> {
                int start = text.length();
                text.append("${").append(o.node().text(d.module().text())).append('}');
                holes.add(new TextRange(start, text.length()));
            }
        }
    }

    private void attrs(Map<String, NixValue> entries, Map<String, Def> from, int indent) {
        if (entries.isEmpty()) {
            text.append("{}");
            return;
        }
        text.append("{\n");
        Map<String, NixValue> sorted = new TreeMap<>(ByteOrder.UTF8);
        sorted.putAll(entries);
        sorted.forEach((k, e) -> {
            text.append(" ".repeat(indent)).append(identifierLike(k) ? k : GoFormat.quote(k)).append(": ");
            value(e, from.get(k), indent + 2);
            text.append(",\n");
        });
        text.append(" ".repeat(indent - 2)).append('}');
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
