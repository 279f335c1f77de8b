package rxlsp.embed;

/**
 * One module as the module system collects it: a file's own module or one written inside it
 * ({@code unit}, see {@link InlineModule}), under the key the module system knows it by (a file by
 * the path it is imported as, so {@code ./sub} and {@code ./sub/default.nix} are two modules; an
 * inline one by its parent's key and its place in the list).
 */
public record ModuleNode(ModuleScan scan, int unit, String key) {
}
