package rxlsp.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import rxlsp.embed.ResSchema;

/**
 * Seeded random rx.nix configurations: a root {@code configuration.nix} and up to five more modules
 * reached through {@code imports} (path literals, folders, the same file twice or under two names,
 * cycles, anonymous modules, {@code disabledModules}), each defining rx.nix's options in every spelling
 * a module uses ({@code rx.mcl.raw = …}, {@code rx = { mcl = …; }}, {@code config = mkIf …}) through
 * {@code mkBefore}/{@code mkAfter}/{@code mkOrder}, {@code mkIf}, {@code mkMerge} and the override
 * priorities, with raw blocks, vars, imports, {@code readFile}'d {@code .mcl} files and {@code rx.res}
 * values of every kind and type. Files are written with LF or CRLF line ends.
 *
 * <p>In {@link Mode#RENDER} the values fit their options and repeated definitions agree, so Nix
 * accepts nearly every configuration; in {@link Mode#DIAGNOSTICS} {@code rx.res} definitions carry
 * faults the module system rejects (wrong types, path literals, unknown kinds and fields, conflicting
 * definitions) and traps it does not (wrong values discarded by {@code mkIf false} or by a stronger
 * priority), for comparing verdicts.
 */
final class ConfigurationGenerator {
    enum Mode { RENDER, DIAGNOSTICS }

    /** A written configuration and what was put into it on purpose. */
    record Generated(Path root, List<Path> files, List<String> faults) {
    }

    private static final List<String> MODULE_FILES = List.of("a.nix", "b.nix", "mods/c.nix", "sub/default.nix", "d.nix");
    private static final List<String> MCL_FILES = List.of("x.mcl", "blocks/y.mcl");
    private static final List<String> IMPORT_NAMES = List.of("\"fmt\"", "\"deploy\"", "\"os\"", "\"datetime\"",
            "\"strings\"", "\"golang\"", "\"Alpha\"", "\"x/y\"", "''fmt''", "\"é\"", "\"net\"");
    private static final List<String> VAR_NAMES = List.of("a", "b", "x1", "long_name", "tick-rate", "\"q\"", "z");
    private static final List<String> INSTANCE_NAMES = List.of("web", "\"web\"", "\"/tmp/a b\"", "\"é\"",
            "\"tab\\there\"", "\"quo\\\"te\"", "\"back\\\\slash\"", "\"1st\"", "\"dollar$\"", "\"x.y\"", "n2", "\"\"");
    private static final List<Integer> ORDERS = List.of(0, 499, 500, 999, 1000, 1001, 1500, 2000);
    private static final List<Integer> OVERRIDES = List.of(10, 50, 99, 100, 101, 999, 1000, 1499);

    private final Random rnd;
    private final NixLiterals lit;
    private final Mode mode;
    private final ResSchema schema = ResSchema.builtIn();
    private final List<String> faults = new ArrayList<>();
    /** Values fixed per configuration so that repeated definitions agree: key to Nix source. */
    private final Map<String, String> fixed = new HashMap<>();
    /** One spelling per name and configuration: two spellings in one attribute set would be a duplicate. */
    private final Map<String, String> spelling = new HashMap<>();
    private final List<ModuleFile> modules = new ArrayList<>();
    private int mclFiles;

    private ConfigurationGenerator(long seed, Mode mode) {
        this.rnd = new Random(seed);
        this.lit = new NixLiterals(rnd);
        this.mode = mode;
    }

    /** Configuration {@code index} of the run seeded {@code seed}, written under {@code dir}. */
    static Generated generate(long seed, int index, Mode mode, Path dir) throws IOException {
        return new ConfigurationGenerator(seed * 1_000_003L + index, mode).write(dir);
    }

    // ---- the module graph

    /** One module file (or an anonymous module written inside one). */
    private final class ModuleFile {
        final String path;
        final List<String> imports = new ArrayList<>();
        final List<String> disabled = new ArrayList<>();
        final List<Entry> entries = new ArrayList<>();
        final Map<String, String> lets;
        final String lib;
        final boolean crlf;

        ModuleFile(String path) {
            this.path = path;
            this.lib = lit.chance(0.2) ? "" : "lib.";
            this.crlf = lit.chance(0.12);
            this.lets = new LinkedHashMap<>();
        }

        /** An anonymous module written inside {@code in}: its names and let bindings are the file's. */
        ModuleFile(ModuleFile in) {
            this.path = in.path;
            this.lib = in.lib;
            this.crlf = in.crlf;
            this.lets = in.lets;
        }

        String dir() {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? "" : path.substring(0, slash);
        }

        /** A path literal from this module to a file of the configuration. */
        String pathTo(String target) {
            Path rel = Path.of(dir().isEmpty() ? "." : dir()).relativize(Path.of(target)).normalize();
            String r = rel.toString();
            if (target.endsWith("/default.nix") && dir().isEmpty() && lit.chance(0.5)) {
                r = target.substring(0, target.length() - "/default.nix".length()); // the folder
            }
            return r.startsWith("..") ? r : "./" + r;
        }
    }

    /** {@code path = value;} in a module: path elements are attribute names as written. */
    private record Entry(List<String> path, String value) {
    }

    private Generated write(Path dir) throws IOException {
        ModuleFile root = new ModuleFile("configuration.nix");
        modules.add(root);
        int more = rnd.nextInt(mode == Mode.RENDER ? 6 : 3);
        List<String> pool = new ArrayList<>(MODULE_FILES);
        java.util.Collections.shuffle(pool, rnd);
        for (int i = 0; i < more; i++) {
            ModuleFile m = new ModuleFile(pool.get(i));
            ModuleFile parent = modules.get(rnd.nextInt(modules.size()));
            parent.imports.add(parent.pathTo(m.path));
            if (lit.chance(0.15)) { // the same file again, maybe under its other name or from elsewhere
                ModuleFile other = modules.get(rnd.nextInt(modules.size()));
                other.imports.add(other.pathTo(m.path));
            }
            modules.add(m);
        }
        if (mode == Mode.DIAGNOSTICS && modules.size() > 1 && lit.chance(0.02)) { // a cycle: Nix recurses forever
            ModuleFile from = modules.get(modules.size() - 1);
            from.imports.add(from.pathTo(modules.get(rnd.nextInt(modules.size() - 1)).path));
        }
        if (modules.size() > 2 && lit.chance(0.12)) {
            ModuleFile m = modules.get(rnd.nextInt(modules.size()));
            ModuleFile off = modules.get(1 + rnd.nextInt(modules.size() - 1));
            m.disabled.add(m.pathTo(off.path));
            faults.add("disabledModules " + off.path + " in " + m.path);
        }
        List<Path> files = new ArrayList<>();
        for (ModuleFile m : List.copyOf(modules)) {
            int defs = rnd.nextInt(mode == Mode.RENDER ? 5 : 3);
            for (int i = 0; i < defs; i++) {
                define(m);
            }
            if (lit.chance(0.12)) {
                m.imports.add(anonymous(m));
            }
        }
        if (mode == Mode.DIAGNOSTICS) {
            int n = rnd.nextInt(3);
            for (int i = 0; i < n; i++) {
                fault(modules.get(rnd.nextInt(modules.size())));
            }
        }
        for (ModuleFile m : modules) {
            files.add(writeFile(dir, m.path, module(m), m.crlf));
        }
        for (int i = 0; i < mclFiles; i++) {
            files.add(writeFile(dir, MCL_FILES.get(i), mclFileText(), lit.chance(0.2)));
        }
        return new Generated(dir.resolve("configuration.nix"), files, List.copyOf(faults));
    }

    private String mclFileText() {
        StringBuilder b = new StringBuilder();
        int lines = rnd.nextInt(4);
        for (int i = 0; i < lines; i++) {
            b.append(lit.pick(List.of("$v = 1", "# comment é", "print \"p\" {\tmsg => \"x\",}", "", "  indented", "\u0001ctl")));
            if (i < lines - 1 || lit.chance(0.7)) {
                b.append('\n');
            }
        }
        if (lit.chance(0.3)) {
            b.append('\n');
        }
        return b.toString();
    }

    private static Path writeFile(Path dir, String rel, String text, boolean crlf) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, crlf ? text.replace("\n", "\r\n") : text, StandardCharsets.UTF_8);
        return p;
    }

    /** An anonymous module in an imports list, with definitions of its own. */
    private String anonymous(ModuleFile in) {
        ModuleFile anon = new ModuleFile(in);
        int defs = 1 + rnd.nextInt(2);
        for (int i = 0; i < defs; i++) {
            define(anon);
        }
        String body = "{ " + String.join(" ", scope(anon.entries, anon)) + " }";
        return lit.chance(0.5) ? body : "({ lib, ... }: " + body + ")";
    }

    // ---- definitions

    private void define(ModuleFile m) {
        switch (rnd.nextInt(mode == Mode.RENDER ? 7 : 3)) {
            case 0, 1, 2 -> res(m);
            case 3 -> raw(m);
            case 4 -> vars(m);
            case 5 -> mclImports(m);
            default -> raw(m);
        }
    }

    private void add(ModuleFile m, List<String> path, String value) {
        for (Entry e : m.entries) {
            if (isPrefix(e.path(), path) || isPrefix(path, e.path())) {
                return; // Nix would see an attribute defined twice
            }
        }
        m.entries.add(new Entry(List.copyOf(path), value));
    }

    private static boolean isPrefix(List<String> a, List<String> b) {
        return a.size() <= b.size() && b.subList(0, a.size()).equals(a);
    }

    private void raw(ModuleFile m) {
        add(m, List.of("rx", "mcl", "raw"), listOption(m, this::rawElement, 0));
    }

    private void mclImports(ModuleFile m) {
        add(m, List.of("rx", "mcl", "imports"), listOption(m, x -> lit.pick(IMPORT_NAMES), 0));
    }

    private String rawElement(ModuleFile m) {
        return switch (rnd.nextInt(10)) {
            case 0 -> "(builtins.readFile " + m.pathTo(mclFile()) + ")";
            case 1 -> "(" + m.lib + "fileContents " + m.pathTo(mclFile()) + ")";
            case 2 -> "(" + m.lib + "mkIf " + bool() + " " + lit.string(true, rnd.nextInt(3)) + ")";
            case 3 -> letBound(m, lit.string(true, rnd.nextInt(4)));
            default -> lit.string(true, rnd.nextInt(4));
        };
    }

    private String mclFile() {
        if (mclFiles == 0 || mclFiles < MCL_FILES.size() && lit.chance(0.3)) {
            mclFiles++;
        }
        return MCL_FILES.get(rnd.nextInt(mclFiles));
    }

    private String letBound(ModuleFile m, String value) {
        String name = "v" + m.lets.size();
        m.lets.put(name, value);
        return name;
    }

    /** A list option's value: the list, through the wrappers a definition of it may carry. */
    private String listOption(ModuleFile m, java.util.function.Function<ModuleFile, String> element, int depth) {
        String list = list(m, element);
        return switch (depth > 1 ? 0 : rnd.nextInt(12)) {
            case 0, 1, 2 -> list;
            case 3 -> call(m, lit.pick(List.of("mkBefore", "mkAfter")), list);
            case 4 -> call(m, "mkOrder " + lit.pick(ORDERS), list);
            case 5 -> call(m, "mkIf " + bool(), list);
            case 6 -> override(m, list);
            case 7 -> call(m, "mkIf " + bool(), "(" + override(m, call(m, "mkOrder " + lit.pick(ORDERS), list)) + ")");
            case 8 -> m.lib + "mkMerge [ (" + listOption(m, element, depth + 1) + ") ("
                    + listOption(m, element, depth + 1) + ") ]";
            case 9 -> list + " ++ " + list(m, element);
            case 10 -> m.lib + "optionals " + bool() + " " + list;
            default -> m.lib + "optional " + bool() + " " + element.apply(m);
        };
    }

    private String list(ModuleFile m, java.util.function.Function<ModuleFile, String> element) {
        int n = rnd.nextInt(4);
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            b.append(' ').append(element.apply(m));
        }
        return b.append(" ]").toString();
    }

    private String bool() {
        return lit.chance(0.7) ? "true" : "false";
    }

    private String call(ModuleFile m, String function, String arg) {
        return m.lib + function + " " + (arg.startsWith("[") || arg.startsWith("{") || arg.startsWith("(")
                || arg.matches("[\\w\".-]+") ? arg : "(" + arg + ")");
    }

    private String override(ModuleFile m, String value) {
        return switch (rnd.nextInt(5)) {
            case 0 -> call(m, "mkForce", value);
            case 1 -> call(m, "mkDefault", value);
            case 2 -> call(m, "mkOptionDefault", value);
            default -> call(m, "mkOverride " + lit.pick(OVERRIDES), value);
        };
    }

    // ---- vars

    private void vars(ModuleFile m) {
        String name = spelled("var", lit.pick(VAR_NAMES));
        switch (rnd.nextInt(4)) {
            case 0 -> add(m, List.of("rx", "mcl", "vars"), attrsOption(m, "{ " + name + " = " + varValue(m, name) + "; }"));
            case 1 -> add(m, List.of("rx", "mcl"), attrsOption(m, "{ vars." + name + " = " + varValue(m, name) + "; }"));
            default -> add(m, List.of("rx", "mcl", "vars", name), varValue(m, name));
        }
    }

    private String varValue(ModuleFile m, String name) {
        String value = fixed.computeIfAbsent("var " + name, k -> lit.string(lit.chance(0.3), rnd.nextInt(3)));
        if (lit.chance(0.25)) {
            String other = lit.string(false, 0);
            return lit.chance(0.5) ? call(m, "mkIf false", other) : override(m, other);
        }
        if (lit.chance(0.15)) {
            return call(m, "mkIf true", value);
        }
        return lit.chance(0.1) ? letBound(m, value) : value;
    }

    /** An attribute-set value of an option or an element, through wrappers. */
    private String attrsOption(ModuleFile m, String attrs) {
        return switch (rnd.nextInt(8)) {
            case 0 -> call(m, "mkIf " + (lit.chance(0.8) ? "true" : "false"), attrs);
            case 1 -> override(m, attrs);
            case 2 -> m.lib + "mkMerge [ " + attrs + " ]";
            default -> attrs;
        };
    }

    private String spelled(String what, String name) {
        return spelling.computeIfAbsent(what + " " + unquoted(name), k -> name);
    }

    private static String unquoted(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }

    // ---- rx.res

    private void res(ModuleFile m) {
        List<String> kinds = new ArrayList<>(schema.kinds().keySet());
        // the only float fields are test's: where Nix versions differ, so picked more often than its share
        String kind = lit.chance(0.15) ? "test" : lit.pick(kinds);
        String name = spelled("instance", lit.pick(INSTANCE_NAMES));
        Map<String, String> fields = fields(m, kind, name, 1 + rnd.nextInt(3));
        String kindAttr = kind.contains(":") ? "\"" + kind + "\"" : kind;
        switch (rnd.nextInt(5)) {
            case 0 -> add(m, List.of("rx", "res", kindAttr), attrsOption(m, "{ " + name + " = " + instance(m, fields) + "; }"));
            case 1 -> add(m, List.of("rx", "res", kindAttr, name), instance(m, fields));
            case 2 -> add(m, List.of("rx"), attrsOption(m, "{ res." + kindAttr + "." + name + " = " + body(fields) + "; }"));
            default -> fields.forEach((f, v) -> add(m, List.of("rx", "res", kindAttr, name, f), v));
        }
    }

    private String instance(ModuleFile m, Map<String, String> fields) {
        return attrsOption(m, body(fields));
    }

    private static String body(Map<String, String> fields) {
        StringBuilder b = new StringBuilder("{");
        fields.forEach((f, v) -> b.append(' ').append(f).append(" = ").append(v).append(';'));
        return b.append(" }").toString();
    }

    /** Field name (as written) to value source, for one definition of an instance. */
    private Map<String, String> fields(ModuleFile m, String kind, String name, int count) {
        Map<String, String> types = schema.kind(kind).orElseThrow().fields();
        List<String> names = new ArrayList<>(types.keySet());
        Map<String, String> out = new LinkedHashMap<>();
        List<String> floats = names.stream().filter(n -> types.get(n).equals("float")).toList();
        for (int i = 0; i < count; i++) {
            String field = !floats.isEmpty() && lit.chance(0.6) ? lit.pick(floats) : lit.pick(names);
            String written = spelled("field " + kind, lit.chance(0.1) ? "\"" + field + "\"" : field);
            out.put(written, fieldValue(m, kind + "\u0000" + name + "\u0000" + field, types.get(field)));
        }
        return out;
    }

    private String fieldValue(ModuleFile m, String key, String type) {
        return switch (type) {
            case "listOf str" -> lit.chance(0.1) ? "null" : maybeWrapped(m, "[" + elements(m, rnd.nextInt(3)) + " ]", true);
            case "attrsOf str" -> lit.chance(0.1) ? "null" : maybeWrapped(m, attrsValue(m, key), true);
            default -> {
                String value = fixed.computeIfAbsent(key, k -> lit.chance(0.08) ? "null" : scalar(type));
                if (lit.chance(0.2)) {
                    String other = scalar(type);
                    yield lit.chance(0.5) ? call(m, "mkIf false", other) : override(m, other);
                }
                yield maybeWrapped(m, value, false);
            }
        };
    }

    private String maybeWrapped(ModuleFile m, String value, boolean mergeable) {
        return switch (rnd.nextInt(10)) {
            case 0 -> call(m, "mkIf true", value);
            case 1 -> mergeable ? call(m, lit.pick(List.of("mkBefore", "mkAfter")), value) : value;
            case 2 -> lit.chance(0.5) ? letBound(m, value) : value;
            default -> value;
        };
    }

    /**
     * List elements, some under a wrapper of their own: the module system merges each element as a
     * definition (mkIf false leaves it out, a priority only unwraps).
     */
    private String elements(ModuleFile m, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(' ').append(elementWrapped(m, lit.shortString()));
        }
        return b.toString();
    }

    private String elementWrapped(ModuleFile m, String value) {
        if (!lit.chance(0.15)) {
            return value;
        }
        return "(" + call(m, lit.pick(List.of("mkIf false", "mkIf true", "mkForce", "mkDefault", "mkBefore")), value) + ")";
    }

    private String strings(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(' ').append(lit.shortString());
        }
        return b.toString();
    }

    private String attrsValue(ModuleFile m, String key) {
        StringBuilder b = new StringBuilder("{");
        int n = rnd.nextInt(3);
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (int i = 0; i < n; i++) {
            String k = lit.pick(List.of("FOO", "\"my var\"", "a_b", "\"1x\"", "\"é\"", "\"a.b\"", "\"$d\"", "c-d"));
            if (!keys.add(k)) {
                continue;
            }
            String v = fixed.computeIfAbsent(key + "\u0000" + k, x -> lit.shortString());
            b.append(' ').append(k).append(" = ")
                    .append(lit.chance(0.15) ? call(m, lit.pick(List.of("mkIf false", "mkIf true")), v) : v).append(';');
        }
        return b.append(" }").toString();
    }

    private String scalar(String type) {
        return switch (type) {
            case "str" -> lit.string(lit.chance(0.2), rnd.nextInt(2));
            case "int" -> parenthesised(lit.integer());
            case "float" -> parenthesised(lit.floating());
            case "bool" -> lit.chance(0.5) ? "true" : "false";
            default -> "null";
        };
    }

    private static String parenthesised(String number) {
        return number.startsWith("-") ? "(" + number + ")" : number;
    }

    // ---- faults (diagnostics mode)

    private void fault(ModuleFile m) {
        List<String> kinds = new ArrayList<>(schema.kinds().keySet());
        String kind = lit.pick(kinds);
        Map<String, String> types = schema.kind(kind).orElseThrow().fields();
        List<String> names = new ArrayList<>(types.keySet());
        String field = lit.pick(names);
        String type = types.get(field);
        String name = spelled("instance", lit.pick(INSTANCE_NAMES));
        String kindAttr = kind.contains(":") ? "\"" + kind + "\"" : kind;
        String wrong = wrongValue(type);
        switch (rnd.nextInt(9)) {
            case 0 -> {
                faults.add("wrong type " + kind + "." + field + " = " + wrong);
                add(m, List.of("rx", "res", kindAttr, name, field), wrong);
            }
            case 1 -> {
                String typo = kind + lit.pick(List.of("e", "s", "x"));
                String body = lit.pick(List.of("{ }", m.lib + "mkIf true { }", "{ " + field + " = null; }", m.lib + "mkIf false { }"));
                faults.add("unknown kind " + typo + " = " + body);
                add(m, List.of("rx", "res", typo, name), body);
            }
            case 2 -> {
                faults.add("unknown field " + kind + "." + field + "x");
                add(m, List.of("rx", "res", kindAttr, name, field + "x"), scalar("str"));
            }
            case 3 -> {
                String a = anyValue(type);
                String b = anyValue(type);
                faults.add("mkMerge of two definitions " + kind + "." + field + ": " + a + ", " + b);
                add(m, List.of("rx", "res", kindAttr, name, field), m.lib + "mkMerge [ " + a + " " + b + " ]");
            }
            case 4 -> {
                faults.add("mkIf false around a wrong value " + kind + "." + field);
                add(m, List.of("rx", "res", kindAttr, name), call(m, "mkIf false", "{ " + field + " = " + wrong + "; }"));
            }
            case 5 -> {
                ModuleFile other = modules.get(rnd.nextInt(modules.size()));
                String right = scalar(type);
                boolean forceRight = lit.chance(0.5);
                faults.add((forceRight ? "mkForce right, plain wrong " : "plain right, mkDefault wrong ") + kind + "." + field);
                add(m, List.of("rx", "res", kindAttr, name, field), forceRight ? call(m, "mkForce", right) : right);
                add(other, List.of("rx", "res", kindAttr, name, field), forceRight ? wrong : call(other, "mkDefault", wrong));
            }
            case 6 -> {
                String v = letBound(m, wrong);
                faults.add("let-bound wrong value " + kind + "." + field + " = " + wrong);
                add(m, List.of("rx", "res", kindAttr, name, field), v);
            }
            case 7 -> {
                ModuleFile other = modules.get(rnd.nextInt(modules.size()));
                faults.add("null and not null " + kind + "." + field);
                add(m, List.of("rx", "res", kindAttr, name, field), "null");
                add(other, List.of("rx", "res", kindAttr, name, field), anyValue(type));
            }
            default -> {
                faults.add("mkOverride 900 wrong, 800 right " + kind + "." + field);
                add(m, List.of("rx", "res", kindAttr, name), m.lib + "mkMerge [ (" + m.lib + "mkOverride 900 { " + field
                        + " = " + wrong + "; }) (" + m.lib + "mkOverride 800 { " + field + " = " + scalar(type) + "; }) ]");
            }
        }
    }

    /** A fresh value of the type: two of them may differ (or not). */
    private String anyValue(String type) {
        return switch (type) {
            case "listOf str" -> "[" + strings(1 + rnd.nextInt(2)) + " ]";
            case "attrsOf str" -> "{ k = " + lit.pick(List.of("\"a\"", "\"b\"")) + "; }";
            default -> scalar(type);
        };
    }

    private String wrongValue(String type) {
        List<String> candidates = new ArrayList<>(List.of("./x", "\"s\"", "42", "1.5", "true", "[ \"a\" ]",
                "{ a = \"b\"; }", "[ ./x ]", "{ a = ./x; }", "[ 1 ]", "{ a = 1; }"));
        candidates.removeIf(c -> fitsType(c, type));
        return lit.pick(candidates);
    }

    private static boolean fitsType(String literal, String type) {
        return switch (type) {
            case "str" -> literal.startsWith("\"");
            case "int" -> literal.equals("42");
            case "float" -> literal.equals("1.5");
            case "bool" -> literal.equals("true");
            case "listOf str" -> literal.equals("[ \"a\" ]");
            case "attrsOf str" -> literal.equals("{ a = \"b\"; }");
            default -> false;
        };
    }

    // ---- writing a module

    private String module(ModuleFile m) {
        StringBuilder b = new StringBuilder("# generated\n{ lib, ... }:\n");
        if (m.lib.isEmpty()) {
            b.append("with lib;\n");
        }
        if (!m.lets.isEmpty()) {
            b.append("let\n");
            m.lets.forEach((k, v) -> b.append("  ").append(k).append(" = ").append(v).append(";\n"));
            b.append("in\n");
        }
        b.append("{\n");
        if (!m.imports.isEmpty()) {
            b.append("  imports = [ ").append(String.join(" ", m.imports)).append(" ];\n");
        }
        if (!m.disabled.isEmpty()) {
            b.append("  disabledModules = [ ").append(String.join(" ", m.disabled)).append(" ];\n");
        }
        List<String> lines = scope(m.entries, m);
        switch (m.entries.isEmpty() ? 0 : rnd.nextInt(6)) {
            case 1 -> b.append("  config = ").append(m.lib).append("mkIf true {\n    ")
                    .append(String.join("\n    ", lines)).append("\n  };\n");
            case 2 -> {
                int half = rnd.nextInt(lines.size() + 1);
                b.append("  config = ").append(m.lib).append("mkMerge [\n    { ")
                        .append(String.join(" ", lines.subList(0, half))).append(" }\n    (").append(m.lib)
                        .append("mkIf ").append(bool()).append(" { ").append(String.join(" ", lines.subList(half, lines.size())))
                        .append(" })\n  ];\n");
            }
            case 3 -> lines.forEach(l -> b.append("  config.").append(l).append('\n'));
            default -> lines.forEach(l -> b.append("  ").append(l).append('\n'));
        }
        return b.append("}\n").toString();
    }

    /** The bindings of one attribute set; entries under {@code rx.mcl} may be grouped under a wrapper. */
    private List<String> scope(List<Entry> entries, ModuleFile m) {
        List<String> out = new ArrayList<>();
        List<Entry> grouped = new ArrayList<>();
        if (entries.size() > 1 && lit.chance(0.3)) {
            for (Entry e : entries) {
                if (e.path().size() > 2 && e.path().get(1).equals("mcl")) {
                    grouped.add(e);
                }
            }
        }
        for (Entry e : entries) {
            if (!grouped.contains(e)) {
                out.add(String.join(".", e.path()) + " = " + e.value() + ";");
            }
        }
        if (!grouped.isEmpty()) {
            StringBuilder g = new StringBuilder("{");
            grouped.forEach(e -> g.append(' ').append(String.join(".", e.path().subList(2, e.path().size())))
                    .append(" = ").append(e.value()).append(';'));
            g.append(" }");
            out.add("rx.mcl = " + attrsOption(m, g.toString()) + ";");
        }
        return out;
    }
}
