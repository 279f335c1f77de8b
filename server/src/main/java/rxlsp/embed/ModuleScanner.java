package rxlsp.embed;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import rxlsp.nix.AttrNames;
import rxlsp.nix.SyntaxNode;
import rxlsp.text.TextRange;

/**
 * Finds rx.nix's options in one NixOS module without evaluating it: every spelling of the attribute
 * paths ({@code rx.mcl.raw}, {@code rx = { mcl = …; }}, {@code config.rx…}, quoted names), through the
 * module-system wrappers ({@code mkIf}, {@code mkMerge}, {@code mkBefore}, …), {@code lib.optional(s)},
 * {@code ++} and {@code let} bindings of the same file. Each value is recorded with the definitions
 * it belongs to at every level of the module system's merge ({@link Lineage}, {@link MergeLevel}), and
 * each module written inside the file ({@link InlineModule}) as a module of its own. Anything that
 * needs evaluation becomes an opaque site, so that later stages know the program is not fully known.
 */
public final class ModuleScanner {
    /** Bounds the chase through let-bound variables and wrappers (a let may refer to itself). */
    private static final int MAX_INDIRECTION = 64;

    private final Path file;
    private final String text;
    private final List<FragmentSite> sites = new ArrayList<>();
    private final List<ResField> resFields = new ArrayList<>();
    private final List<ModuleImport> imports = new ArrayList<>();
    private final List<InlineModule> inline = new ArrayList<>();
    private final List<DisabledModule> disabled = new ArrayList<>();
    private final Map<List<Object>, OptionDefinition> definitions = new LinkedHashMap<>();
    private final Map<Integer, Integer> listed = new HashMap<>();
    /** The module (of this file) being read: 0 for the file's own, else an inline module's number. */
    private int unit;
    private int units = 1;
    private int ids;

    private ModuleScanner(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    /** Scans the module whose syntax tree is {@code root} ({@code source_code}). */
    public static ModuleScan scan(Path file, String text, SyntaxNode root) {
        return scan(file, text, root, mayFindSomething(text));
    }

    /** The same, told whether {@link #mayFindSomething} (or {@link #mayFindSomethingNear}) said yes. */
    public static ModuleScan scan(Path file, String text, SyntaxNode root, boolean mayFindSomething) {
        return mayFindSomething ? scanTree(file, text, root) : ModuleScan.empty(file, text);
    }

    /**
     * False when the text alone shows that a scan finds nothing: it has none of the words the scan
     * starts from (one pass over the text, ~25 ms for 10 MB).
     */
    public static boolean mayFindSomething(String text) {
        return ScanPrefilter.mayFindSomething(text);
    }

    /**
     * After one edit of a text of which {@link #mayFindSomething} said no: whether the words near
     * {@code text[from, to)}, where the edit put its text, may change that (only they can be new).
     */
    public static boolean mayFindSomethingNear(String text, int from, int to) {
        return ScanPrefilter.mayFindSomethingNear(text, from, to);
    }

    /** {@link #scan} without the text prefilter (for tests that check the prefilter). */
    static ModuleScan scanTree(Path file, String text, SyntaxNode root) {
        ModuleScanner scanner = new ModuleScanner(file, text);
        root.child("expression").ifPresent(e -> scanner.module(e, Env.EMPTY, 0));
        List<FragmentSite> marked = new ArrayList<>();
        scanner.walkTree(root, marked);
        // a marked string that is also an option value is analysed as part of the program only
        for (FragmentSite m : marked) {
            if (scanner.sites.stream().noneMatch(s -> Objects.equals(s.string(), m.string()))) {
                scanner.sites.add(m);
            }
        }
        return new ModuleScan(file, text, scanner.sites, scanner.resFields, scanner.imports,
                List.copyOf(scanner.definitions.values()), scanner.inline, scanner.disabled);
    }

    /** A name on an attribute path, with where it is written. */
    record Name(String name, TextRange range) {
    }

    /** The {@code let} bindings in scope: name to value expression. */
    record Env(Map<String, SyntaxNode> bindings, Env parent) {
        static final Env EMPTY = new Env(Map.of(), null);

        Optional<SyntaxNode> lookup(String name) {
            for (Env e = this; e != null; e = e.parent) {
                SyntaxNode v = e.bindings.get(name);
                if (v != null) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    private int newId() {
        return ++ids;
    }

    // ---- the module's top level: functions, lets and the attribute set

    private void module(SyntaxNode expr, Env env, int depth) {
        if (depth > MAX_INDIRECTION || expr == null) {
            return;
        }
        switch (expr.type()) {
            case "function_expression" -> module(expr.child("body").orElse(null), env, depth + 1);
            case "let_expression" -> module(expr.child("body").orElse(null), withLet(expr, env), depth + 1);
            case "parenthesized_expression", "with_expression", "assert_expression" ->
                    module(bodyOf(expr), env, depth + 1);
            case "attrset_expression", "rec_attrset_expression" ->
                    attrs(expr, List.of(), env, Lineage.start(newId()), true);
            default -> {
                // a module that is not an attribute set literal (a call, an import): nothing to read
            }
        }
    }

    private static SyntaxNode bodyOf(SyntaxNode expr) {
        return expr.child("body").or(() -> expr.child("expression")).orElse(null);
    }

    static SyntaxNode unparenthesised(SyntaxNode e) {
        SyntaxNode n = e;
        while (n.is("parenthesized_expression") && n.child("expression").isPresent()) {
            n = n.child("expression").get();
        }
        return n;
    }

    private Env withLet(SyntaxNode let, Env env) {
        Map<String, SyntaxNode> bindings = new HashMap<>();
        let.namedChildren().stream().filter(c -> c.is("binding_set")).forEach(set -> bindingsOf(set, bindings));
        return new Env(bindings, env);
    }

    private void bindingsOf(SyntaxNode set, Map<String, SyntaxNode> into) {
        for (SyntaxNode b : set.children("binding")) {
            List<SyntaxNode> attrs = b.child("attrpath").map(p -> p.children("attr")).orElse(List.of());
            if (attrs.size() == 1) {
                AttrNames.staticName(attrs.get(0), text)
                        .ifPresent(n -> b.child("expression").ifPresent(v -> into.put(n, v)));
            }
        }
    }

    /**
     * One walk over the whole tree, in source order, for what can stand anywhere: modules written
     * inline where a configuration is built (the elements of a {@code modules = [ … ]} list, as in
     * {@code lib.nixosSystem} and flake templates: functions and attribute sets there are modules
     * written in this file, path literals modules it imports), and strings marked as MCL (into
     * {@code marked}).
     */
    private void walkTree(SyntaxNode root, List<FragmentSite> marked) {
        ArrayDeque<SyntaxNode> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            SyntaxNode n = stack.pop();
            if (n.is("binding")) {
                List<SyntaxNode> attrs = n.child("attrpath").map(p -> p.children("attr")).orElse(List.of());
                SyntaxNode value = n.child("expression").orElse(null);
                if (!attrs.isEmpty() && value != null && value.is("list_expression")
                        && AttrNames.staticName(attrs.get(attrs.size() - 1), text).filter("modules"::equals).isPresent()) {
                    for (SyntaxNode e : value.children("element")) {
                        listedModule(e, Env.EMPTY);
                    }
                }
            }
            MclMarkers.collect(n, text, marked);
            List<SyntaxNode> children = n.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                if (!children.get(i).children().isEmpty()) {
                    stack.push(children.get(i));
                }
            }
        }
    }

    /** An element of an {@code imports} or {@code modules} list of the current module. */
    private void listedModule(SyntaxNode element, Env env) {
        int position = listed.merge(unit, 1, Integer::sum);
        SyntaxNode e = unparenthesised(element);
        switch (e.type()) {
            case "function_expression", "attrset_expression", "rec_attrset_expression", "let_expression" -> {
                int inner = units++;
                inline.add(new InlineModule(inner, unit, position, element.range()));
                int outer = unit;
                unit = inner;
                module(e, env, 0);
                unit = outer;
            }
            case "path_expression" -> PathLiterals.resolve(e, text, file)
                    .ifPresent(p -> imports.add(new ModuleImport(p, element.range(), unit, position)));
            default -> {
                // a module from a flake input or a variable: not this file's text
            }
        }
    }

    // ---- attribute sets along the option paths

    /** Reads the bindings of an attribute set whose own path is {@code prefix}. */
    private void attrs(SyntaxNode set, List<Name> prefix, Env env, Lineage lineage, boolean moduleLevel) {
        Env inner = set.is("rec_attrset_expression") ? withBindings(set, env) : env;
        // this attribute set is the value at its path: the definitions up to here are fixed
        Lineage here = close(lineage, prefix, levelsAt(prefix, prefix.size()), false);
        for (SyntaxNode bindingSet : set.namedChildren()) {
            if (!bindingSet.is("binding_set")) {
                continue;
            }
            for (SyntaxNode b : bindingSet.children("binding")) {
                List<Name> path = new ArrayList<>(prefix);
                if (!appendPath(b, path)) {
                    continue;
                }
                SyntaxNode value = b.child("expression").orElse(null);
                if (value == null) {
                    continue;
                }
                // an option boundary crossed inside the attribute path (rx.res.file.x.mode = …) is a
                // definition the module system sees as an attribute set literal: fixed here too
                List<Name> reached = moduleLevel && path.get(0).name().equals("config") ? path.subList(1, path.size()) : path;
                Lineage through = close(here, reached, levelsAt(reached, reached.size() - 1), false);
                option(path, value, inner, through, moduleLevel);
            }
        }
    }

    /** Whether a value at {@code path} holds rx.nix's options rather than being one ({@code rx}, {@code rx.mcl}, {@code config.rx.res}). */
    private static boolean aboveOptions(List<Name> path) {
        List<Name> p = !path.isEmpty() && path.get(0).name().equals("config") ? path.subList(1, path.size()) : path;
        return !p.isEmpty() && p.get(0).name().equals("rx") && levelsAt(p, p.size()) == 0;
    }

    private static List<String> names(List<Name> path) {
        return path.stream().map(Name::name).toList();
    }

    /**
     * How many merge levels are fixed for a value at the first {@code size} names of {@code path}:
     * the option boundaries there are at 3 ({@code rx.mcl.raw}, {@code rx.mcl.vars},
     * {@code rx.res.<kind>}), 4 (a var, an {@code rx.res} instance) and 5 (an instance's field).
     */
    static int levelsAt(List<Name> path, int size) {
        if (path.size() < 2 || size < 3 || !path.get(0).name().equals("rx")) {
            return 0; // most bindings of a module: not on rx.nix's options
        }
        return switch (path.get(1).name()) {
            case "mcl" -> path.size() >= 3 && path.get(2).name().equals("vars") ? Math.min(size, 4) - 2 : 1;
            case "res" -> Math.min(size, 5) - 2;
            default -> 0;
        };
    }

    /** Fixes levels up to {@code count}, recording the option and instance definitions among them. */
    private Lineage close(Lineage lineage, List<Name> path, int count, boolean opaque) {
        Lineage l = lineage;
        while (l.closed().size() < count) {
            int index = l.closed().size();
            l = l.close();
            record(path, index, l.closed(), opaque);
        }
        return l;
    }

    private void record(List<Name> path, int index, List<MergeLevel> levels, boolean opaque) {
        boolean res = path.get(1).name().equals("res");
        if (index > 1 || index == 1 && !res || path.size() < 3 + index) {
            return;
        }
        String option = "rx." + path.get(1).name() + "." + path.get(2).name();
        String instance = index == 1 ? path.get(3).name() : null;
        definitions.putIfAbsent(List.of(unit, option, instance == null ? "" : instance, levels),
                new OptionDefinition(unit, option, instance, levels, path.get(2 + index).range(), opaque));
    }

    private Env withBindings(SyntaxNode set, Env env) {
        Map<String, SyntaxNode> bindings = new HashMap<>();
        set.namedChildren().stream().filter(c -> c.is("binding_set")).forEach(s -> bindingsOf(s, bindings));
        return new Env(bindings, env);
    }

    private boolean appendPath(SyntaxNode binding, List<Name> path) {
        Optional<SyntaxNode> attrpath = binding.child("attrpath");
        if (attrpath.isEmpty()) {
            return false;
        }
        for (SyntaxNode attr : attrpath.get().children("attr")) {
            Optional<String> name = AttrNames.staticName(attr, text);
            if (name.isEmpty()) {
                return false;
            }
            path.add(new Name(name.get(), attr.range()));
        }
        return true;
    }

    /** One definition {@code path = value}, where {@code path} is relative to the module's top. */
    private void option(List<Name> path, SyntaxNode value, Env env, Lineage lineage, boolean moduleLevel) {
        List<Name> p = path;
        if (moduleLevel && !p.isEmpty() && p.get(0).name().equals("config")) {
            p = p.subList(1, p.size());
            if (p.isEmpty()) {
                nested(value, p, env, lineage, 0);
                return;
            }
        } else if (moduleLevel && p.size() == 1 && p.get(0).name().equals("imports")) {
            moduleList(value, env, 0, e -> listedModule(e, env));
            return;
        } else if (moduleLevel && p.size() == 1 && p.get(0).name().equals("disabledModules")) {
            moduleList(value, env, 0, this::disabledModule);
            return;
        }
        if (p.isEmpty() || !p.get(0).name().equals("rx")) {
            return;
        }
        List<String> names = names(p);
        if (names.size() < 3) {
            nested(value, p, env, lineage, 0);
        } else if (names.get(1).equals("mcl")) {
            mclOption(p, names, value, env, lineage);
        } else if (names.get(1).equals("res")) {
            if (names.size() < 5) {
                nested(value, p, env, lineage, 0);
            } else if (names.size() == 5) {
                field(p, value, env, lineage, 0);
            }
        }
    }

    private void mclOption(List<Name> p, List<String> names, SyntaxNode value, Env env, Lineage lineage) {
        switch (names.get(2)) {
            case "raw" -> {
                if (names.size() == 3) {
                    listElements(value, env, lineage, FragmentRole.RAW, p, 0);
                }
            }
            case "imports" -> {
                if (names.size() == 3) {
                    listElements(value, env, lineage, FragmentRole.IMPORT, p, 0);
                }
            }
            case "vars" -> {
                if (names.size() == 3) {
                    nested(value, p, env, lineage, 0);
                } else if (names.size() == 4) {
                    stringSite(value, env, lineage, FragmentRole.VAR, p.get(3), p, 0);
                }
            }
            default -> close(lineage, p.subList(0, 3), 1, false); // an option rx.nix does not declare
        }
    }

    /** What is known statically of a condition: literal Booleans, {@code let}-bound ones, {@code !}, {@code &&}, {@code ||}. */
    private Condition condition(SyntaxNode c, Env env, int depth) {
        if (depth > MAX_INDIRECTION) {
            return Condition.UNKNOWN;
        }
        SyntaxNode n = unparenthesised(c);
        switch (n.type()) {
            case "variable_expression" -> {
                String name = n.text(text);
                if (name.equals("true") || name.equals("false")) {
                    return name.equals("true") ? Condition.TRUE : Condition.FALSE;
                }
                return env.lookup(name).map(v -> condition(v, env, depth + 1)).orElse(Condition.UNKNOWN);
            }
            case "unary_expression" -> {
                boolean not = n.child("operator").map(o -> o.is("!")).orElse(false);
                return not ? n.child("argument").map(a -> condition(a, env, depth + 1).not()).orElse(Condition.UNKNOWN)
                        : Condition.UNKNOWN;
            }
            case "binary_expression" -> {
                Condition l = n.child("left").map(a -> condition(a, env, depth + 1)).orElse(Condition.UNKNOWN);
                Condition r = n.child("right").map(a -> condition(a, env, depth + 1)).orElse(Condition.UNKNOWN);
                if (hasOperator(n, "&&")) {
                    return l.and(r);
                }
                if (hasOperator(n, "||")) {
                    return l.not().and(r.not()).not();
                }
                return Condition.UNKNOWN;
            }
            default -> {
                return Condition.UNKNOWN;
            }
        }
    }

    /** The branch of {@code if c then a else b} when {@code c} is known. */
    private Optional<SyntaxNode> branch(SyntaxNode ifExpression, Env env) {
        Condition c = ifExpression.child("condition").map(x -> condition(x, env, 0)).orElse(Condition.UNKNOWN);
        return switch (c) {
            case TRUE -> ifExpression.child("consequence");
            case FALSE -> ifExpression.child("alternative");
            case UNKNOWN -> Optional.empty();
        };
    }

    /** A wrapper's effect on the open definition level; {@code at} is the wrapper's call. */
    private Lineage wrapped(Call.Wrapper w, SyntaxNode at, Lineage lineage, Env env) {
        return switch (w.effect()) {
            case CONDITION -> lineage.when(condition(w.condition(), env, 0), newId(), at.range());
            case OVERRIDE -> lineage.withOverride(w.priority(), newId(), at.range());
            case ORDER -> lineage.withOrder(w.priority(), newId(), at.range());
            case MERGE -> lineage.split(newId(), at.range());
        };
    }

    /** A value at an attribute-set path: an attrset, possibly wrapped in module-system functions. */
    private void nested(SyntaxNode value, List<Name> path, Env env, Lineage lineage, int depth) {
        if (depth > MAX_INDIRECTION) {
            return;
        }
        SyntaxNode v = value;
        switch (v.type()) {
            case "attrset_expression", "rec_attrset_expression" -> attrs(v, path, env, lineage, false);
            case "parenthesized_expression" ->
                    v.child("expression").ifPresent(e -> nested(e, path, env, lineage, depth + 1));
            case "let_expression" ->
                    v.child("body").ifPresent(e -> nested(e, path, withLet(v, env), lineage, depth + 1));
            case "variable_expression" -> {
                Optional<SyntaxNode> bound = env.lookup(v.text(text));
                if (bound.isPresent()) {
                    nested(bound.get(), path, env, lineage, depth + 1);
                } else {
                    unknownDefinition(path, lineage);
                }
            }
            case "if_expression" -> branch(v, env).ifPresentOrElse(b -> nested(b, path, env, lineage, depth + 1),
                    () -> unknownDefinition(path, lineage));
            case "apply_expression" -> {
                Call call = Call.of(v, text);
                Optional<Call.Wrapper> w = call.wrapper();
                if (w.isPresent() && w.get().effect() == Call.Effect.MERGE) {
                    forEachListElement(w.get().value(), env, depth,
                            e -> nested(e, path, env, wrapped(w.get(), v, lineage, env), depth + 1));
                } else if (w.isPresent()) {
                    Lineage inner = wrapped(w.get(), v, lineage, env);
                    if (w.get().effect() == Call.Effect.ORDER && aboveOptions(path)) {
                        inner = inner.withOrderAboveOptions(v.range());
                    }
                    nested(w.get().value(), path, env, inner, depth + 1);
                } else if (call.function().equals("optionalAttrs") && call.args().size() == 2) {
                    Condition c = condition(call.args().get(0), env, 0);
                    if (c == Condition.FALSE) {
                        close(lineage, path, levelsAt(path, path.size()), false); // an empty definition
                    } else {
                        nested(call.args().get(1), path, env, lineage.onlyIf(c), depth + 1);
                    }
                } else {
                    unknownDefinition(path, lineage);
                }
            }
            default -> unknownDefinition(path, lineage);
        }
    }

    /** A definition whose value needs evaluation: it takes part in the merge with unknown content. */
    private void unknownDefinition(List<Name> path, Lineage lineage) {
        close(lineage, path, levelsAt(path, path.size()), true);
    }

    // ---- list options

    private void listElements(SyntaxNode value, Env env, Lineage lineage, FragmentRole role, List<Name> path, int depth) {
        if (depth > MAX_INDIRECTION) {
            return;
        }
        switch (value.type()) {
            case "list_expression" -> {
                Lineage list = close(lineage, path, 1, false);
                for (SyntaxNode e : value.children("element")) {
                    stringSite(e, env, list, role, null, path, depth + 1);
                }
            }
            case "parenthesized_expression" ->
                    value.child("expression").ifPresent(e -> listElements(e, env, lineage, role, path, depth + 1));
            case "let_expression" -> value.child("body")
                    .ifPresent(e -> listElements(e, withLet(value, env), lineage, role, path, depth + 1));
            case "variable_expression" -> {
                Optional<SyntaxNode> bound = env.lookup(value.text(text));
                if (bound.isPresent()) {
                    listElements(bound.get(), env, lineage, role, path, depth + 1);
                } else {
                    opaque(value, role, lineage, path);
                }
            }
            case "if_expression" -> branch(value, env).ifPresentOrElse(
                    b -> listElements(b, env, lineage, role, path, depth + 1), () -> opaque(value, role, lineage, path));
            case "binary_expression" -> {
                if (hasOperator(value, "++")) {
                    value.child("left").ifPresent(e -> listElements(e, env, lineage, role, path, depth + 1));
                    value.child("right").ifPresent(e -> listElements(e, env, lineage, role, path, depth + 1));
                } else {
                    opaque(value, role, lineage, path);
                }
            }
            case "apply_expression" -> listCall(value, env, lineage, role, path, depth);
            default -> opaque(value, role, lineage, path);
        }
    }

    private void listCall(SyntaxNode value, Env env, Lineage lineage, FragmentRole role, List<Name> path, int depth) {
        Call call = Call.of(value, text);
        Optional<Call.Wrapper> w = call.wrapper();
        if (w.isPresent() && w.get().effect() == Call.Effect.MERGE) {
            forEachListElement(w.get().value(), env, depth,
                    e -> listElements(e, env, wrapped(w.get(), value, lineage, env), role, path, depth + 1));
        } else if (w.isPresent()) {
            listElements(w.get().value(), env, wrapped(w.get(), value, lineage, env), role, path, depth + 1);
        } else if (call.function().equals("optional") && call.args().size() == 2) {
            // a list of one element or none: the definition is there either way, the element only maybe
            Lineage list = close(lineage, path, 1, false);
            stringSite(call.args().get(1), env, list.onlyIf(condition(call.args().get(0), env, 0)),
                    role, null, path, depth + 1);
        } else if (call.function().equals("optionals") && call.args().size() == 2) {
            Lineage list = close(lineage, path, 1, false);
            listElements(call.args().get(1), env, list.onlyIf(condition(call.args().get(0), env, 0)),
                    role, path, depth + 1);
        } else {
            opaque(value, role, lineage, path);
        }
    }

    private void forEachListElement(SyntaxNode list, Env env, int depth, Consumer<SyntaxNode> action) {
        SyntaxNode l = list;
        for (int i = 0; i < MAX_INDIRECTION; i++) {
            if (l.is("parenthesized_expression")) {
                l = l.child("expression").orElse(l);
            } else if (l.is("variable_expression") && env.lookup(l.text(text)).isPresent()) {
                l = env.lookup(l.text(text)).get();
            } else {
                break;
            }
        }
        if (l.is("list_expression")) {
            l.children("element").forEach(action);
        }
    }

    private static boolean hasOperator(SyntaxNode binary, String op) {
        return binary.children().stream().anyMatch(c -> c.field() == null && c.is(op))
                || binary.child("operator").map(o -> o.is(op)).orElse(false);
    }

    // ---- one string

    private void stringSite(SyntaxNode value, Env env, Lineage lineage, FragmentRole role, Name var, List<Name> path,
                            int depth) {
        if (depth > MAX_INDIRECTION) {
            return;
        }
        switch (value.type()) {
            case "string_expression", "indented_string_expression" ->
                    site(role, var, value, null, false, value, leaf(lineage, role, path));
            case "parenthesized_expression" ->
                    value.child("expression").ifPresent(e -> stringSite(e, env, lineage, role, var, path, depth + 1));
            case "let_expression" -> value.child("body")
                    .ifPresent(e -> stringSite(e, withLet(value, env), lineage, role, var, path, depth + 1));
            case "variable_expression" -> {
                Optional<SyntaxNode> bound = env.lookup(value.text(text));
                if (bound.isPresent()) {
                    stringSite(bound.get(), env, lineage, role, var, path, depth + 1);
                } else {
                    site(role, var, null, null, false, value, leaf(lineage, role, path));
                }
            }
            case "if_expression" -> branch(value, env).ifPresentOrElse(
                    b -> stringSite(b, env, lineage, role, var, path, depth + 1),
                    () -> site(role, var, null, null, false, value, leaf(lineage, role, path)));
            case "apply_expression" -> {
                Call call = Call.of(value, text);
                Optional<Path> read = call.readFileTarget(file);
                Optional<Call.Wrapper> w = call.wrapper();
                if (read.isPresent()) {
                    site(role, var, null, read.get(), call.function().equals("fileContents"), value, leaf(lineage, role, path));
                } else if (w.isPresent() && w.get().effect() == Call.Effect.MERGE) {
                    forEachListElement(w.get().value(), env, depth,
                            e -> stringSite(e, env, wrapped(w.get(), value, lineage, env), role, var, path, depth + 1));
                } else if (w.isPresent()) {
                    stringSite(w.get().value(), env, wrapped(w.get(), value, lineage, env), role, var, path, depth + 1);
                } else if (call.function().equals("optionalString") && call.args().size() == 2
                        && condition(call.args().get(0), env, 0) == Condition.TRUE) {
                    stringSite(call.args().get(1), env, lineage, role, var, path, depth + 1);
                } else {
                    site(role, var, null, null, false, value, leaf(lineage, role, path));
                }
            }
            default -> site(role, var, null, null, false, value, leaf(lineage, role, path));
        }
    }

    /** A site's levels: the option's definition, then the list element's or the var's. */
    private List<MergeLevel> leaf(Lineage lineage, FragmentRole role, List<Name> path) {
        Lineage l = close(lineage, path, role == FragmentRole.VAR ? 2 : 1, false);
        return l.closeTo(2).closed();
    }

    private void site(FragmentRole role, Name var, SyntaxNode string, Path readFile, boolean dropFinalNewline,
                      SyntaxNode expression, List<MergeLevel> levels) {
        sites.add(new FragmentSite(role, var == null ? null : var.name(), var == null ? null : var.range(), string,
                readFile, dropFinalNewline, expression, unit, levels));
    }

    private void opaque(SyntaxNode value, FragmentRole role, Lineage lineage, List<Name> path) {
        Lineage l = close(lineage, path, 1, true);
        site(role, null, null, null, false, value, l.closeTo(2).closed());
    }

    // ---- rx.res.<kind>.<name>.<field> = value

    private void field(List<Name> p, SyntaxNode value, Env env, Lineage lineage, int depth) {
        if (depth > MAX_INDIRECTION) {
            return;
        }
        switch (value.type()) {
            case "parenthesized_expression" ->
                    value.child("expression").ifPresent(e -> field(p, e, env, lineage, depth + 1));
            case "apply_expression" -> {
                Optional<Call.Wrapper> w = Call.of(value, text).wrapper();
                if (w.isPresent() && w.get().effect() == Call.Effect.MERGE) {
                    forEachListElement(w.get().value(), env, depth,
                            e -> field(p, e, env, wrapped(w.get(), value, lineage, env), depth + 1));
                } else if (w.isPresent()) {
                    field(p, w.get().value(), env, wrapped(w.get(), value, lineage, env), depth + 1);
                } else {
                    resField(p, value, env, lineage);
                }
            }
            default -> resField(p, value, env, lineage);
        }
    }

    private void resField(List<Name> p, SyntaxNode value, Env env, Lineage lineage) {
        Lineage l = close(lineage, p, 3, false);
        resFields.add(new ResField(p.get(2).name(), p.get(2).range(), p.get(3).name(), p.get(3).range(),
                p.get(4).name(), p.get(4).range(), NixValues.read(value, env, text, c -> condition(c, env, 0)), value.range(), unit, l.closed()));
    }

    // ---- imports = [ ./a.nix ]; disabledModules = [ ./b.nix ];

    private void moduleList(SyntaxNode value, Env env, int depth, Consumer<SyntaxNode> element) {
        if (depth > MAX_INDIRECTION) {
            return;
        }
        switch (value.type()) {
            case "list_expression" -> value.children("element").forEach(element);
            case "parenthesized_expression" -> value.child("expression").ifPresent(e -> moduleList(e, env, depth + 1, element));
            case "variable_expression" -> env.lookup(value.text(text)).ifPresent(e -> moduleList(e, env, depth + 1, element));
            case "binary_expression" -> {
                value.child("left").ifPresent(e -> moduleList(e, env, depth + 1, element));
                value.child("right").ifPresent(e -> moduleList(e, env, depth + 1, element));
            }
            default -> {
                // computed imports are not followed
            }
        }
    }

    private void disabledModule(SyntaxNode element) {
        PathLiterals.resolve(element, text, file).ifPresent(p -> disabled.add(new DisabledModule(unit, p, element.range())));
    }
}
