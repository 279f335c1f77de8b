package rxlsp.embed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import rxlsp.nix.AttrNames;
import rxlsp.nix.SyntaxNode;

/**
 * Reads the literal data of an {@code rx.res} field value; anything computed stays opaque. The
 * elements of a list and the values of an attribute set are definitions of their own for the module
 * system ({@code listOf} and {@code attrsOf} merge each one): one under {@code mkIf false} is left
 * out, one under a condition only Nix can evaluate is opaque.
 */
final class NixValues {
    private static final int MAX_DEPTH = 64;

    private final ModuleScanner.Env env;
    private final String text;
    private final Function<SyntaxNode, Condition> conditions;

    private NixValues(ModuleScanner.Env env, String text, Function<SyntaxNode, Condition> conditions) {
        this.env = env;
        this.text = text;
        this.conditions = conditions;
    }

    /** @param conditions what is known of an {@code mkIf} condition written in {@code env} */
    static NixValue read(SyntaxNode value, ModuleScanner.Env env, String text, Function<SyntaxNode, Condition> conditions) {
        return new NixValues(env, text, conditions).read(value, 0);
    }

    private NixValue read(SyntaxNode v, int depth) {
        if (depth > MAX_DEPTH || v.hasError()) {
            return new NixValue.Opaque(v);
        }
        return switch (v.type()) {
            case "string_expression", "indented_string_expression" -> new NixValue.Str(v);
            case "integer_expression" -> integer(v, v.text(text), false);
            case "float_expression" -> floating(v, v.text(text), false);
            case "unary_expression" -> negated(v);
            case "parenthesized_expression" ->
                    v.child("expression").map(e -> read(e, depth + 1)).orElse(new NixValue.Opaque(v));
            case "variable_expression" -> switch (v.text(text)) {
                case "true" -> new NixValue.Bool(v, true);
                case "false" -> new NixValue.Bool(v, false);
                case "null" -> new NixValue.Null(v);
                default -> env.lookup(v.text(text)).map(e -> read(e, depth + 1))
                        .orElse(new NixValue.Opaque(v));
            };
            case "list_expression" -> {
                List<NixValue> elements = new ArrayList<>();
                for (SyntaxNode e : v.children("element")) {
                    element(e, depth + 1).ifPresent(elements::add);
                }
                yield new NixValue.ListV(v, elements);
            }
            case "attrset_expression" -> attrs(v, depth).orElse(new NixValue.Opaque(v));
            case "path_expression", "hpath_expression", "spath_expression" -> new NixValue.PathV(v);
            case "apply_expression" -> Call.of(v, text).wrapper()
                    .filter(w -> w.effect() == Call.Effect.OVERRIDE || w.effect() == Call.Effect.ORDER)
                    .map(w -> priorityOnly(w.value(), depth + 1)).orElse(new NixValue.Opaque(v));
            default -> new NixValue.Opaque(v);
        };
    }

    /**
     * An element or attribute value as the module system merges it on its own: empty when
     * {@code mkIf false} leaves it out. One definition alone always wins its priority, so an override
     * or order around it only unwraps.
     */
    private Optional<NixValue> element(SyntaxNode e, int depth) {
        SyntaxNode v = ModuleScanner.unparenthesised(e);
        if (depth <= MAX_DEPTH && v.is("apply_expression")) {
            Optional<Call.Wrapper> w = Call.of(v, text).wrapper();
            if (w.isPresent() && w.get().effect() == Call.Effect.CONDITION) {
                return switch (conditions.apply(w.get().condition())) {
                    case TRUE -> element(w.get().value(), depth + 1);
                    case FALSE -> Optional.empty();
                    case UNKNOWN -> Optional.of(new NixValue.Opaque(v));
                };
            }
        }
        return Optional.of(read(e, depth));
    }

    /**
     * The value inside an override or order priority: the module system strips that one wrapper, so
     * an {@code mkIf} or {@code mkMerge} under it stays in the value (only Nix says what becomes of it).
     */
    private NixValue priorityOnly(SyntaxNode inner, int depth) {
        SyntaxNode v = ModuleScanner.unparenthesised(inner);
        return v.is("apply_expression") && Call.of(v, text).wrapper().isPresent()
                ? new NixValue.Opaque(v) : read(inner, depth);
    }

    private NixValue negated(SyntaxNode v) {
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

    private Optional<NixValue> attrs(SyntaxNode v, int depth) {
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
                element(e.get(), depth + 1).ifPresent(value -> entries.put(name.get(), value));
            }
        }
        return Optional.of(new NixValue.Attrs(v, entries));
    }
}
