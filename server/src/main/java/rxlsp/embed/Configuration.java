package rxlsp.embed;

import java.nio.file.Path;
import java.util.List;

/**
 * The modules of one configuration.
 *
 * @param modules  its files, each once, the root first
 * @param order    its modules in the order the module system merges their definitions (see
 *                 {@link ConfigurationLoader})
 * @param left     files imported only by way of modules that {@code disabledModules} leaves out: part
 *                 of the configuration's files, none of its definitions
 * @param problems what loading found (missing or cyclic imports), on the importing files
 */
public record Configuration(Path root, List<ModuleScan> modules, List<ModuleNode> order, List<Path> left,
                            List<FileDiagnostic> problems) {
    public Configuration {
        modules = List.copyOf(modules);
        left = List.copyOf(left);
        order = List.copyOf(order);
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
