package rxlsp.oracle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import rxlsp.testing.RxNixEvaluator;

/**
 * Whether rx-lsp's errors on a configuration are the module system's verdict on it: none when Nix
 * evaluates it; when Nix rejects it, an error of the class Nix names (an option that does not exist,
 * a value of the wrong type, conflicting definitions; an import cycle for Nix's stack overflow), in
 * a file Nix names. MCL errors in the rendered program are mgmt's verdict, not the module system's.
 */
final class Verdicts {
    private static final Map<ModuleSystemErrors.Kind, Set<String>> CODES = Map.of(
            ModuleSystemErrors.Kind.NO_SUCH_OPTION, Set.of("rx-unknown-kind", "rx-unknown-field", "rx-unknown-option"),
            ModuleSystemErrors.Kind.WRONG_TYPE, Set.of("rx-field-type", "rx-undischarged-wrapper"),
            ModuleSystemErrors.Kind.CONFLICT, Set.of("rx-conflicting-definitions"));
    private static final Pattern FILE = Pattern.compile("In `([^']+)'");

    private Verdicts() {
    }

    /** rx-lsp's errors on the module system's side: not MCL's. */
    static List<RxLsp.Finding> evaluationErrors(List<RxLsp.Finding> findings, Path dir) {
        return findings.stream().filter(f -> f.error() && f.file().startsWith(dir) && !f.code().startsWith("mcl-")).toList();
    }

    /**
     * Null when rx-lsp's errors are Nix's verdict; else the class of disagreement, then details.
     * Without Nix's message (not asked for), any error agrees with a rejection.
     */
    static String compare(RxNixEvaluator.Outcome nix, List<RxLsp.Finding> errors, Path dir) {
        if (nix.ok()) {
            return errors.isEmpty() ? null : "false error " + errors.get(0).code() + "\n  " + errors;
        }
        if (errors.isEmpty()) {
            return "missed: " + ModuleSystemErrors.parse(nix.error()).map(e -> e.kind().toString()).orElse("other")
                    + "\n  Nix: " + nix.error().lines().findFirst().orElse("");
        }
        if (nix.error().isEmpty()) {
            return null;
        }
        var e = ModuleSystemErrors.parse(nix.error());
        if (e.isEmpty()) {
            boolean cycle = nix.error().contains("stack overflow") || nix.error().contains("infinite recursion");
            return cycle && errors.stream().anyMatch(f -> f.code().equals("nix-import-cycle")) ? null
                    : "other Nix error\n  Nix: " + nix.error().lines().findFirst().orElse("") + "\n  rx-lsp: " + errors;
        }
        List<Path> files = new ArrayList<>();
        Matcher m = FILE.matcher(nix.error());
        while (m.find()) {
            Path p = Path.of(m.group(1));
            if (p.startsWith(dir)) {
                files.add(p);
                files.add(p.resolve("default.nix")); // a folder's module is named by the folder
            }
        }
        Set<String> codes = e.get().option().endsWith("._type")
                ? Set.of("rx-undischarged-wrapper") // a wrapper the merge never removed, its attributes read as options
                : CODES.get(e.get().kind());
        boolean found = errors.stream().anyMatch(f -> codes.contains(f.code())
                && (files.isEmpty() || files.contains(f.file())));
        return found ? null : "other class or file: Nix " + e.get().kind() + "\n  Nix: "
                + nix.error().lines().findFirst().orElse("") + " " + files + "\n  rx-lsp: " + errors;
    }
}
