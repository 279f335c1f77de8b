package rxlsp.embed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rxlsp.nix.AttrNames;
import rxlsp.nix.SyntaxNode;
import rxlsp.text.TextRange;

/**
 * Finds rx.nix's options in one NixOS module without evaluating it: every spelling of the attribute
 * paths ({@code rx.mcl.raw}, {@code rx = { mcl = …; }}, {@code config.rx…}, quoted names), through the
 * module-system wrappers ({@code mkIf}, {@code mkMerge}, {@code mkBefore}, …), {@code lib.optional(s)},
 * {@code ++} and {@code let} bindings of the same file. Anything that needs evaluation becomes an
 * opaque site, so that later stages know the program is not fully known.
 */
public final class ModuleScanner {
    /** Bounds the chase through let-bound variables and wrappers (a let may refer to itself). */
    private static final int MAX_INDIRECTION = 64;

    private final Path file;
    private final String text;
    private final List<FragmentSite> sites = new ArrayList<>();
    private final List<ResField> resFields = new ArrayList<>();
    private final List<ModuleImport> imports = new ArrayList<>();

    private ModuleScanner(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    /** Scans the module whose syntax tree is {@code root} ({@code source_code}). */
    public static ModuleScan scan(Path file, String text, SyntaxNode root) {
        if (!ScanPrefilter.mayFindSomething(text)) {
            return new ModuleScan(file, text, List.of(), List.of(), List.of());
        }
        return scanTree(file, text, root);
    }

    /** {@link #scan} without the text prefilter (for tests that check the prefilter). */
    static ModuleScan scanTree(Path file, String text, SyntaxNode root) {
        ModuleScanner scanner = new ModuleScanner(file, text);
        root.child("expression").ifPresent(e -> scanner.module(e, Env.EMPTY, 0));
        List<FragmentSite> marked = new ArrayList<>();
        scanner.walkTree(root, marked);
        // a marked string that is also an option value is analysed as part of the program only
        for (FragmentSite m : marked) {
            if (scanner.sites.stream().noneMatch(s -> java.util.Objects.equals(s.string(), m.string()))) {
                scanner.sites.add(m);
            }
        }
        return new ModuleScan(file, text, scanner.sites, scanner.resFields, scanner.imports);
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
            case "attrset_expression", "rec_attrset_expression" -> attrs(expr, List.of(), env, Priority.PLAIN, true);
            default -> {
                // a module that is not an attribute set literal (a call, an import): nothing to read
            }
        }
    }

    private static SyntaxNode bodyOf(SyntaxNode expr) {
        return expr.child("body").or(() -> expr.child("expression")).orElse(null);
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
     * {@code lib.nixosSystem} and flake templates: functions and attribute sets there are modules of
     * this file, path literals modules it imports), and strings marked as MCL (into {@code marked}).
     */
    private void walkTree(SyntaxNode root, List<FragmentSite> marked) {
        java.util.ArrayDeque<SyntaxNode> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            SyntaxNode n = stack.pop();
            if (n.is("binding")) {
                List<SyntaxNode> attrs = n.child("attrpath").map(p -> p.children("attr")).orElse(List.of());
                SyntaxNode value = n.child("expression").orElse(null);
                if (!attrs.isEmpty() && value != null && value.is("list_expression")
                        && AttrNames.staticName(attrs.get(attrs.size() - 1), text).filter("modules"::equals).isPresent()) {
                    for (SyntaxNode e : value.children("element")) {
                        inlineModule(e);
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

    private void inlineModule(SyntaxNode element) {
        SyntaxNode e = element;
        while (e.is("parenthesized_expression") && e.child("expression").isPresent()) {
            e = e.child("expression").get();
        }
        switch (e.type()) {
            case "function_expression", "attrset_expression", "rec_attrset_expression", "let_expression" ->
                    module(e, Env.EMPTY, 0);
            case "path_expression" ->
                    PathLiterals.resolve(e, text, file).ifPresent(p -> imports.add(new ModuleImport(p, element.range())));
            default -> {
                // a module from a flake input or a variable: not this file's text
            }
        }
    }

    // ---- attribute sets along the option paths

    /** Reads the bindings of an attribute set whose own path is {@code prefix}. */
    private void attrs(SyntaxNode set, List<Name> prefix, Env env, Priority priority, boolean moduleLevel) {
        Env inner = set.is("rec_attrset_expression") ? withBindings(set, env) : env;
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
                if (value != null) {
                    option(path, value, inner, priority, moduleLevel);
                }
            }
        }
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
    private void option(List<Name> path, SyntaxNode value, Env env, Priority priority, boolean moduleLevel) {
        List<Name> p = path;
        if (moduleLevel && !p.isEmpty() && p.get(0).name().equals("config")) {
            p = p.subList(1, p.size());
            if (p.isEmpty()) {
                nested(value, p, env, priority, 0);
                return;
            }
        } else if (moduleLevel && p.size() == 1 && p.get(0).name().equals("imports")) {
            moduleImports(value, env, 0);
            return;
        }
        if (p.isEmpty() || !p.get(0).name().equals("rx")) {
            return;
        }
        List<String> names = p.stream().map(Name::name).toList();
        if (names.size() < 3 && isPrefixOf(names, List.of("rx", "mcl")) || names.size() < 2) {
            nested(value, p, env, priority, 0);
        } else if (names.get(1).equals("mcl")) {
            mclOption(p, names, value, env, priority);
        } else if (names.get(1).equals("res")) {
            if (names.size() < 5) {
                nested(value, p, env, priority, 0);
            } else if (names.size() == 5) {
                resFields.add(new ResField(names.get(2), p.get(2).range(), names.get(3), p.get(3).range(),
                        names.get(4), p.get(4).range(), NixValues.read(value, env, text), priority));
            }
        }
    }

    private void mclOption(List<Name> p, List<String> names, SyntaxNode value, Env env, Priority priority) {
        String option = names.size() > 2 ? names.get(2) : "";
        switch (option) {
            case "raw" -> {
                if (names.size() == 3) {
                    listElements(value, env, priority, FragmentRole.RAW, 0);
                }
            }
            case "imports" -> {
                if (names.size() == 3) {
                    listElements(value, env, priority, FragmentRole.IMPORT, 0);
                }
            }
            case "vars" -> {
                if (names.size() == 3) {
                    nested(value, p, env, priority, 0);
                } else if (names.size() == 4) {
                    Name var = p.get(3);
                    stringSite(value, env, priority, FragmentRole.VAR, var, 0);
                }
            }
            default -> {
                // rx.mcl has no other options
            }
        }
    }

    private static boolean isPrefixOf(List<String> names, List<String> of) {
        return names.size() <= of.size() && of.subList(0, names.size()).equals(names);
    }

    /** A value at an attribute-set path: an attrset, possibly wrapped in module-system functions. */
    private void nested(SyntaxNode value, List<Name> path, Env env, Priority priority, int depth) {
        if (depth > MAX_INDIRECTION) {
            return;
        }
        SyntaxNode v = value;
        switch (v.type()) {
            case "attrset_expression", "rec_attrset_expression" -> attrs(v, path, env, priority, false);
            case "parenthesized_expression" ->
                    v.child("expression").ifPresent(e -> nested(e, path, env, priority, depth + 1));
            case "let_expression" ->
                    v.child("body").ifPresent(e -> nested(e, path, withLet(v, env), priority, depth + 1));
            case "variable_expression" -> env.lookup(v.text(text)).ifPresent(e -> nested(e, path, env, priority, depth + 1));
            case "apply_expression" -> {
                Call call = Call.of(v, text);
                switch (call.function()) {
                    case "mkMerge" -> {
                        if (call.args().size() == 1) {
                            forEachListElement(call.args().get(0), env, depth,
                                    e -> nested(e, path, env, priority, depth + 1));
                        }
                    }
                    default -> call.unwrap(priority).ifPresent(u -> nested(u.value(), path, env, u.priority(), depth + 1));
                }
            }
            default -> {
                // needs evaluation
            }
        }
    }

    // ---- list options

    private void listElements(SyntaxNode value, Env env, Priority priority, FragmentRole role, int depth) {
        if (depth > MAX_INDIRECTION) {
            return;
        }
        switch (value.type()) {
            case "list_expression" -> {
                for (SyntaxNode e : value.children("element")) {
                    stringSite(e, env, priority, role, null, depth + 1);
                }
            }
            case "parenthesized_expression" ->
                    value.child("expression").ifPresent(e -> listElements(e, env, priority, role, depth + 1));
            case "let_expression" -> value.child("body")
                    .ifPresent(e -> listElements(e, withLet(value, env), priority, role, depth + 1));
            case "variable_expression" -> {
                Optional<SyntaxNode> bound = env.lookup(value.text(text));
                if (bound.isPresent()) {
                    listElements(bound.get(), env, priority, role, depth + 1);
                } else {
                    opaque(value, role, priority);
                }
            }
            case "binary_expression" -> {
                if (hasOperator(value, "++")) {
                    value.child("left").ifPresent(e -> listElements(e, env, priority, role, depth + 1));
                    value.child("right").ifPresent(e -> listElements(e, env, priority, role, depth + 1));
                } else {
                    opaque(value, role, priority);
                }
            }
            case "apply_expression" -> {
                Call call = Call.of(value, text);
                switch (call.function()) {
                    case "mkMerge" -> {
                        if (call.args().size() == 1) {
                            forEachListElement(call.args().get(0), env, depth,
                                    e -> listElements(e, env, priority, role, depth + 1));
                        }
                    }
                    case "optional" -> {
                        if (call.args().size() == 2) {
                            stringSite(call.args().get(1), env, priority, role, null, depth + 1);
                        }
                    }
                    case "optionals" -> {
                        if (call.args().size() == 2) {
                            listElements(call.args().get(1), env, priority, role, depth + 1);
                        }
                    }
                    default -> {
                        Optional<Call.Unwrapped> u = call.unwrap(priority);
                        if (u.isPresent()) {
                            listElements(u.get().value(), env, u.get().priority(), role, depth + 1);
                        } else {
                            opaque(value, role, priority);
                        }
                    }
                }
            }
            default -> opaque(value, role, priority);
        }
    }

    private void forEachListElement(SyntaxNode list, Env env, int depth, java.util.function.Consumer<SyntaxNode> action) {
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

    private void stringSite(SyntaxNode value, Env env, Priority priority, FragmentRole role, Name var, int depth) {
        if (depth > MAX_INDIRECTION) {
            return;
        }
        TextRange nameRange = var == null ? null : var.range();
        String name = var == null ? null : var.name();
        switch (value.type()) {
            case "string_expression", "indented_string_expression" ->
                    sites.add(new FragmentSite(role, name, nameRange, value, null, false, value, priority));
            case "parenthesized_expression" ->
                    value.child("expression").ifPresent(e -> stringSite(e, env, priority, role, var, depth + 1));
            case "let_expression" -> value.child("body")
                    .ifPresent(e -> stringSite(e, withLet(value, env), priority, role, var, depth + 1));
            case "variable_expression" -> {
                Optional<SyntaxNode> bound = env.lookup(value.text(text));
                if (bound.isPresent()) {
                    stringSite(bound.get(), env, priority, role, var, depth + 1);
                } else {
                    sites.add(new FragmentSite(role, name, nameRange, null, null, false, value, priority));
                }
            }
            case "apply_expression" -> {
                Call call = Call.of(value, text);
                Optional<Path> read = call.readFileTarget(file);
                if (read.isPresent()) {
                    sites.add(new FragmentSite(role, name, nameRange, null, read.get(),
                            call.function().equals("fileContents"), value, priority));
                    return;
                }
                Optional<Call.Unwrapped> u = call.unwrap(priority);
                if (u.isPresent()) {
                    stringSite(u.get().value(), env, u.get().priority(), role, var, depth + 1);
                } else {
                    sites.add(new FragmentSite(role, name, nameRange, null, null, false, value, priority));
                }
            }
            default -> sites.add(new FragmentSite(role, name, nameRange, null, null, false, value, priority));
        }
    }

    private void opaque(SyntaxNode value, FragmentRole role, Priority priority) {
        sites.add(new FragmentSite(role, null, null, null, null, false, value, priority));
    }

    // ---- imports = [ ./a.nix ];

    private void moduleImports(SyntaxNode value, Env env, int depth) {
        if (depth > MAX_INDIRECTION) {
            return;
        }
        switch (value.type()) {
            case "list_expression" -> {
                for (SyntaxNode e : value.children("element")) {
                    inlineModule(e);
                }
            }
            case "parenthesized_expression" -> value.child("expression").ifPresent(e -> moduleImports(e, env, depth + 1));
            case "variable_expression" -> env.lookup(value.text(text)).ifPresent(e -> moduleImports(e, env, depth + 1));
            case "binary_expression" -> {
                value.child("left").ifPresent(e -> moduleImports(e, env, depth + 1));
                value.child("right").ifPresent(e -> moduleImports(e, env, depth + 1));
            }
            default -> {
                // computed imports are not followed
            }
        }
    }
}
