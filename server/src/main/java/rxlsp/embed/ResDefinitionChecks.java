package rxlsp.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import rxlsp.embed.ResMerge.Def;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.DidYouMean;
import rxlsp.text.Severity;

/**
 * The {@code rx.res} errors the module system raises while merging a configuration, on the definitions
 * that reach the check: a field that does not exist (in every instance definition that is kept), a
 * value that does not fit the field's type and two different values of one field at the same
 * priority (only among the field's kept definitions: one discarded by {@code mkIf false} or by a
 * stronger priority is never looked at). Where a condition only Nix can evaluate decides whether a
 * definition is kept, the finding is a warning.
 */
final class ResDefinitionChecks {
    static final String UNKNOWN_FIELD = DiagnosticCodes.RX_UNKNOWN_FIELD;
    static final String FIELD_TYPE = DiagnosticCodes.RX_FIELD_TYPE;
    static final String CONFLICT = DiagnosticCodes.RX_CONFLICTING_DEFINITIONS;
    private static final String MAYBE = " (whether this definition is kept depends on a condition only Nix can evaluate)";

    private final ResSchema schema;
    private final FragmentReader reader;
    private final List<FileDiagnostic> out = new ArrayList<>();

    private ResDefinitionChecks(ResSchema schema, FragmentReader reader) {
        this.schema = schema;
        this.reader = reader;
    }

    static List<FileDiagnostic> check(List<ModuleNode> order, ResSchema schema, FragmentReader reader) {
        ResDefinitionChecks c = new ResDefinitionChecks(schema, reader);
        Map<String, Map<String, Map<String, ResMerge.Field>>> sure = ResMerge.of(order, Merge.PESSIMISTIC);
        ResMerge.of(order, Merge.OPTIMISTIC).forEach((kind, instances) -> schema.kind(kind).ifPresent(k ->
                instances.forEach((name, fields) -> fields.forEach((field, f) -> c.field(k, f,
                        Optional.ofNullable(sure.getOrDefault(kind, Map.of()).getOrDefault(name, Map.of()).get(field)))))));
        return c.out;
    }

    private void field(ResSchema.Kind kind, ResMerge.Field f, Optional<ResMerge.Field> sure) {
        String type = kind.fields().get(f.field());
        List<Def> sureReaching = sure.map(ResMerge.Field::reaching).orElse(List.of());
        List<Def> sureKept = sure.map(ResMerge.Field::kept).orElse(List.of());
        if (type == null) {
            for (Def d : f.reaching()) {
                boolean certain = contains(sureReaching, d);
                add(d, d.field().fieldRange(), certain, UNKNOWN_FIELD, "rx.res." + f.kind() + " has no field `" + f.field()
                        + "`" + DidYouMean.hint(f.field(), kind.fields().keySet(), ""), List.of());
            }
            return;
        }
        boolean typesFit = true;
        for (Def d : f.kept()) {
            if (!fits(d.field().value(), type)) {
                typesFit &= !contains(sureKept, d);
                List<Diagnostic.Related> related = d.field().written().equals(d.field().value().node().range())
                        ? List.of() : List.of(new Diagnostic.Related(d.field().value().node().range(), "the value is bound here"));
                add(d, d.field().written(), contains(sureKept, d), FIELD_TYPE, "rx.res." + f.kind() + "." + f.field()
                        + " takes " + article(type) + " or null, found " + describe(d.field().value()), related);
            }
        }
        if (typesFit) {
            conflicts(f, sure, !type.startsWith("listOf") && !type.startsWith("attrsOf"));
            if (type.startsWith("attrsOf")) {
                attrsConflicts(f, sure);
            }
        }
    }

    /**
     * Equal-priority definitions of a field: null from all or from none ({@code nullOr}); a string,
     * number or Boolean only equal values ({@code mergeEqualOption}), and an attribute set of
     * strings equal values per name; lists are concatenated.
     */
    private void conflicts(ResMerge.Field f, Optional<ResMerge.Field> sure, boolean scalar) {
        List<Def> kept = f.kept();
        List<Def> sureKept = sure.map(ResMerge.Field::kept).orElse(List.of());
        boolean anyNull = f.nullDefault() || kept.stream().anyMatch(d -> d.field().value() instanceof NixValue.Null);
        Def firstValue = null;
        Object first = null;
        for (Def d : kept) {
            if (d.field().value() instanceof NixValue.Null) {
                continue;
            }
            boolean certain = contains(sureKept, d) && (firstValue == null || contains(sureKept, firstValue));
            if (anyNull) {
                add(d, d.field().written(), certain && (sure.map(ResMerge.Field::nullDefault).orElse(false)
                        || sureKept.stream().anyMatch(x -> x.field().value() instanceof NixValue.Null)), CONFLICT,
                        "rx.res." + f.kind() + "." + quoted(f.name()) + "." + f.field() + " is defined both null and not null"
                                + (f.nullDefault() ? " (its default null has the same priority, "
                                + MergeLevel.OPTION_DEFAULT + ", as this definition)" : "")
                                + "; the module system rejects this", List.of());
                return;
            }
            if (!scalar) {
                continue;
            }
            Optional<Object> v = comparable(d);
            if (v.isEmpty()) {
                continue;
            }
            if (firstValue == null) {
                firstValue = d;
                first = v.get();
            } else if (!Objects.equals(first, v.get())) {
                add(d, d.field().written(), certain, CONFLICT, "rx.res." + f.kind() + "." + quoted(f.name()) + "." + f.field()
                        + " is defined with different values at the same priority; the module system rejects this "
                        + "(give one mkForce, or make them equal)", alsoHere(firstValue, firstValue.field().written(), d));
                return;
            }
        }
    }

    /** An attribute set of strings merges per name: one name with different values at the same priority. */
    private void attrsConflicts(ResMerge.Field f, Optional<ResMerge.Field> sure) {
        List<Def> sureKept = sure.map(ResMerge.Field::kept).orElse(List.of());
        Map<String, Def> firstDef = new java.util.HashMap<>();
        Map<String, String> firstValue = new java.util.HashMap<>();
        for (Def d : f.kept()) {
            if (!(d.field().value() instanceof NixValue.Attrs a)) {
                continue;
            }
            for (Map.Entry<String, NixValue> e : a.entries().entrySet()) {
                if (!(e.getValue() instanceof NixValue.Str s)) {
                    continue;
                }
                FragmentReader.StringValue v = reader.stringValue(s.node(), d.module());
                if (!v.holes().isEmpty()) {
                    continue;
                }
                Def first = firstDef.putIfAbsent(e.getKey(), d);
                String was = firstValue.putIfAbsent(e.getKey(), v.value());
                if (first != null && !was.equals(v.value())) {
                    add(d, s.node().range(), contains(sureKept, d) && contains(sureKept, first), CONFLICT, "rx.res."
                            + f.kind() + "." + quoted(f.name()) + "." + f.field() + "." + quoted(e.getKey())
                            + " is defined with different values at the same priority; the module system rejects this",
                            alsoHere(first, first.field().written(), d));
                }
            }
        }
    }

    /** The other definition, as related information (in its own file when that is another). */
    private static List<Diagnostic.Related> alsoHere(Def other, rxlsp.text.TextRange range, Def d) {
        boolean sameFile = other.module().file().equals(d.module().file());
        return List.of(new Diagnostic.Related(range, "also defined here", sameFile ? null : other.module().file()));
    }

    /** The value as the module system compares it; empty when only Nix knows it. */
    private Optional<Object> comparable(Def d) {
        return switch (d.field().value()) {
            case NixValue.Str s -> {
                FragmentReader.StringValue v = reader.stringValue(s.node(), d.module());
                yield v.holes().isEmpty() ? Optional.of(v.value()) : Optional.empty();
            }
            case NixValue.Int i -> Optional.of(i.value());
            case NixValue.Float x -> Optional.of(x.value() == 0 ? 0.0 : x.value());
            case NixValue.Bool b -> Optional.of(b.value());
            default -> Optional.empty();
        };
    }

    private static String quoted(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_'-]*") ? name : "\"" + name + "\"";
    }

    private static boolean contains(List<Def> defs, Def d) {
        return defs.stream().anyMatch(x -> x.field() == d.field() && x.module() == d.module());
    }

    private void add(Def d, rxlsp.text.TextRange range, boolean certain, String code, String message,
                     List<Diagnostic.Related> related) {
        Diagnostic diag = new Diagnostic(range, certain ? Severity.ERROR : Severity.WARNING, "rx",
                code.equals(FIELD_TYPE) ? "type" : "scope", code, certain ? message : message + MAYBE, related);
        FileDiagnostic fd = new FileDiagnostic(d.module().file(), diag);
        if (!out.contains(fd)) {
            out.add(fd);
        }
    }

    static boolean fits(NixValue v, String type) {
        if (v instanceof NixValue.Null || v instanceof NixValue.Opaque) {
            return true;
        }
        return switch (type) {
            case "str" -> v instanceof NixValue.Str;
            case "bool" -> v instanceof NixValue.Bool;
            case "int" -> v instanceof NixValue.Int;
            case "float" -> v instanceof NixValue.Float;
            case "listOf str" -> v instanceof NixValue.ListV l
                    && l.elements().stream().allMatch(e -> e instanceof NixValue.Str || e instanceof NixValue.Opaque);
            case "attrsOf str" -> v instanceof NixValue.Attrs a
                    && a.entries().values().stream().allMatch(e -> e instanceof NixValue.Str || e instanceof NixValue.Opaque);
            default -> true;
        };
    }

    private static String article(String type) {
        return switch (type) {
            case "str" -> "a string";
            case "bool" -> "a Boolean";
            case "int" -> "an integer";
            case "float" -> "a float";
            case "listOf str" -> "a list of strings";
            case "attrsOf str" -> "an attribute set of strings";
            default -> type;
        };
    }

    private static String describe(NixValue v) {
        return switch (v) {
            case NixValue.Str s -> "a string";
            case NixValue.Int i -> "the integer " + i.value();
            case NixValue.Float f -> "a float";
            case NixValue.Bool b -> "the Boolean " + b.value();
            case NixValue.PathV p -> "a path (a path is not a string until Nix copies it to the store; write it as a string)";
            case NixValue.ListV l -> l.elements().stream().anyMatch(e -> e instanceof NixValue.PathV)
                    ? "a list with a path in it" : "a list";
            case NixValue.Attrs a -> a.entries().values().stream().anyMatch(e -> e instanceof NixValue.PathV)
                    ? "an attribute set with a path in it" : "an attribute set";
            default -> "a value";
        };
    }
}
