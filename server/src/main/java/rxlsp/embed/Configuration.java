package rxlsp.embed;

import java.nio.file.Path;
import java.util.List;

/**
 * The modules of one configuration in the module system's order: the root first, then what each
 * module imports, depth first (each file once).
 */
public record Configuration(Path root, List<ModuleScan> modules, List<FileDiagnostic> problems) {
    public Configuration {
        modules = List.copyOf(modules);
        problems = List.copyOf(problems);
    }

    public boolean contains(Path file) {
        return modules.stream().anyMatch(m -> m.file().equals(file)
                || m.sites().stream().anyMatch(s -> file.equals(s.readFile())));
    }

    public boolean contributesToProgram() {
        return modules.stream().anyMatch(ModuleScan::contributesToProgram);
    }
}
