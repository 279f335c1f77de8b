package rxlsp.embed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.DidYouMean;
import rxlsp.text.Severity;
import rxlsp.text.TextRange;

/**
 * What one module defines that no configuration can accept: an {@code rx.res} kind or an
 * {@code rx.mcl} option rx.nix does not declare is an error of the module system wherever the
 * definition stands (also with an empty body, under {@code mkIf false} or a weak priority: it checks
 * the names of all definitions before it merges any), and a wrapper the module system never unwraps
 * ({@code mkForce (mkIf c x)}: it strips the override and takes the {@code mkIf} for the value, which
 * no rx.nix option accepts). Kinds whose rendering mgmt cannot parse get a warning. What depends on the merge (fields, types, conflicts) is checked per configuration
 * ({@link ResDefinitionChecks}).
 */
public final class ResSchemaChecks {
    static final List<String> MCL_OPTIONS = List.of("imports", "vars", "raw");

    private ResSchemaChecks() {
    }

    /** @param schema asked for only when the module defines {@code rx.res} options (most modules do not) */
    public static List<FileDiagnostic> check(ModuleScan module, java.util.function.Supplier<ResSchema> schema) {
        Set<FileDiagnostic> out = new LinkedHashSet<>();
        for (OptionDefinition d : module.definitions()) {
            if (d.instance() != null) {
                continue;
            }
            if (d.option().startsWith("rx.res.")) {
                kind(module, d, d.option().substring("rx.res.".length()), schema.get(), out);
            } else if (d.option().startsWith("rx.mcl.")) {
                String name = d.option().substring("rx.mcl.".length());
                if (!MCL_OPTIONS.contains(name)) {
                    out.add(error(module, d.name(), DiagnosticCodes.RX_UNKNOWN_OPTION, "rx.mcl has no option `" + name + "`"
                            + DidYouMean.hint(name, MCL_OPTIONS, "") + "; the module system rejects the definition"));
                }
            }
        }
        undischarged(module, out);
        List<FileDiagnostic> sorted = new ArrayList<>(out);
        sorted.sort(Comparator.comparing(d -> d.diagnostic().range()));
        return sorted;
    }

    private static void kind(ModuleScan module, OptionDefinition d, String kind, ResSchema schema, Set<FileDiagnostic> out) {
        Optional<ResSchema.Kind> k = schema.kind(kind);
        if (k.isEmpty()) {
            out.add(error(module, d.name(), DiagnosticCodes.RX_UNKNOWN_KIND, "rx.res has no kind `" + kind + "`"
                    + DidYouMean.hint(kind, schema.kinds().keySet(), "")));
        } else if (!k.get().mgmtName().equals(kind)) {
            out.add(new FileDiagnostic(module.file(), new Diagnostic(d.name(), Severity.WARNING, "rx", "syntax",
                    DiagnosticCodes.RX_COLON_KIND, "rx.nix renders this kind as `" + kind + "`, which mgmt cannot parse "
                    + "(mgmt's name is `" + k.get().mgmtName() + "`); declare this resource in rx.mcl.raw instead",
                    List.of())));
        }
    }

    private static void undischarged(ModuleScan module, Set<FileDiagnostic> out) {
        List<List<MergeLevel>> all = new ArrayList<>();
        module.definitions().forEach(d -> all.add(d.levels()));
        module.sites().forEach(s -> all.add(s.levels()));
        module.resFields().forEach(f -> all.add(f.levels()));
        for (List<MergeLevel> levels : all) {
            for (MergeLevel l : levels) {
                if (l.condition() == Condition.FALSE) {
                    break; // dropped before anything looks at its value
                }
                if (l.undischarged() != null) {
                    out.add(error(module, l.undischarged().at(), DiagnosticCodes.RX_UNDISCHARGED_WRAPPER,
                            switch (l.undischarged().reason()) {
                                case INSIDE_PRIORITY -> "the module system unwraps `mkIf` and `mkMerge` only outside of "
                                        + "`mkOverride`/`mkForce`/`mkDefault` and `mkOrder`, and one of each: this wrapper "
                                        + "stays in the value, which the option rejects; write it outside (`mkIf c (mkForce x)`)";
                                case ORDER_ABOVE_OPTIONS -> "the module system passes `mkIf`, `mkMerge` and priorities on to "
                                        + "the options of an attribute set, but not an order: it reads this wrapper's own "
                                        + "attributes (`_type`, …) as options, which do not exist; put the order on the list "
                                        + "option itself (`rx.mcl.raw = mkBefore [ … ]`)";
                            }));
                    break;
                }
            }
        }
    }

    static FileDiagnostic error(ModuleScan m, TextRange range, String code, String message) {
        return new FileDiagnostic(m.file(), new Diagnostic(range, Severity.ERROR, "rx", "scope", code, message, List.of()));
    }
}
