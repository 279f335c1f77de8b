package rxlsp.nix;

import java.util.Set;

/**
 * The names Nix resolves without any binding in the file: the base environment every Nix file is
 * parsed in. A builtin whose name starts with {@code __} internally is visible at top level under
 * that {@code __} name ({@code __attrNames}, {@code __fetchurl}) and in {@code builtins} without it;
 * every other builtin is visible at top level under its plain name ({@code map}, {@code toString},
 * {@code fromTOML}) and never as {@code __name}.
 *
 * <p>The lists are Nix 2.8's and current Nix's (2.26), taken name by name from
 * {@code nix-instantiate --parse -E NAME} for every name of {@code builtins.attrNames builtins}; they
 * are not a guess at patterns, since e.g. {@code __map}, {@code fetchurl} and {@code __derivation}
 * are all rejected by Nix. A name current Nix binds is accepted (rx-lsp follows the Nix users run).
 * {@code __curPos} is no binding: Nix's parser turns that variable into the current position, and
 * only there ({@code inherit __curPos;} looks for a binding); the scope walk knows it.
 */
public final class NixBuiltins {
    /** Names Nix 2.8 binds at top level by default. */
    private static final Set<String> NIX_2_8 = Set.of(
            "abort", "baseNameOf", "builtins", "derivation", "derivationStrict", "dirOf", "false",
            "fetchGit", "fetchMercurial", "fetchTarball", "fetchTree", "fromTOML", "import", "isNull", "map",
            "null", "placeholder", "removeAttrs", "scopedImport", "throw", "toString", "true",
            "__add", "__addErrorContext", "__all", "__any", "__appendContext", "__attrNames", "__attrValues",
            "__bitAnd", "__bitOr", "__bitXor", "__catAttrs", "__ceil", "__compareVersions", "__concatLists",
            "__concatMap", "__concatStringsSep", "__currentSystem", "__currentTime", "__deepSeq", "__div",
            "__elem", "__elemAt", "__fetchurl", "__filter", "__filterSource", "__findFile", "__floor", "__foldl'",
            "__fromJSON", "__functionArgs", "__genList", "__genericClosure", "__getAttr", "__getContext",
            "__getEnv", "__groupBy", "__hasAttr", "__hasContext", "__hashFile", "__hashString", "__head",
            "__intersectAttrs", "__isAttrs", "__isBool", "__isFloat", "__isFunction", "__isInt", "__isList",
            "__isPath", "__isString", "__langVersion", "__length", "__lessThan", "__listToAttrs", "__mapAttrs",
            "__match", "__mul", "__nixPath", "__nixVersion", "__parseDrvName", "__partition", "__path",
            "__pathExists", "__readDir", "__readFile", "__replaceStrings", "__seq", "__sort", "__split",
            "__splitVersion", "__storeDir", "__storePath", "__stringLength", "__sub", "__substring", "__tail",
            "__toFile", "__toJSON", "__toPath", "__toXML", "__trace", "__tryEval", "__typeOf",
            "__unsafeDiscardOutputDependency", "__unsafeDiscardStringContext", "__unsafeGetAttrPos",
            "__zipAttrsWith",
            // present in Nix 2.8 only with an experimental feature enabled (flakes, fetch-closure);
            // a file using them is accepted by a Nix configured that way, so they are not reported
            "__getFlake", "__fetchClosure");
    /** Names current Nix (2.26) binds at top level that Nix 2.8 does not. */
    private static final Set<String> SINCE_2_8 = Set.of("break", "__addDrvOutputDependencies", "__convertHash",
            "__readFileType", "__traceVerbose", "__warn");
    private static final Set<String> GLOBALS = union(NIX_2_8, SINCE_2_8);

    private NixBuiltins() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** The names Nix 2.8 binds, which it accepts without a binding in the file. */
    public static Set<String> ofNix28() {
        return NIX_2_8;
    }

    /** True when Nix resolves {@code name} without a binding in the file. */
    public static boolean isGlobal(String name) {
        return GLOBALS.contains(name);
    }

    /** All such names. */
    public static Set<String> names() {
        return GLOBALS;
    }
}
