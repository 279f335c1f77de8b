package rxlsp.embed;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import rxlsp.text.Diagnostic;
import rxlsp.text.Severity;

/**
 * Follows {@code imports = [ ./a.nix ./b ];} from a root module. The NixOS module system lists a
 * module's own definitions before those of the modules it imports, and takes each file once; that is
 * the order list options (such as {@code rx.mcl.raw}) are concatenated in.
 */
public final class ConfigurationLoader {
    /** More modules than any configuration has: a bound against generated import chains. */
    static final int MAX_MODULES = 10_000;
    /** The code of a file rx-lsp does not read: outside the workspace ({@link ReadBoundary}), or not a regular file. */
    public static final String NOT_READ = "rx-not-read";

    private ConfigurationLoader() {
    }

    public static Configuration load(ModuleScan root, ModuleSource source) {
        List<ModuleScan> order = new ArrayList<>();
        List<FileDiagnostic> problems = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        seen.add(root.file());
        // an explicit stack: import chains may be deep
        Deque<ModuleScan> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty() && order.size() < MAX_MODULES) {
            ModuleScan m = stack.pop();
            order.add(m);
            List<ModuleScan> children = new ArrayList<>();
            for (ModuleImport imp : m.imports()) {
                Path target = imp.target();
                if (!seen.add(target)) {
                    continue;
                }
                Optional<ModuleScan> scan = source.scan(target);
                if (scan.isEmpty() && !target.toString().endsWith(".nix")) {
                    scan = source.scan(target.resolve("default.nix"));
                }
                if (scan.isEmpty()) {
                    Optional<String> refused = source.refusal(target);
                    problems.add(new FileDiagnostic(m.file(), refused.isPresent()
                            ? new Diagnostic(imp.range(), Severity.WARNING, "rx", "scope", NOT_READ,
                                    "imported module `" + relative(m.file(), target) + "` is not read: " + refused.get()
                                            + "; what it defines is not checked", List.of())
                            : new Diagnostic(imp.range(), Severity.ERROR, "nix", "scope",
                                    "nix-missing-module", "imported module `" + relative(m.file(), target) + "` does not exist",
                                    List.of())));
                    continue;
                }
                children.add(scan.get());
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
        return new Configuration(root.file(), order, problems);
    }

    private static String relative(Path from, Path target) {
        Path dir = from.getParent();
        return dir == null ? target.toString() : dir.relativize(target).toString();
    }
}
