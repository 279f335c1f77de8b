package rxlsp.embed;

import java.nio.file.Path;
import java.util.List;

/**
 * What one Nix file contributes to rx.nix's program: every MCL site, every {@code rx.res} field, every
 * definition of rx.nix's options and the modules it imports, in source order.
 *
 * @param file        the file (absolute, normalised), or a name for text without a file
 * @param text        the file's text the ranges refer to
 * @param definitions the definitions of rx.nix's options (and {@code rx.res} instances), also empty ones
 * @param inline      the modules written inside the file (unit 0, the file's own module, is not listed)
 * @param disabled    its {@code disabledModules} path literals
 */
public record ModuleScan(Path file, String text, List<FragmentSite> sites, List<ResField> resFields,
                         List<ModuleImport> imports, List<OptionDefinition> definitions, List<InlineModule> inline,
                         List<DisabledModule> disabled) {
    public ModuleScan {
        sites = List.copyOf(sites);
        resFields = List.copyOf(resFields);
        imports = List.copyOf(imports);
        definitions = List.copyOf(definitions);
        inline = List.copyOf(inline);
        disabled = List.copyOf(disabled);
    }

    /** A scan of a file that holds nothing for rx.nix. */
    static ModuleScan empty(Path file, String text) {
        return new ModuleScan(file, text, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public boolean contributesToProgram() {
        return sites.stream().anyMatch(s -> s.role() != FragmentRole.MARKED) || !resFields.isEmpty();
    }

    /** Nothing for rx.nix at all: no MCL, no option definition, no import. */
    public boolean isInert() {
        return sites.isEmpty() && resFields.isEmpty() && imports.isEmpty() && definitions.isEmpty() && inline.isEmpty();
    }
}
