package rxlsp.embed;

import java.nio.file.Path;
import java.util.List;

/**
 * What one Nix file contributes to rx.nix's program: every MCL site, every {@code rx.res} field and
 * the modules it imports, in source order.
 *
 * @param file    the file (absolute, normalised), or a name for text without a file
 * @param text    the file's text the ranges refer to
 */
public record ModuleScan(Path file, String text, List<FragmentSite> sites, List<ResField> resFields,
                         List<ModuleImport> imports) {
    public ModuleScan {
        sites = List.copyOf(sites);
        resFields = List.copyOf(resFields);
        imports = List.copyOf(imports);
    }

    public boolean contributesToProgram() {
        return sites.stream().anyMatch(s -> s.role() != FragmentRole.MARKED) || !resFields.isEmpty();
    }
}
