package rxlsp.embed;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.Severity;

/**
 * Collects a configuration's modules from its root the way nixpkgs' {@code lib/modules.nix} does
 * ({@code collectModules}): every module's imports, in list order, each module known by its key (a
 * file by the path it is imported as, an inline module by its parent's key and place); then, leaving
 * out the keys any module lists in {@code disabledModules}, a breadth-first closure from the root that
 * keeps the first module of each key. The module system merges the definitions of the modules in the
 * reverse of that closure, so a module's imports come before it, and of two modules imported side by
 * side the later one comes first. An import cycle makes the module system recurse forever.
 */
public final class ConfigurationLoader {
    /** More modules than any configuration has: a bound against generated import chains. */
    static final int MAX_MODULES = 10_000;
    public static final String MISSING_MODULE = DiagnosticCodes.NIX_MISSING_MODULE;
    public static final String IMPORT_CYCLE = DiagnosticCodes.NIX_IMPORT_CYCLE;
    /** The code of a file rx-lsp does not read: outside the workspace ({@link ReadBoundary}), or not a regular file. */
    public static final String NOT_READ = DiagnosticCodes.RX_NOT_READ;

    private final ModuleSource source;
    private final Map<String, List<Child>> children = new HashMap<>();
    private final Map<Path, Optional<ModuleScan>> scans = new HashMap<>();
    private final List<FileDiagnostic> problems = new ArrayList<>();
    private final Set<FileDiagnostic> reported = new HashSet<>();

    private ConfigurationLoader(ModuleSource source) {
        this.source = source;
    }

    public static Configuration load(ModuleScan root, ModuleSource source) {
        return new ConfigurationLoader(source).load(root);
    }

    /** A module in an imports list, and where it is listed. */
    private record Child(ModuleNode node, ModuleScan in, ModuleImport site) {
    }

    private Configuration load(ModuleScan root) {
        ModuleNode top = new ModuleNode(root, 0, root.file().toString());
        Set<Path> collected = new HashSet<>();
        Set<String> disabled = collect(top, collected);
        List<ModuleNode> closure = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<ModuleNode> queue = new ArrayDeque<>();
        queue.add(top);
        while (!queue.isEmpty() && closure.size() < MAX_MODULES) {
            ModuleNode n = queue.poll();
            if (!seen.add(n.key())) {
                continue;
            }
            closure.add(n);
            for (Child c : children.getOrDefault(n.key(), List.of())) {
                if (!disabled.contains(c.node().key())) {
                    queue.add(c.node());
                }
            }
        }
        Map<Path, ModuleScan> files = new LinkedHashMap<>();
        closure.forEach(n -> files.putIfAbsent(n.scan().file(), n.scan()));
        List<ModuleNode> order = new ArrayList<>(closure);
        Collections.reverse(order);
        List<Path> left = collected.stream().filter(f -> !files.containsKey(f)).sorted().toList();
        return new Configuration(root.file(), List.copyOf(files.values()), order, left, problems);
    }

    /**
     * Reads every module reachable from {@code top}, as the module system does before it filters:
     * also the disabled ones, whose own {@code disabledModules} count too. Returns the disabled keys.
     */
    private Set<String> collect(ModuleNode top, Set<Path> collected) {
        Set<String> disabled = new HashSet<>();
        Set<String> done = new HashSet<>();
        // depth first with an explicit stack, the keys on the current import chain marked, to find cycles
        Deque<Visit> stack = new ArrayDeque<>();
        List<String> chain = new ArrayList<>();
        stack.push(new Visit(top, childrenOf(top, disabled)));
        chain.add(top.key());
        while (!stack.isEmpty() && done.size() < MAX_MODULES) {
            Visit it = stack.peek();
            collected.add(it.node.scan().file());
            if (it.next >= it.children.size()) {
                stack.pop();
                done.add(it.node.key());
                chain.remove(chain.size() - 1);
                continue;
            }
            Child c = it.children.get(it.next++);
            String key = c.node().key();
            if (chain.contains(key)) {
                cycle(c, chain.subList(chain.indexOf(key), chain.size()));
            } else if (!done.contains(key)) {
                stack.push(new Visit(c.node(), childrenOf(c.node(), disabled)));
                chain.add(key);
            }
        }
        return disabled;
    }

    private static final class Visit {
        final ModuleNode node;
        final List<Child> children;
        int next;

        Visit(ModuleNode node, List<Child> children) {
            this.node = node;
            this.children = children;
        }
    }

    /** The modules {@code n} imports, in list order; its {@code disabledModules} go to {@code disabled}. */
    private List<Child> childrenOf(ModuleNode n, Set<String> disabled) {
        List<Child> known = children.get(n.key());
        if (known != null) {
            return known;
        }
        ModuleScan scan = n.scan();
        scan.disabled().stream().filter(d -> d.unit() == n.unit()).forEach(d -> disabled.add(d.target().toString()));
        record Listed(int position, Child child) {
        }
        List<Listed> listed = new ArrayList<>();
        for (InlineModule m : scan.inline()) {
            if (m.parent() == n.unit()) {
                listed.add(new Listed(m.position(), new Child(
                        new ModuleNode(scan, m.unit(), n.key() + ":anon-" + m.position()), scan, null)));
            }
        }
        for (ModuleImport imp : scan.imports()) {
            if (imp.unit() == n.unit()) {
                module(imp.target()).ifPresentOrElse(
                        m -> listed.add(new Listed(imp.position(), new Child(new ModuleNode(m, 0, imp.target().toString()), scan, imp))),
                        () -> missing(scan, imp));
            }
        }
        listed.sort(Comparator.comparingInt(Listed::position));
        List<Child> out = listed.stream().map(Listed::child).toList();
        children.put(n.key(), out);
        return out;
    }

    /** The module a path names: the file, or a folder's {@code default.nix}. */
    private Optional<ModuleScan> module(Path target) {
        return scans.computeIfAbsent(target, t -> {
            Optional<ModuleScan> scan = source.scan(t);
            if (scan.isEmpty() && !t.toString().endsWith(".nix")) {
                scan = source.scan(t.resolve("default.nix"));
            }
            return scan;
        });
    }

    private void missing(ModuleScan in, ModuleImport imp) {
        Optional<String> refused = source.refusal(imp.target());
        if (refused.isPresent()) {
            report(new FileDiagnostic(in.file(), new Diagnostic(imp.range(), Severity.WARNING, "rx", "scope", NOT_READ,
                    "imported module `" + relative(in.file(), imp.target()) + "` is not read: " + refused.get()
                            + "; what it defines is not checked", List.of())));
            return;
        }
        report(new FileDiagnostic(in.file(), new Diagnostic(imp.range(), Severity.WARNING, "nix", "scope", MISSING_MODULE,
                "imported module `" + relative(in.file(), imp.target()) + "` does not exist here; evaluating the "
                        + "configuration fails unless it exists where it is built (as hardware-configuration.nix does)",
                List.of())));
    }

    private void cycle(Child c, List<String> loop) {
        if (c.site() == null) {
            return; // an inline module's key extends its parent's: it cannot recur by itself
        }
        List<String> names = new ArrayList<>();
        loop.forEach(k -> names.add(shortName(k)));
        names.add(shortName(c.node().key()));
        report(new FileDiagnostic(c.in().file(), new Diagnostic(c.site().range(), Severity.ERROR, "nix", "scope",
                IMPORT_CYCLE, "this import closes a cycle (" + String.join(" → ", names) + "): the module system "
                        + "collects imports without a visited set and recurses forever", List.of())));
    }

    private void report(FileDiagnostic d) {
        if (reported.add(d)) {
            problems.add(d);
        }
    }

    private static String shortName(String key) {
        int colon = key.indexOf(":anon-");
        String file = colon < 0 ? key : key.substring(0, colon);
        Path p = Path.of(file).getFileName();
        return p == null ? key : p.toString();
    }

    private static String relative(Path from, Path target) {
        Path dir = from.getParent();
        return dir == null ? target.toString() : dir.relativize(target).toString();
    }
}
