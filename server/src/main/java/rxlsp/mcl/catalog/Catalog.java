package rxlsp.mcl.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import rxlsp.mcl.Dialect;

/**
 * What an mgmt version offers MCL code: functions, predefined variables, resource kinds with their params,
 * and meta params. Immutable. The built-in catalogues come from the project's own resource files
 * ({@code rxlsp/mcl/catalog/mgmt-*.tsv}, generated from the reference facts, plus hand-written
 * {@code descriptions.tsv} and {@code arities.tsv}); {@link #fromMgmtDocs} reads what a concrete mgmt binary reports, to be laid
 * over a built-in one with {@link #overlay}.
 */
public final class Catalog {
    private final Map<String, FunctionInfo> functions;
    private final Map<String, VariableInfo> variables;
    private final Map<String, ResourceKind> resources;
    private final Map<String, MetaParam> metaParams;
    private final String metaStructType;
    private final Set<String> packages;
    /** Go type of each param, by {@link #key}; absent for params only known from mgmt's docs JSON. */
    private final Map<String, String> goTypes;
    /** Send fields whose Go field is no pointer, by {@link #key}. */
    private final Set<String> sentByValue;

    Catalog(Map<String, FunctionInfo> functions, Map<String, VariableInfo> variables,
            Map<String, ResourceKind> resources, Map<String, MetaParam> metaParams, String metaStructType,
            Map<String, String> goTypes, Set<String> sentByValue) {
        this.goTypes = Map.copyOf(goTypes);
        this.sentByValue = Set.copyOf(sentByValue);
        this.functions = Collections.unmodifiableMap(new TreeMap<>(functions));
        this.variables = Collections.unmodifiableMap(new TreeMap<>(variables));
        this.resources = Collections.unmodifiableMap(new TreeMap<>(resources));
        this.metaParams = Collections.unmodifiableMap(new LinkedHashMap<>(metaParams));
        this.metaStructType = metaStructType;
        Set<String> pkgs = new TreeSet<>();
        functions.values().forEach(f -> addPackage(pkgs, f.pkg()));
        variables.values().forEach(v -> addPackage(pkgs, v.pkg()));
        this.packages = Collections.unmodifiableSet(pkgs);
    }

    private static void addPackage(Set<String> pkgs, String pkg) {
        if (!pkg.isEmpty()) {
            pkgs.add(pkg);
        }
    }

    /** The catalogue of a dialect's mgmt line: {@code MGMT_1_1} the newest facts, {@code MGMT_1_0} mgmt 1.0.2. */
    public static Catalog builtIn(Dialect dialect) {
        return BuiltIn.ALL.get(dialect);
    }

    /**
     * Reads the JSON written by {@code mgmt docs generate --output FILE.json}.
     *
     * @throws MgmtDocsException when the text is not JSON of that shape (or cannot be read); the message
     *                           says what and where, for a diagnostic
     */
    public static Catalog fromMgmtDocs(Reader json) throws MgmtDocsException {
        return MgmtDocs.read(json);
    }

    /**
     * This catalogue with {@code other}'s entries winning. Facts {@code other} lacks are kept: mgmt's docs JSON
     * knows no traits, send fields, poly kinds, variables or meta params, and an empty description there
     * does not erase ours.
     */
    public Catalog overlay(Catalog other) {
        Map<String, FunctionInfo> fs = new TreeMap<>(functions);
        other.functions.forEach((k, v) -> fs.merge(k, v, Overlay::function));
        Map<String, VariableInfo> vs = new TreeMap<>(variables);
        other.variables.forEach((k, v) -> vs.merge(k, v, Overlay::variable));
        Map<String, ResourceKind> rs = new TreeMap<>(resources);
        other.resources.forEach((k, v) -> rs.merge(k, v, Overlay::resource));
        Map<String, MetaParam> ms = new LinkedHashMap<>(metaParams);
        other.metaParams.forEach((k, v) -> ms.merge(k, v, Overlay::meta));
        Map<String, String> go = new java.util.HashMap<>(goTypes);
        go.putAll(other.goTypes);
        Set<String> byValue = new TreeSet<>(sentByValue);
        byValue.addAll(other.sentByValue);
        return new Catalog(fs, vs, rs, ms, other.metaStructType != null ? other.metaStructType : metaStructType, go, byValue);
    }

    /**
     * This catalogue plus global variables of the program's context: rx.nix's Nix holes, which stand
     * for values only Nix knows ({@code type} {@code ?1}: any type, fresh at each use).
     */
    public Catalog withGlobals(java.util.Collection<VariableInfo> extra) {
        Map<String, VariableInfo> vs = new TreeMap<>(variables);
        extra.forEach(v -> vs.put(v.qualified(), v));
        return new Catalog(functions, vs, resources, metaParams, metaStructType, goTypes, sentByValue);
    }

    /** A function by registered name: {@code len}, {@code fmt.printf}, {@code golang/strings.to_lower}, {@code _operator(+)}. */
    public Optional<FunctionInfo> function(String qualified) {
        return Optional.ofNullable(functions.get(qualified));
    }

    public Collection<FunctionInfo> functions() {
        return functions.values();
    }

    /** Whether {@code import "importPath"} names a core package of this catalogue. */
    public boolean isPackage(String importPath) {
        return packages.contains(importPath);
    }

    /** The import paths of all packages, sorted. */
    public Set<String> packages() {
        return packages;
    }

    public Collection<FunctionInfo> functionsOf(String importPath) {
        return functions.values().stream().filter(f -> f.pkg().equals(importPath)).toList();
    }

    /** The variables a package defines ({@code os} → {@code family_redhat}, …). */
    public Collection<VariableInfo> variablesOf(String importPath) {
        return variables.values().stream().filter(v -> v.pkg().equals(importPath)).toList();
    }

    /** A variable by its name without {@code $}: {@code hostname}, {@code os.family_redhat}, {@code const.res.file.state.exists}. */
    public Optional<VariableInfo> variable(String qualified) {
        return Optional.ofNullable(variables.get(qualified));
    }

    public Collection<VariableInfo> variables() {
        return variables.values();
    }

    public Optional<ResourceKind> resource(String kind) {
        return Optional.ofNullable(resources.get(kind));
    }

    public Collection<ResourceKind> resources() {
        return resources.values();
    }

    /** A meta param by name without {@code Meta:}. */
    public Optional<MetaParam> meta(String name) {
        return Optional.ofNullable(metaParams.get(name));
    }

    public Collection<MetaParam> metaParams() {
        return metaParams.values();
    }

    /** The type of the whole-struct form {@code Meta => struct{…}}; null when unknown. */
    public String metaStructType() {
        return metaStructType;
    }

    /**
     * The Go type of a resource param as declared ({@code *string}, {@code interface{}}, {@code []string}); empty when
     * unknown. mgmt's send/recv check accepts any value into a pointer or interface field.
     */
    public Optional<String> goType(String kind, String param) {
        String t = goTypes.get(key(kind, param));
        return t == null || t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /**
     * True when a send field is a plain Go value rather than a pointer: only then does mgmt compare its type with
     * the receiving param's.
     */
    public boolean sendsByValue(String kind, String field) {
        return sentByValue.contains(key(kind, field));
    }

    static String key(String kind, String name) {
        return kind + "\t" + name;
    }

    /** Loads both built-in catalogues on first use; immutable afterwards. */
    private static final class BuiltIn {
        static final Map<Dialect, Catalog> ALL = load();

        private static Map<Dialect, Catalog> load() {
            Map<String, String> descriptions = CatalogFile.descriptions(open("descriptions.tsv"));
            List<String> arities = open("arities.tsv");
            Map<Dialect, Catalog> all = new EnumMap<>(Dialect.class);
            all.put(Dialect.MGMT_1_1, CatalogFile.read(open("mgmt-1.1.tsv"), descriptions, CatalogFile.arities(arities, "1.1")));
            all.put(Dialect.MGMT_1_0, CatalogFile.read(open("mgmt-1.0.tsv"), descriptions, CatalogFile.arities(arities, "1.0")));
            return Collections.unmodifiableMap(all);
        }

        private static List<String> open(String name) {
            try (InputStream in = Catalog.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing catalogue resource rxlsp/mcl/catalog/" + name);
                }
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
