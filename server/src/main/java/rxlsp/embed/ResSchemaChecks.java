package rxlsp.embed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import rxlsp.text.Diagnostic;
import rxlsp.text.DidYouMean;
import rxlsp.text.Severity;
import rxlsp.text.TextRange;

/**
 * Checks {@code rx.res.<kind>.<name>.<field>} definitions against the options rx.nix declares
 * (unknown kinds and fields and wrong literal types are Nix evaluation errors there) and warns about
 * kinds whose rendering mgmt cannot parse.
 */
public final class ResSchemaChecks {
    private ResSchemaChecks() {
    }

    public static List<FileDiagnostic> check(ModuleScan module, ResSchema schema) {
        List<FileDiagnostic> out = new ArrayList<>();
        for (ResField f : module.resFields()) {
            Optional<ResSchema.Kind> kind = schema.kind(f.kind());
            if (kind.isEmpty()) {
                out.add(error(module, f.kindRange(), "rx-unknown-kind", "rx.res has no kind `" + f.kind() + "`"
                        + DidYouMean.hint(f.kind(), schema.kinds().keySet(), "")));
                continue;
            }
            if (!kind.get().mgmtName().equals(f.kind())) {
                out.add(new FileDiagnostic(module.file(), new Diagnostic(f.kindRange(), Severity.WARNING, "rx", "syntax",
                        "rx-colon-kind", "rx.nix renders this kind as `" + f.kind() + "`, which mgmt cannot parse "
                        + "(mgmt's name is `" + kind.get().mgmtName() + "`); declare this resource in rx.mcl.raw instead",
                        List.of())));
            }
            String type = kind.get().fields().get(f.field());
            if (type == null) {
                out.add(error(module, f.fieldRange(), "rx-unknown-field", "rx.res." + f.kind() + " has no field `"
                        + f.field() + "`" + DidYouMean.hint(f.field(), kind.get().fields().keySet(), "")));
                continue;
            }
            if (!fits(f.value(), type)) {
                out.add(new FileDiagnostic(module.file(), new Diagnostic(f.value().node().range(), Severity.ERROR, "rx",
                        "type", "rx-field-type", "rx.res." + f.kind() + "." + f.field() + " takes "
                        + article(type) + " or null, found " + describe(f.value()), List.of())));
            }
        }
        out.sort(Comparator.comparing(d -> d.diagnostic().range()));
        return out;
    }

    private static boolean fits(NixValue v, String type) {
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
            case NixValue.ListV l -> "a list";
            case NixValue.Attrs a -> "an attribute set";
            default -> "a value";
        };
    }

    private static FileDiagnostic error(ModuleScan m, TextRange range, String code, String message) {
        return new FileDiagnostic(m.file(), new Diagnostic(range, Severity.ERROR, "rx", "scope", code, message, List.of()));
    }
}
