package rxlsp.mcl.check;

import rxlsp.mcl.model.Spines;
import rxlsp.mcl.model.Definition;
import rxlsp.mcl.model.Resolution;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.DidYouMean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.Param;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.ResourceItem;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.ast.StringPart;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.catalog.FunctionInfo;
import rxlsp.mcl.catalog.VariableInfo;
import rxlsp.text.Diagnostic;
import rxlsp.text.TextRange;

/**
 * mgmt's SetScope stage (plus the class-name check of Interpolate): imports, the global scope,
 * order-independent definitions and their dependency cycles, nested scopes with shadowing, separate
 * namespaces for variables, functions and classes, {@code include} arity and {@code include … as}
 * exports. Reports every problem it finds (mgmt stops at the first) and records what each use
 * refers to. One instance per check.
 */
public final class ScopeChecks {
    static final String STAGE = "scope";
    /** Nesting of expressions and bodies beyond which the walk stops (the parser allows 2,000 levels). */
    private static final int MAX_DEPTH = 3_000;
    /** Local imports nested deeper than this are refused rather than followed. */
    private static final int MAX_IMPORT_DEPTH = 64;

    private final Catalog catalog;
    private final ImportResolver imports;
    private final Dialect dialect;
    private final ScopeFrame global;
    private final Map<Node, Definition> uses;
    private final Map<String, List<Diagnostic>> diagnostics = new LinkedHashMap<>();
    private final Map<String, ScopeFrame> moduleFrames = new LinkedHashMap<>();
    private final Map<String, Program> modules = new LinkedHashMap<>();
    private final Map<Stmt.Class, ScopeFrame> classFrames = new IdentityHashMap<>();
    /** {@code class a:b} sugar: the classes whose body each class adopts (b into a). */
    private final Map<Stmt.Class, List<Stmt>> adopted = new IdentityHashMap<>();
    private final Deque<String> loading = new ArrayDeque<>();
    private int depth;
    private boolean tooDeep;

    private ScopeChecks(Catalog catalog, ImportResolver imports, Dialect dialect, int sourceLength) {
        // sized from the source (a use every ~20 characters in typical code): growing a large identity map costs more
        this.uses = new IdentityHashMap<>(Math.min(sourceLength / 20, 1 << 20));
        this.catalog = catalog;
        this.imports = imports;
        this.dialect = dialect;
        this.global = globalFrame(catalog);
    }

    public static ScopeResult check(Program program, Catalog catalog, ImportResolver imports, Dialect dialect) {
        return check(program, catalog, imports, dialect, false);
    }

    /**
     * @param open true when part of the program is unknown (an rx.nix raw block only Nix can compute):
     *             a name defined nowhere visible may be defined there, so it resolves to an opaque
     *             definition of unknown type instead of being reported
     */
    public static ScopeResult check(Program program, Catalog catalog, ImportResolver imports, Dialect dialect, boolean open) {
        return check(program, catalog, imports, dialect,
                open ? Unknowns.everything("perhaps defined in a part of the program only Nix can compute") : Unknowns.NONE);
    }

    /** @param unknowns names the program may define out of rx-lsp's sight: they resolve to opaque definitions */
    public static ScopeResult check(Program program, Catalog catalog, ImportResolver imports, Dialect dialect,
                                    Unknowns unknowns) {
        ScopeChecks checks = new ScopeChecks(catalog, imports, dialect, program.range().length());
        if (unknowns.everything()) {
            checks.global.squashedOpaque = true;
            checks.global.opaqueReason = unknowns.reason();
        }
        checks.defineUnknown(ScopeFrame.Space.VAR, unknowns.variables(), unknowns.reason());
        checks.defineUnknown(ScopeFrame.Space.FUNC, unknowns.functions(), unknowns.reason());
        checks.defineUnknown(ScopeFrame.Space.CLASS, unknowns.classes(), unknowns.reason());
        checks.defineUnknown(ScopeFrame.Space.SCOPED, unknowns.packages(), unknowns.reason());
        checks.walkProg(program.statements(), checks.global, null);
        List<Diagnostic> main = new ArrayList<>(checks.diagnostics.getOrDefault("", List.of()));
        main.sort(Diagnostic.BY_POSITION);
        Map<String, List<Diagnostic>> others = new LinkedHashMap<>();
        checks.diagnostics.forEach((file, list) -> {
            if (!file.isEmpty()) {
                List<Diagnostic> sorted = new ArrayList<>(list);
                sorted.sort(Diagnostic.BY_POSITION);
                others.put(file, sorted);
            }
        });
        return new ScopeResult(main, others, new Resolution(checks.uses, checks.modules));
    }

    /** Names in the global frame that resolve to nothing rx-lsp can see (they shadow nothing the program defines). */
    private void defineUnknown(ScopeFrame.Space space, java.util.Set<String> names, String reason) {
        for (String name : names) {
            if (global.own(space, name) == null) {
                global.define(space, name, new Definition.Opaque(name, reason), null);
            }
        }
    }

    /**
     * A {@code golang/*} package the catalogue does not list: generated at mgmt's build time, so only
     * the user's {@code mgmt docs generate} JSON knows its names; without it they are accepted unseen.
     */
    private boolean unlisted(String path) {
        return ImportPaths.isOpenSystemPackage(path) && !catalog.isPackage(path);
    }

    /** $hostname, $const.*, and the functions without a package (len, contains, …). */
    private static ScopeFrame globalFrame(Catalog catalog) {
        ScopeFrame g = new ScopeFrame(null, null, false);
        for (VariableInfo v : catalog.variables()) {
            if (v.pkg() == null || v.pkg().isEmpty() || v.qualified().startsWith("const.")) {
                g.define(ScopeFrame.Space.VAR, v.qualified(), new Definition.Global(v.qualified(), v), null);
            }
        }
        for (FunctionInfo f : catalog.functions()) {
            if (f.pkg() == null || f.pkg().isEmpty()) {
                g.define(ScopeFrame.Space.FUNC, f.qualified(), new Definition.Builtin(f.qualified(), f), null);
            }
        }
        return g;
    }

    // ---------------------------------------------------------------- statements

    private ScopeFrame walkProg(List<Stmt> statements, ScopeFrame parent, String file) {
        return walkProgInto(statements, new ScopeFrame(parent, file, true));
    }

    /**
     * {@code class a:b { … }} defines class {@code b} inside class {@code a} of the same prog (mgmt does
     * this at Interpolate); {@code class a:b:c} goes into {@code a:b}. A sugar class whose parent is
     * missing stays unregistered, so includes of it are reported as unknown classes.
     */
    private void adopt(List<Stmt> statements) {
        if (statements.stream().noneMatch(s -> s instanceof Stmt.Class c && c.path().size() > 1)) {
            return;
        }
        Map<String, Stmt.Class> byPath = new java.util.HashMap<>();
        for (Stmt s : statements) {
            if (s instanceof Stmt.Class c) {
                byPath.putIfAbsent(String.join(":", c.path()), c);
            }
        }
        for (Stmt s : statements) {
            if (s instanceof Stmt.Class c && c.path().size() > 1) {
                Stmt.Class parent = byPath.get(String.join(":", c.path().subList(0, c.path().size() - 1)));
                if (parent != null) {
                    adopted.computeIfAbsent(parent, k -> new ArrayList<>()).add(c);
                }
            }
        }
    }

    /** The name a class statement defines: the last element of {@code a:b}. */
    private static String className(Stmt.Class c) {
        return c.path().get(c.path().size() - 1);
    }

    /** Defines the names a prog introduces: order does not matter, so this runs before any use. */
    private void register(List<Stmt> statements, ScopeFrame frame) {
        for (Stmt s : statements) {
            switch (s) {
                case Stmt.Bind b -> {
                    Definition old = frame.define(ScopeFrame.Space.VAR, b.name(), new Definition.Bind(b.name(), b, frame.file), s);
                    if (old != null) {
                        duplicate(frame, b.range(), "var:" + b.name(), old);
                    }
                }
                case Stmt.Func f -> {
                    Definition old = frame.define(ScopeFrame.Space.FUNC, f.name(), new Definition.Func(f.name(), f, frame.file), s);
                    if (old != null) {
                        duplicate(frame, f.range(), "func:" + f.name(), old);
                    }
                }
                case Stmt.Class c -> {
                    if (c.path().size() == 1 || frame.adoptedHere) {
                        String name = className(c);
                        Definition old = frame.define(ScopeFrame.Space.CLASS, name, new Definition.Class(name, c, frame.file), s);
                        if (old != null) {
                            report(frame.file, Diagnostic.error(c.range(), "mcl", "interpolate", DiagnosticCodes.MCL_DUPLICATE_CLASS,
                                    "duplicate class name of: `" + name + "`").withRelated(old.range(), "first defined here"));
                        }
                    }
                }
                case Stmt.Import i -> registerImport(i, frame);
                default -> {
                }
            }
        }
        for (Stmt s : statements) {
            if (s instanceof Stmt.Include inc && inc.alias() != null) {
                Definition.Class target = lookup(frame, ScopeFrame.Space.CLASS, inc.name()) instanceof Definition.Class c ? c : null;
                Definition d = new Definition.Include(inc.alias(), inc, frame.file, target);
                Definition old = frame.define(ScopeFrame.Space.SCOPED, inc.alias(), d, s);
                if (old != null) {
                    duplicate(frame, inc.range(), "scoped:" + inc.alias(), old);
                }
            }
        }
    }

    private void duplicate(ScopeFrame frame, TextRange at, String key, Definition old) {
        report(frame.file, Diagnostic.error(at, "mcl", STAGE, DiagnosticCodes.MCL_DUPLICATE_DEFINITION,
                "could not generate ordering: duplicate assignment to `" + key + "`, have: " + describe(old))
                .withRelated(old.range() == null ? at : old.range(), "first defined here"));
    }

    private static String describe(Definition d) {
        return switch (d) {
            case Definition.Bind b -> "bind(" + b.name() + ")";
            case Definition.Func f -> "func(" + f.name() + ")";
            case Definition.Class c -> "class(" + c.name() + ")";
            case Definition.Import i -> "import(" + i.name() + ")";
            case Definition.Include i -> "include(" + i.stmt().name() + ")";
            default -> d.name();
        };
    }

    private void registerImport(Stmt.Import imp, ScopeFrame frame) {
        String path = imp.path();
        if (path.startsWith("/")) {
            report(frame.file, error(imp.range(), DiagnosticCodes.MCL_ABSOLUTE_IMPORT,
                    "import `" + path + "` is not valid: absolute paths are not allowed"));
            return;
        }
        String alias = imp.alias() != null ? imp.alias() : ImportPaths.alias(path);
        String moduleFile = null;
        if (ImportPaths.isLocal(path)) {
            moduleFile = loadModule(frame.file, path, imp);
        } else if (!ImportPaths.isRemote(path) && !unlisted(path) && !catalog.isPackage(path)) {
            report(frame.file, error(imp.range(), DiagnosticCodes.MCL_UNKNOWN_PACKAGE, "system import of `" + path
                    + "` failed: could not find any non-empty scope named: " + path + hint(path, packageNames())));
        }
        Definition.Import d = new Definition.Import(alias, imp, frame.file, path, moduleFile);
        if ("*".equals(alias)) {
            squash(d, frame);
            return;
        }
        Definition old = frame.own(ScopeFrame.Space.SCOPED, alias);
        if (old instanceof Definition.Import earlier) {
            boolean samePath = earlier.importPath().equals(path);
            report(frame.file, error(imp.range(), samePath ? DiagnosticCodes.MCL_DUPLICATE_IMPORT : DiagnosticCodes.MCL_DUPLICATE_IMPORT_ALIAS,
                    samePath ? "import `" + path + "` already exists in this scope"
                            : "import alias `" + alias + "` already exists in this scope")
                    .withRelated(earlier.range(), "first imported here"));
            return;
        }
        old = frame.define(ScopeFrame.Space.SCOPED, alias, d, imp);
        if (old != null) {
            duplicate(frame, imp.range(), "scoped:" + alias, old);
        }
    }

    private java.util.Set<String> packageNames() {
        java.util.Set<String> names = new TreeSet<>();
        catalog.functions().forEach(f -> {
            if (f.pkg() != null && !f.pkg().isEmpty()) {
                names.add(f.pkg());
            }
        });
        return names;
    }

    /** {@code import "…" as *}: the package's names join this scope without a prefix. */
    private void squash(Definition.Import imp, ScopeFrame frame) {
        if (imp.moduleFile() != null) {
            ScopeFrame module = moduleFrames.get(imp.moduleFile());
            if (module != null) {
                for (ScopeFrame.Space space : List.of(ScopeFrame.Space.VAR, ScopeFrame.Space.FUNC, ScopeFrame.Space.CLASS)) {
                    module.all(space).forEach((name, d) -> frame.define(space, name, d, imp.stmt()));
                }
            }
            return;
        }
        if (ImportPaths.isLocal(imp.importPath()) || ImportPaths.isRemote(imp.importPath())
                || unlisted(imp.importPath())) {
            frame.squashedOpaque = true; // names we cannot list: never report a name missing in this scope
            return;
        }
        // a system package may also hold classes written in embedded MCL, which no catalogue lists
        frame.squashedClasses = true;
        for (FunctionInfo f : catalog.functionsOf(imp.importPath())) {
            frame.define(ScopeFrame.Space.FUNC, f.name(), new Definition.Builtin(f.name(), f), imp.stmt());
        }
        for (VariableInfo v : catalog.variables()) {
            if (imp.importPath().equals(v.pkg())) {
                frame.define(ScopeFrame.Space.VAR, v.name(), new Definition.Global(v.name(), v), imp.stmt());
            }
        }
    }

    /** Loads, parses and resolves a local import; returns its file name, or null when it is unusable. */
    private String loadModule(String from, String path, Stmt.Import imp) {
        ImportResolver.Result r = imports.resolve(from, path);
        String fromKey = from == null ? "" : from;
        switch (r) {
            case ImportResolver.Unavailable u -> {
                return null;
            }
            case ImportResolver.Failed f -> {
                report(from, error(imp.range(), DiagnosticCodes.MCL_IMPORT_FAILED, "local import of `" + path + "` failed: " + f.message()));
                return null;
            }
            case ImportResolver.Found found -> {
                String file = found.file();
                if (loading.contains(file) || file.equals(fromKey)) {
                    report(from, error(imp.range(), DiagnosticCodes.MCL_RECURSIVE_IMPORT, "recursive import of: `" + path
                            + "` (" + file + " imports itself, directly or through other files)"));
                    return null;
                }
                if (moduleFrames.containsKey(file)) {
                    return moduleFrames.get(file) == null ? null : file;
                }
                if (loading.size() >= MAX_IMPORT_DEPTH) {
                    report(from, error(imp.range(), DiagnosticCodes.MCL_IMPORT_FAILED, "local import of `" + path
                            + "` failed: imports nest more than " + MAX_IMPORT_DEPTH + " files deep"));
                    return null;
                }
                moduleFrames.put(file, null);
                MclParseResult parsed = MclFrontEnd.parse(found.text(), dialect);
                modules.put(file, parsed.program());
                if (parsed.hasErrors()) {
                    diagnostics.computeIfAbsent(file, k -> new ArrayList<>()).addAll(parsed.diagnostics());
                    report(from, error(imp.range(), DiagnosticCodes.MCL_IMPORT_FAILED, "local import of `" + path
                            + "` failed: could not generate AST from import: " + parsed.diagnostics().get(0).message()));
                    return null;
                }
                for (Stmt s : parsed.program().statements()) {
                    if (!(s instanceof Stmt.Import || s instanceof Stmt.Bind || s instanceof Stmt.Func || s instanceof Stmt.Class)) {
                        String what = "module contains unused statements: found stmt: " + ImportPaths.describe(s);
                        report(file, error(s.range(), DiagnosticCodes.MCL_MODULE_UNUSED_STATEMENT, what));
                        report(from, error(imp.range(), DiagnosticCodes.MCL_IMPORT_FAILED, "local import of `" + path + "` failed: " + what));
                        break;
                    }
                }
                int before = count(file);
                loading.push(file);
                ScopeFrame frame;
                try {
                    frame = walkProg(parsed.program().statements(), global, file);
                } finally {
                    loading.pop();
                }
                if (count(file) > before) {
                    Diagnostic first = diagnostics.get(file).get(before);
                    report(from, error(imp.range(), DiagnosticCodes.MCL_IMPORT_FAILED, "local import of `" + path + "` failed: "
                            + first.message() + " (in " + file + ")"));
                }
                moduleFrames.put(file, frame);
                return file;
            }
        }
    }

    private int count(String file) {
        return diagnostics.getOrDefault(file, List.of()).size();
    }

    private void walkClass(Stmt.Class c, ScopeFrame frame) {
        ScopeFrame params = paramFrame(frame, c.params() == null ? List.of() : c.params(), c);
        if (!enter(c.range(), frame)) {
            return;
        }
        try {
            // the body is its own prog; it is registered before being walked so includes can see exports
            ScopeFrame body = new ScopeFrame(params, frame.file, true);
            classFrames.put(c, body);
            List<Stmt> statements = c.body();
            List<Stmt> children = adopted.get(c);
            if (children != null) {
                statements = new ArrayList<>(statements);
                statements.addAll(children);
                body.adoptedHere = true;
            }
            ScopeFrame walked = walkProgInto(statements, body);
            classFrames.put(c, walked);
        } finally {
            depth--;
        }
    }

    /** Registers, walks (class bodies first) and checks the cycles of a prog in the given frame. */
    private ScopeFrame walkProgInto(List<Stmt> statements, ScopeFrame frame) {
        adopt(statements);
        register(statements, frame);
        for (Stmt s : statements) {
            if (s instanceof Stmt.Class c && (c.path().size() == 1 || frame.adoptedHere)) {
                frame.current = s;
                walkClass(c, frame);
            }
        }
        for (Stmt s : statements) {
            if (!(s instanceof Stmt.Class)) {
                frame.current = s;
                walkStmt(s, frame);
            }
        }
        frame.current = null;
        for (List<TextRange> cycle : StatementCycles.of(frame.edges)) {
            Diagnostic d = Diagnostic.error(cycle.get(0), "mcl", STAGE, DiagnosticCodes.MCL_RECURSIVE_REFERENCE,
                    "recursive reference while setting scope: not a dag (a definition depends on itself"
                            + (cycle.size() > 1 ? " through " + cycle.size() + " references" : "") + ")");
            for (TextRange r : cycle.subList(1, cycle.size())) {
                d = d.withRelated(r, "part of the same cycle");
            }
            report(frame.file, d);
        }
        return frame;
    }

    private ScopeFrame paramFrame(ScopeFrame parent, List<Param> params, Node owner) {
        ScopeFrame f = new ScopeFrame(parent, parent.file, false);
        for (Param p : params) {
            if (p != null) {
                f.define(ScopeFrame.Space.VAR, p.name(), new Definition.Param(p.name(), p, owner, parent.file), null);
            }
        }
        return f;
    }

    private void walkStmt(Stmt s, ScopeFrame frame) {
        if (!enter(s.range(), frame)) {
            return;
        }
        try {
            switch (s) {
                case Stmt.Bind b -> expr(b.value(), frame);
                case Stmt.Resource r -> resource(r, frame);
                case Stmt.Collect c -> resource(c.resource(), frame);
                case Stmt.EdgeChain e -> e.halves().forEach(h -> expr(h.name(), frame));
                case Stmt.SendRecv sr -> {
                    expr(sr.from().name(), frame);
                    expr(sr.to().name(), frame);
                }
                case Stmt.If i -> {
                    expr(i.condition(), frame);
                    walkProg(i.then(), frame, frame.file);
                    if (i.otherwise() != null) {
                        walkProg(i.otherwise(), frame, frame.file);
                    }
                }
                case Stmt.For f -> {
                    expr(f.list(), frame);
                    walkProg(f.body(), paramFrame(frame, java.util.Arrays.asList(f.index(), f.value()), f), frame.file);
                }
                case Stmt.ForKv f -> {
                    expr(f.map(), frame);
                    walkProg(f.body(), paramFrame(frame, java.util.Arrays.asList(f.key(), f.value()), f), frame.file);
                }
                case Stmt.Func f -> expr(f.body(), paramFrame(frame, f.params(), f));
                case Stmt.Class c -> walkClass(c, frame);
                case Stmt.Include inc -> include(inc, frame);
                case Stmt.Panic p -> p.args().forEach(a -> expr(a, frame));
                case Stmt.Import i -> {
                }
            }
        } finally {
            depth--;
        }
    }

    private void resource(Stmt.Resource r, ScopeFrame frame) {
        expr(r.name(), frame);
        for (ResourceItem item : r.items()) {
            switch (item) {
                case ResourceItem.Field f -> {
                    expr(f.condition(), frame);
                    expr(f.value(), frame);
                }
                case ResourceItem.Edge e -> {
                    expr(e.condition(), frame);
                    expr(e.target().name(), frame);
                }
                case ResourceItem.MetaField m -> {
                    expr(m.condition(), frame);
                    expr(m.value(), frame);
                }
                case ResourceItem.Meta m -> {
                    expr(m.condition(), frame);
                    expr(m.value(), frame);
                }
                case ResourceItem.Unknown u -> {
                    expr(u.condition(), frame);
                    expr(u.value(), frame);
                }
            }
        }
    }

    private void include(Stmt.Include inc, ScopeFrame frame) {
        if (inc.args() != null) {
            inc.args().forEach(a -> expr(a, frame));
        }
        Definition d = resolve(frame, ScopeFrame.Space.CLASS, inc.name(), inc.range());
        if (d == null) {
            if (!frame.mayHideClasses()) {
                report(frame.file, error(inc.range(), DiagnosticCodes.MCL_UNDEFINED_CLASS, "class `" + inc.name()
                        + "` does not exist in this scope" + hint(inc.name(), visible(frame, ScopeFrame.Space.CLASS))));
            }
            return;
        }
        uses.put(inc, d);
        if (d instanceof Definition.Class c) {
            int got = inc.args() == null ? 0 : inc.args().size();
            if (got != c.arity()) {
                report(frame.file, error(inc.range(), DiagnosticCodes.MCL_INCLUDE_ARITY, "class `" + inc.name() + "` expected "
                        + c.arity() + " args but got " + got).withRelated(c.range(), "class defined here"));
            }
        }
    }

    // ---------------------------------------------------------------- expressions

    private void expr(Expr e, ScopeFrame frame) {
        if (e == null || !enter(e.range(), frame)) {
            return;
        }
        try {
            switch (e) {
                case Expr.Var v -> variable(v, v.name(), v.range(), frame, "var");
                case Expr.Call c -> {
                    Definition d = resolve(frame, ScopeFrame.Space.FUNC, c.function(), c.functionRange());
                    if (d != null) {
                        uses.put(c, d);
                    } else if (!frame.mayHideNames()) {
                        report(frame.file, error(c.functionRange(), DiagnosticCodes.MCL_UNDEFINED_FUNCTION, "func `" + c.function()
                                + "` does not exist in this scope" + hint(c.function(), visible(frame, ScopeFrame.Space.FUNC))));
                    }
                    c.args().forEach(a -> expr(a, frame));
                }
                case Expr.Apply a -> {
                    if (a.callee() instanceof Expr.Var v) {
                        variable(v, v.name(), v.range(), frame, "lambda");
                    } else {
                        expr(a.callee(), frame);
                    }
                    a.args().forEach(x -> expr(x, frame));
                }
                case Expr.Lambda l -> expr(l.body(), paramFrame(frame, l.params(), l));
                case Expr.Str s -> {
                    for (StringPart p : s.parts()) {
                        if (p instanceof StringPart.Interpolation i) {
                            variable(i, i.name(), i.range(), frame, "var");
                        }
                    }
                }
                case Expr.ListLit l -> l.elements().forEach(x -> expr(x, frame));
                case Expr.MapLit m -> m.entries().forEach(en -> {
                    expr(en.key(), frame);
                    expr(en.value(), frame);
                });
                case Expr.StructLit s -> s.fields().forEach(f -> expr(f.value(), frame));
                case Expr.If i -> {
                    expr(i.condition(), frame);
                    expr(i.then(), frame);
                    expr(i.otherwise(), frame);
                }
                case Expr.Binary b -> spine(b, frame);
                case Expr.Not n -> expr(n.operand(), frame);
                case Expr.Index i -> spine(i, frame);
                case Expr.FieldAccess f -> spine(f, frame);
                case Expr.Except x -> spine(x, frame);
                case Expr.Paren p -> expr(p.inner(), frame);
                case Expr.Bool b -> {
                }
                case Expr.Int i -> {
                }
                case Expr.Float f -> {
                }
            }
        } finally {
            depth--;
        }
    }

    /**
     * Operator, lookup and {@code <|>} chains nest to the left as deep as they are long (the parser builds
     * them in a loop): walk that spine in a loop too, recursing only into the other operands.
     */
    private void spine(Expr e, ScopeFrame frame) {
        Expr left = e;
        for (Expr next; (next = Spines.left(left)) != null; left = next) {
            Spines.others(left).forEach(x -> expr(x, frame));
        }
        expr(left, frame);
    }

    private void variable(Node use, String name, TextRange at, ScopeFrame frame, String what) {
        Definition d = resolve(frame, ScopeFrame.Space.VAR, name, at);
        if (d != null) {
            uses.put(use, d);
        } else if (!frame.mayHideNames()) {
            report(frame.file, error(at, DiagnosticCodes.MCL_UNDEFINED_VARIABLE, what + " `$" + name + "` does not exist in this scope"
                    + hint(name, visible(frame, ScopeFrame.Space.VAR), "$")));
        }
    }

    // ---------------------------------------------------------------- lookup

    /** Looks a name up and records the dependency edge to its defining statement; null when unknown. */
    private Definition resolve(ScopeFrame frame, ScopeFrame.Space space, String name, TextRange at) {
        for (ScopeFrame f = frame; f != null; f = f.parent) {
            Definition d = f.own(space, name);
            Definition via = d;
            if (d == null) {
                int dot = name.indexOf('.');
                if (dot > 0) {
                    via = f.own(ScopeFrame.Space.SCOPED, name.substring(0, dot));
                    if (via != null) {
                        d = member(via, space, name.substring(dot + 1));
                    }
                }
            }
            if (via != null) {
                Stmt defining = f.definingStmt.get(via);
                if (defining != null && f.current != null) {
                    f.edges.add(new ScopeFrame.Edge(f.current, defining, at));
                }
                return d;
            }
        }
        return null;
    }

    /** Looks up without recording dependencies (used while registering). */
    private Definition lookup(ScopeFrame frame, ScopeFrame.Space space, String name) {
        for (ScopeFrame f = frame; f != null; f = f.parent) {
            Definition d = f.own(space, name);
            if (d != null) {
                return d;
            }
            int dot = name.indexOf('.');
            if (dot > 0) {
                Definition via = f.own(ScopeFrame.Space.SCOPED, name.substring(0, dot));
                if (via != null) {
                    return member(via, space, name.substring(dot + 1));
                }
            }
        }
        return null;
    }

    /** A name inside an import or include alias; null when the package or class has no such name. */
    private Definition member(Definition scoped, ScopeFrame.Space space, String rest) {
        String full = scoped.name() + "." + rest;
        switch (scoped) {
            case Definition.Opaque o -> {
                return new Definition.Opaque(full, o.reason());
            }
            case Definition.Import imp -> {
                if (imp.moduleFile() != null) {
                    ScopeFrame module = moduleFrames.get(imp.moduleFile());
                    return module == null ? new Definition.Opaque(full, "in a module that could not be loaded")
                            : ownOrNested(module, space, rest);
                }
                String pkg = imp.importPath();
                if (ImportPaths.isLocal(pkg) || ImportPaths.isRemote(pkg) || unlisted(pkg)
                        || !catalog.isPackage(pkg)) {
                    return new Definition.Opaque(full, "from `" + pkg + "`, whose names rx-lsp cannot list");
                }
                return switch (space) {
                    case VAR -> catalog.variable(pkg + "." + rest).<Definition>map(v -> new Definition.Global(full, v))
                            .orElse(pkg.startsWith("embedded/")
                                    ? new Definition.Opaque(full, "a variable of embedded module `" + pkg + "`") : null);
                    case FUNC -> catalog.function(pkg + "." + rest).<Definition>map(f -> new Definition.Builtin(full, f)).orElse(null);
                    default -> new Definition.Opaque(full, "a class of system package `" + pkg + "`");
                };
            }
            case Definition.Include inc -> {
                ScopeFrame body = inc.target() == null ? null : classFrames.get(inc.target().stmt());
                if (body == null) {
                    return new Definition.Opaque(full, "exported by an include rx-lsp could not follow");
                }
                // mgmt exports the class body's whole scope, names it captured included
                return lookup(body, space, rest);
            }
            default -> {
                return null;
            }
        }
    }

    private Definition ownOrNested(ScopeFrame frame, ScopeFrame.Space space, String name) {
        Definition d = frame.own(space, name);
        if (d != null) {
            return d;
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            Definition via = frame.own(ScopeFrame.Space.SCOPED, name.substring(0, dot));
            if (via != null) {
                return member(via, space, name.substring(dot + 1));
            }
        }
        return frame.squashedOpaque ? new Definition.Opaque(name, frame.opaqueReason) : null;
    }

    /** Every name of a namespace visible from a frame, imported and exported ones included, for hints. */
    private java.util.Set<String> visible(ScopeFrame frame, ScopeFrame.Space space) {
        java.util.Set<String> names = new TreeSet<>();
        for (ScopeFrame f = frame; f != null; f = f.parent) {
            names.addAll(f.all(space).keySet());
            f.all(ScopeFrame.Space.SCOPED).forEach((alias, d) -> {
                for (String member : members(d, space)) {
                    names.add(alias + "." + member);
                }
            });
        }
        return names;
    }

    private java.util.Collection<String> members(Definition scoped, ScopeFrame.Space space) {
        ScopeFrame body = switch (scoped) {
            case Definition.Import imp when imp.moduleFile() != null -> moduleFrames.get(imp.moduleFile());
            case Definition.Include inc when inc.target() != null -> classFrames.get(inc.target().stmt());
            default -> null;
        };
        if (body != null) {
            return body.all(space).keySet();
        }
        if (scoped instanceof Definition.Import imp && imp.moduleFile() == null && catalog.isPackage(imp.importPath())) {
            if (space == ScopeFrame.Space.FUNC) {
                return catalog.functionsOf(imp.importPath()).stream().map(FunctionInfo::name).toList();
            }
            if (space == ScopeFrame.Space.VAR) {
                return catalog.variables().stream().filter(v -> imp.importPath().equals(v.pkg())).map(VariableInfo::name).toList();
            }
        }
        return List.of();
    }

    private static String hint(String wanted, java.util.Set<String> names) {
        return DidYouMean.hint(wanted, names, "");
    }

    private static String hint(String wanted, java.util.Set<String> names, String prefix) {
        return DidYouMean.hint(wanted, names, prefix);
    }

    // ---------------------------------------------------------------- plumbing

    private boolean enter(TextRange at, ScopeFrame frame) {
        if (depth >= MAX_DEPTH) {
            if (!tooDeep) {
                tooDeep = true;
                // not an error of the program: a warning, and types are not checked (scope is incomplete)
                report(frame.file, new Diagnostic(at, rxlsp.text.Severity.WARNING, "mcl", STAGE, DiagnosticCodes.MCL_TOO_DEEP,
                        "nested too deeply: rx-lsp stops resolving names this deep and checks no types", List.of()));
            }
            return false;
        }
        depth++;
        return true;
    }

    private static Diagnostic error(TextRange at, String code, String message) {
        return Diagnostic.error(at, "mcl", STAGE, code, message);
    }

    private void report(String file, Diagnostic d) {
        diagnostics.computeIfAbsent(file == null ? "" : file, k -> new ArrayList<>()).add(d);
    }

}
