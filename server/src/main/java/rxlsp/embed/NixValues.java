package rxlsp.embed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rxlsp.nix.AttrNames;
import rxlsp.nix.SyntaxNode;

/** Reads the literal data of an {@code rx.res} field value; anything computed stays opaque. */
final class NixValues {
    private static final int MAX_DEPTH = 64;

    private NixValues() {
    }

    static NixValue read(SyntaxNode value, ModuleScanner.Env env, String text) {
        return read(value, env, text, 0);
    }

    private static NixValue read(SyntaxNode v, ModuleScanner.Env env, String text, int depth) {
        if (depth > MAX_DEPTH || v.hasError()) {
            return new NixValue.Opaque(v);
        }
        return switch (v.type()) {
            case "string_expression", "indented_string_expression" -> new NixValue.Str(v);
            case "integer_expression" -> integer(v, v.text(text), false);
            case "float_expression" -> floating(v, v.text(text), false);
            case "unary_expression" -> negated(v, env, text, depth);
            case "parenthesized_expression" ->
                    v.child("expression").map(e -> read(e, env, text, depth + 1)).orElse(new NixValue.Opaque(v));
            case "variable_expression" -> switch (v.text(text)) {
                case "true" -> new NixValue.Bool(v, true);
                case "false" -> new NixValue.Bool(v, false);
                case "null" -> new NixValue.Null(v);
                default -> env.lookup(v.text(text)).map(e -> read(e, env, text, depth + 1))
                        .orElse(new NixValue.Opaque(v));
            };
            case "list_expression" -> {
                List<NixValue> elements = new ArrayList<>();
                for (SyntaxNode e : v.children("element")) {
                    elements.add(read(e, env, text, depth + 1));
                }
                yield new NixValue.ListV(v, elements);
            }
            case "attrset_expression" -> attrs(v, env, text, depth).orElse(new NixValue.Opaque(v));
            case "path_expression", "hpath_expression", "spath_expression" -> new NixValue.PathV(v);
            case "apply_expression" -> Call.of(v, text).wrapper().filter(w -> w.effect() != Call.Effect.MERGE)
                    .map(w -> read(w.value(), env, text, depth + 1)).orElse(new NixValue.Opaque(v));
            default -> new NixValue.Opaque(v);
        };
    }

    private static NixValue negated(SyntaxNode v, ModuleScanner.Env env, String text, int depth) {
        Optional<SyntaxNode> operand = v.child("argument");
        boolean minus = v.children().stream().anyMatch(c -> c.is("-"));
        if (!minus || operand.isEmpty()) {
            return new NixValue.Opaque(v);
        }
        SyntaxNode o = operand.get();
        return switch (o.type()) {
            case "integer_expression" -> integer(v, o.text(text), true);
            case "float_expression" -> floating(v, o.text(text), true);
            default -> new NixValue.Opaque(v);
        };
    }

    private static NixValue integer(SyntaxNode node, String digits, boolean negative) {
        try {
            long n = Long.parseLong(digits);
            return new NixValue.Int(node, negative ? -n : n);
        } catch (NumberFormatException e) {
            return new NixValue.Opaque(node);
        }
    }

    /** Nix reads {@code -x} as {@code 0 - x}: {@code -0.0} is positive zero. */
    private static NixValue floating(SyntaxNode node, String literal, boolean negative) {
        try {
            double d = Double.parseDouble(literal);
            return new NixValue.Float(node, negative ? 0.0 - d : d);
        } catch (NumberFormatException e) {
            return new NixValue.Opaque(node);
        }
    }

    private static Optional<NixValue> attrs(SyntaxNode v, ModuleScanner.Env env, String text, int depth) {
        Map<String, NixValue> entries = new LinkedHashMap<>();
        for (SyntaxNode set : v.namedChildren()) {
            if (!set.is("binding_set")) {
                continue;
            }
            for (SyntaxNode b : set.namedChildren()) {
                if (!b.is("binding")) {
                    return Optional.empty(); // inherit: needs evaluation
                }
                List<SyntaxNode> path = b.child("attrpath").map(p -> p.children("attr")).orElse(List.of());
                Optional<String> name = path.size() == 1 ? AttrNames.staticName(path.get(0), text) : Optional.empty();
                Optional<SyntaxNode> e = b.child("expression");
                if (name.isEmpty() || e.isEmpty()) {
                    return Optional.empty();
                }
                entries.put(name.get(), read(e.get(), env, text, depth + 1));
            }
        }
        return Optional.of(new NixValue.Attrs(v, entries));
    }
}
