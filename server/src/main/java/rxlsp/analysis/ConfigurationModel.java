package rxlsp.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rxlsp.embed.AssembledProgram;
import rxlsp.embed.Configuration;
import rxlsp.mcl.Dialect;
import rxlsp.text.Diagnostic;

/**
 * What analysing one rx.nix configuration found, kept for every open file that is part of it: the
 * modules, the assembled program, the MCL units (the program and every marked string) and the
 * diagnostics per file.
 *
 * @param configuration the modules in the module system's order
 * @param program       the assembled {@code main.mcl}; null when no module contributes to it
 * @param units         the assembled program's unit (first, when there is one) and the marked strings'
 * @param diagnostics   per file, sorted by position
 * @param programFiles  the {@code .mcl} files the program reads (judged as part of it, not alone)
 * @param dialect       the mgmt dialect the program was read in
 * @param dialectChosen true when rx-lsp chose the dialect (the user did not say)
 */
public record ConfigurationModel(Configuration configuration, AssembledProgram program, List<MclUnit> units,
                                 Map<Path, List<Diagnostic>> diagnostics, Set<Path> programFiles, Dialect dialect,
                                 boolean dialectChosen) {
    public ConfigurationModel {
        units = List.copyOf(units);
        diagnostics = Map.copyOf(diagnostics);
        programFiles = Set.copyOf(programFiles);
    }

    public Path root() {
        return configuration.root();
    }

    public List<Diagnostic> diagnosticsOf(Path file) {
        return diagnostics.getOrDefault(file, List.of());
    }

    /** The units with text written in {@code file}. */
    public List<MclUnit> unitsIn(Path file) {
        return units.stream().filter(u -> u.covers(file)).toList();
    }

    /** The assembled program's unit, if the configuration has a program. */
    public java.util.Optional<MclUnit> programUnit() {
        return units.stream().filter(u -> u.kind() == MclUnit.Kind.PROGRAM).findFirst();
    }

    /** The text of a file as this analysis read it: a module, or a {@code .mcl} file the program reads. */
    public java.util.Optional<String> textOf(Path file) {
        for (var m : configuration.modules()) {
            if (m.file().equals(file)) {
                return java.util.Optional.of(m.text());
            }
        }
        if (program != null) {
            for (var f : program.fragments()) {
                if (f.file().equals(file) && f.site().readFile() != null) {
                    return java.util.Optional.of(f.value());
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Every {@code rx.mcl.vars.<name>} definition of the configuration, by module, in module order. */
    public List<VarDefinition> varDefinitions(String name) {
        List<VarDefinition> out = new java.util.ArrayList<>();
        for (var m : configuration.modules()) {
            for (var s : m.sites()) {
                if (s.role() == rxlsp.embed.FragmentRole.VAR && name.equals(s.name()) && s.nameRange() != null) {
                    out.add(new VarDefinition(m.file(), m.text(), s));
                }
            }
        }
        return out;
    }

    /** One {@code rx.mcl.vars} attribute: where its name is written. */
    public record VarDefinition(Path file, String text, rxlsp.embed.FragmentSite site) {
    }
}
