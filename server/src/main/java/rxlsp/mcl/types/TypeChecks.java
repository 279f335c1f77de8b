package rxlsp.mcl.types;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.Param;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.ResourceItem;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.ast.StringPart;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.catalog.ResourceKind;
import rxlsp.mcl.catalog.ResourceParam;
import rxlsp.mcl.model.Definition;
import rxlsp.mcl.model.MclWalk;
import rxlsp.mcl.model.Spines;
import rxlsp.mcl.model.Resolution;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.TextRange;

/**
 * mgmt's type unification stage for a program whose names resolved cleanly. Types are inferred in
 * one pass with immediate unification; checks that need a type not yet known (struct field lookups,
 * indexing, operator constraints) wait in {@link #pending} and run once more is known.
 *
 * <p>Soundness first: whatever rx-lsp cannot model (an opaque or unknown function, a name from an
 * include alias, a function whose type mgmt computes per call site without a rule here) gets a fresh
 * variable, which never causes an error. Classes are typed per {@code include}, {@code func}
 * statements per call, as mgmt copies them; a work budget bounds the copies.
 */
public final class TypeChecks {
    static final String STAGE = "type";
    private static final int MAX_DEPTH = 3_000;
    private static final int MAX_INSTANCE_DEPTH = 200;
    /** Expressions typed in all (copies count again); beyond it the stage stops without reporting more. */
    private static final long WORK_BUDGET = 400_000;
    private static final int MAX_PASSES = 64;

    final Unifier u = new Unifier();
    private final Resolution resolution;
    private final Catalog catalog;
    private final Owners owners;
    private final Map<Expr, Type> types;
    private final Map<String, Diagnostic> errors = new LinkedHashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final Set<Node> calling = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final CallTyping calls;
    private final Instance root = new Instance(null, null);
    /** Bodies typed at least once (included classes, called funcs). */
    private final Set<Node> typedBodies = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    /** True while typing bodies mgmt never types: findings there are not reported. */
    private boolean silent;
    private int depth;
    private long work;
    private boolean abandoned;

    /** A check waiting for types; {@code attempt} returns true once it has run (or can never run). */
    interface Pending {
        boolean attempt(boolean last);
    }

    private TypeChecks(Program program, Resolution resolution, Catalog catalog) {
        this.resolution = resolution;
        this.catalog = catalog;
        // sized from the source (an expression every ~8 characters in typical code), as growing it costs more
        this.types = new IdentityHashMap<>(Math.min(program.range().length() / 8, 1 << 20));
        this.owners = new Owners(program, resolution.modules().values());
        this.calls = new CallTyping(this);
    }

    public static TypeResult check(Program program, Resolution resolution, Catalog catalog) {
        TypeChecks t = new TypeChecks(program, resolution, catalog);
        try {
            t.stmts(program.statements(), t.root);
            t.drain();
        } catch (Abandon | StackOverflowError e) {
            t.abandoned = true;
        }
        if (t.abandoned) {
            // a partial result may hold errors whose cause lies in the unexplored part: report none
            return TypeResult.empty();
        }
        List<Diagnostic> out = new ArrayList<>();
        t.errors.values().forEach(d -> out.add(ConflictPlaces.relate(d, resolution)));
        out.sort(Diagnostic.BY_POSITION);
        t.typeDeadBodies(program);
        // the unifier is not changed after this point, so it can answer for the result from now on
        return new TypeResult(out, t.types, t.u::resolve);
    }

    /**
     * Types, for hover and completion only, the bodies mgmt never types: classes never included and
     * functions never called, with unknown parameters. Nothing found here is reported (mgmt would not),
     * and running out of budget here costs only types.
     */
    private void typeDeadBodies(Program program) {
        silent = true;
        work = 0;
        try {
            List<Stmt> dead = new ArrayList<>();
            deadBodies(program.statements(), dead);
            for (Program module : resolution.modules().values()) {
                deadBodies(module.statements(), dead);
            }
            for (Stmt s : dead) {
                if (s instanceof Stmt.Class c && !typedBodies.contains(c)) {
                    Instance copy = new Instance(c, null);
                    (c.params() == null ? List.<Param>of() : c.params()).forEach(p -> copy.locals.put(p, annotated(p)));
                    typedBodies.add(c);
                    stmts(c.body(), copy);
                } else if (s instanceof Stmt.Func f && !typedBodies.contains(f)) {
                    Instance copy = new Instance(f, null);
                    f.params().forEach(p -> copy.locals.put(p, annotated(p)));
                    typedBodies.add(f);
                    expr(f.body(), copy);
                }
            }
            drain();
        } catch (Abandon | StackOverflowError e) {
            pending.clear();
        }
    }

    private static void deadBodies(List<Stmt> statements, List<Stmt> out) {
        MclWalk.statements(statements, s -> {
            if (s instanceof Stmt.Class || s instanceof Stmt.Func) {
                out.add(s);
            }
        });
    }

    private Type annotated(Param p) {
        return p.type() != null ? TypeOfSyntax.of(p.type(), u) : u.fresh();
    }

    private static final class Abandon extends RuntimeException {
        Abandon() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs the waiting checks until none makes progress (each pass may bind types another one waits for),
     * at most {@link #MAX_PASSES} times; then gives each a last chance, where it decides with what is known.
     */
    private void drain() {
        List<Pending> waiting = new ArrayList<>(pending);
        pending.clear();
        for (int pass = 0; pass < MAX_PASSES && !waiting.isEmpty(); pass++) {
            List<Pending> next = new ArrayList<>();
            for (Pending p : waiting) {
                if (!p.attempt(false)) {
                    next.add(p);
                }
            }
            next.addAll(pending); // checks deferred while running others
            pending.clear();
            if (next.size() == waiting.size()) {
                waiting = next;
                break;
            }
            waiting = next;
        }
        for (Pending p : waiting) {
            p.attempt(true);
        }
        pending.clear();
    }

    void defer(Pending p) {
        if (!p.attempt(false)) {
            pending.add(p);
        }
    }

    void error(TextRange at, String code, String message) {
        if (silent) {
            return;
        }
        errors.putIfAbsent(at.start() + ":" + at.end() + ":" + message,
                Diagnostic.error(at, "mcl", STAGE, code, message));
    }

    /** Unifies and reports {@code context: expected X, found Y} at {@code at} on failure. */
    boolean expect(Type expected, Type found, TextRange at, String context) {
        Mismatch m = u.unify(expected, found);
        if (m == null) {
            return true;
        }
        error(at, DiagnosticCodes.MCL_TYPE_MISMATCH, "type error: " + (context == null ? "" : context + ": ") + m.describe());
        return false;
    }

    Catalog catalog() {
        return catalog;
    }

    // ---------------------------------------------------------------- statements

    private void stmts(List<Stmt> statements, Instance in) {
        for (Stmt s : statements) {
            stmt(s, in);
        }
    }

    private void stmt(Stmt s, Instance in) {
        enter();
        try {
            switch (s) {
                case Stmt.Bind b -> bindType(b, in);
                case Stmt.Resource r -> resource(r, in, true);
                case Stmt.Collect c -> resource(c.resource(), in, false);
                case Stmt.EdgeChain e -> e.halves().forEach(h -> resourceName(h.name(), in));
                case Stmt.SendRecv sr -> sendRecv(sr, in);
                case Stmt.If i -> {
                    expect(Type.Prim.BOOL, expr(i.condition(), in), i.condition().range(), "if condition");
                    stmts(i.then(), in);
                    if (i.otherwise() != null) {
                        stmts(i.otherwise(), in);
                    }
                }
                case Stmt.For f -> {
                    Type element = u.fresh();
                    expect(new Type.ListOf(element), expr(f.list(), in), f.list().range(), "for loop over a list");
                    param(f.index(), Type.Prim.INT, in);
                    param(f.value(), element, in);
                    stmts(f.body(), in);
                }
                case Stmt.ForKv f -> {
                    Type k = u.fresh();
                    Type v = u.fresh();
                    expect(new Type.MapOf(k, v), expr(f.map(), in), f.map().range(), "forkv loop over a map");
                    param(f.key(), k, in);
                    param(f.value(), v, in);
                    stmts(f.body(), in);
                }
                case Stmt.Include inc -> include(inc, in);
                case Stmt.Panic p -> p.args().forEach(a -> expr(a, in));
                case Stmt.Func f -> {
                    // typed at each call (let-polymorphism), like mgmt
                }
                case Stmt.Class c -> {
                    // typed at each include
                }
                case Stmt.Import i -> {
                }
            }
        } finally {
            depth--;
        }
    }

    private void param(Param p, Type t, Instance in) {
        if (p == null) {
            return;
        }
        if (p.type() != null) {
            expect(TypeOfSyntax.of(p.type(), u), t, p.range(), "loop variable $" + p.name());
        }
        in.locals.put(p, t);
    }

    /** @param named false for {@code collect}, whose name may also be a list of structs of name and host */
    private void resource(Stmt.Resource r, Instance in, boolean named) {
        if (named) {
            resourceName(r.name(), in);
        } else {
            expr(r.name(), in);
        }
        ResourceKind kind = catalog.resource(r.kind()).orElse(null);
        for (ResourceItem item : r.items()) {
            switch (item) {
                case ResourceItem.Field f -> {
                    condition(f.condition(), in);
                    Type value = expr(f.value(), in);
                    ResourceParam p = kind == null ? null : kind.params().get(f.name());
                    Type want = p == null ? null : u.instantiate(p.type());
                    if (want != null) {
                        expect(want, value, f.value().range(), "field `" + f.name() + "` of resource `" + r.kind() + "`");
                    }
                }
                case ResourceItem.Edge e -> {
                    condition(e.condition(), in);
                    resourceName(e.target().name(), in);
                }
                case ResourceItem.MetaField m -> {
                    condition(m.condition(), in);
                    Type value = expr(m.value(), in);
                    Type want = catalog.meta(m.property()).map(mp -> u.instantiate(mp.type())).orElse(null);
                    if (want != null) {
                        expect(want, value, m.value().range(), "meta parameter `" + m.property() + "`");
                    }
                }
                case ResourceItem.Meta m -> {
                    condition(m.condition(), in);
                    expr(m.value(), in);
                }
                case ResourceItem.Unknown x -> {
                    condition(x.condition(), in);
                    expr(x.value(), in);
                }
            }
        }
    }

    private void condition(Expr c, Instance in) {
        if (c != null) {
            expect(Type.Prim.BOOL, expr(c, in), c.range(), "condition before ?:");
        }
    }

    /** A resource or edge name: {@code str}, or {@code []str} for one per element. */
    private void resourceName(Expr name, Instance in) {
        Type t = expr(name, in);
        defer(last -> {
            Type s = u.shallow(t);
            if (s instanceof Type.ListOf l) {
                expect(Type.Prim.STR, l.element(), name.range(), "resource name list element");
                return true;
            }
            if (s instanceof Type.Var) {
                return false;
            }
            expect(Type.Prim.STR, s, name.range(), "resource name (str or []str)");
            return true;
        });
    }

    /** Only the names: whether the fields fit is a resource check (ResourceChecks' send/recv rule). */
    private void sendRecv(Stmt.SendRecv sr, Instance in) {
        resourceName(sr.from().name(), in);
        resourceName(sr.to().name(), in);
    }

    private void include(Stmt.Include inc, Instance in) {
        List<Type> args = new ArrayList<>();
        if (inc.args() != null) {
            inc.args().forEach(a -> args.add(expr(a, in)));
        }
        if (!(resolution.uses().get(inc) instanceof Definition.Class cls)) {
            return;
        }
        Stmt.Class c = cls.stmt();
        List<Param> params = c.params() == null ? List.of() : c.params();
        if (params.size() != args.size() || calling.contains(c) || in.depth >= MAX_INSTANCE_DEPTH) {
            return;
        }
        Instance site = definitionSite(owners.of(c), in);
        Instance copy = new Instance(c, site);
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            Type t = annotated(p);
            copy.locals.put(p, t);
            copy.origins.put(p, inc.args().get(i).range());
            expect(t, args.get(i), inc.args().get(i).range(), "argument $" + p.name() + " of class `" + inc.name() + "`");
        }
        calling.add(c);
        typedBodies.add(c);
        try {
            stmts(c.body(), copy);
        } finally {
            calling.remove(c);
        }
    }

    /** The copy whose scope a definition inside {@code cls} captured; the top level when none is on the chain. */
    private Instance definitionSite(Stmt.Class cls, Instance in) {
        if (cls == null) {
            return root;
        }
        Instance site = in.find(cls);
        return site != null ? site : null;
    }

    // ---------------------------------------------------------------- binds and variables

    /** The type of a bind in the copy that owns it, typing its value on first use. */
    private Type bindType(Stmt.Bind b, Instance in) {
        Stmt.Class cls = owners.of(b);
        Instance owner = cls == null ? root : in.find(cls);
        if (owner == null) {
            return u.fresh(); // a class-body bind seen from outside (include alias): unknown here
        }
        Type known = owner.locals.get(b);
        if (known != null) {
            return known;
        }
        Type t = u.fresh();
        owner.locals.put(b, t); // a reference back to the bind while its value is typed sees this variable
        Type value = expr(b.value(), owner);
        if (b.value() instanceof Expr.Lambda l) {
            owner.origins.put(b, l.range());
        }
        if (b.type() != null) {
            expect(TypeOfSyntax.of(b.type(), u), value, b.value().range(), "value of $" + b.name());
        }
        expect(t, value, b.value().range(), null);
        return t;
    }

    private Type variable(Definition d, Instance in) {
        return switch (d) {
            case Definition.Bind b -> bindType(b.stmt(), in);
            case Definition.Param p -> {
                Node owner = p.owner() instanceof Stmt.For || p.owner() instanceof Stmt.ForKv ? owners.of((Stmt) p.owner()) : p.owner();
                Instance i = in.find(owner);
                Type t = i == null ? null : i.locals.get(p.param());
                yield t != null ? t : u.fresh();
            }
            case Definition.Global g -> {
                yield g.info().type() == null ? u.fresh() : u.instantiate(g.info().type());
            }
            default -> u.fresh();
        };
    }

    /** Where a conflict with a variable's type is best shown: the lambda or include argument that set it. */
    private TextRange origin(Definition d, Instance in) {
        Node key = switch (d) {
            case Definition.Bind b -> b.stmt();
            case Definition.Param p -> p.param();
            default -> null;
        };
        if (key == null) {
            return null;
        }
        for (Instance i = in; i != null; i = i.parent) {
            TextRange r = i.origins.get(key);
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- expressions

    Type expr(Expr e, Instance in) {
        if (e == null) {
            return u.fresh();
        }
        enter();
        try {
            Type t = infer(e, in);
            types.putIfAbsent(e, t);
            return t;
        } finally {
            depth--;
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH || ++work > WORK_BUDGET) {
            throw new Abandon();
        }
    }

    private Type infer(Expr e, Instance in) {
        return switch (e) {
            case Expr.Bool b -> Type.Prim.BOOL;
            case Expr.Int i -> Type.Prim.INT;
            case Expr.Float f -> Type.Prim.FLOAT;
            case Expr.Str s -> {
                for (StringPart p : s.parts()) {
                    if (p instanceof StringPart.Interpolation i) {
                        Definition d = resolution.uses().get(i);
                        if (d != null) {
                            expect(Type.Prim.STR, variable(d, in), s.range(), "interpolated ${" + i.name() + "}");
                        }
                    }
                }
                yield Type.Prim.STR;
            }
            case Expr.ListLit l -> {
                Type element = u.fresh();
                for (Expr x : l.elements()) {
                    expect(element, expr(x, in), x.range(), "list element");
                }
                yield new Type.ListOf(element);
            }
            case Expr.MapLit m -> {
                Type k = u.fresh();
                Type v = u.fresh();
                for (Expr.MapEntry en : m.entries()) {
                    expect(k, expr(en.key(), in), en.key().range(), "map key");
                    expect(v, expr(en.value(), in), en.value().range(), "map value");
                }
                hashable(k, m.range());
                yield new Type.MapOf(k, v);
            }
            case Expr.StructLit s -> {
                Map<String, Type> fields = new LinkedHashMap<>();
                s.fields().forEach(f -> fields.put(f.name(), expr(f.value(), in)));
                yield new Type.StructOf(fields);
            }
            case Expr.Var v -> {
                Definition d = resolution.uses().get(v);
                yield d == null ? u.fresh() : variable(d, in);
            }
            case Expr.Call c -> call(c, in);
            case Expr.Apply a -> apply(a, in);
            case Expr.Lambda l -> lambda(l, in);
            case Expr.If i -> {
                expect(Type.Prim.BOOL, expr(i.condition(), in), i.condition().range(), "if condition");
                Type t = expr(i.then(), in);
                expect(t, expr(i.otherwise(), in), i.otherwise().range(), "else branch (must match the then branch)");
                yield t;
            }
            case Expr.Binary b -> chain(b, in);
            case Expr.Not n -> {
                expect(Type.Prim.BOOL, expr(n.operand(), in), n.operand().range(), "operand of not");
                yield Type.Prim.BOOL;
            }
            case Expr.Index i -> chain(i, in);
            case Expr.FieldAccess f -> chain(f, in);
            case Expr.Except x -> chain(x, in);
            case Expr.Paren p -> expr(p.inner(), in);
        };
    }

    /**
     * A chain of operators, lookups and {@code <|>} (see {@link Spines}), typed bottom-up in a loop:
     * {@code 1 + 1 + …} nests as deep as it is long, far beyond what recursion could take.
     */
    private Type chain(Expr outer, Instance in) {
        List<Expr> spine = new ArrayList<>();
        Expr left = outer;
        for (Expr next; (next = Spines.left(left)) != null; left = next) {
            spine.add(left);
        }
        Type t = expr(left, in);
        for (int i = spine.size() - 1; i >= 0; i--) {
            if (++work > WORK_BUDGET) {
                throw new Abandon();
            }
            t = link(spine.get(i), t, in);
            if (i > 0) {
                types.putIfAbsent(spine.get(i), t);
            }
        }
        return t;
    }

    /** One link of a chain, given the type of the operand the chain continues through. */
    private Type link(Expr e, Type left, Instance in) {
        return switch (e) {
            case Expr.Binary b -> Operators.binary(this, b, left, expr(b.right(), in));
            case Expr.Index i -> Lookups.index(this, i, left, expr(i.index(), in),
                    i.fallback() == null ? null : expr(i.fallback(), in));
            case Expr.FieldAccess f -> Lookups.field(this, f, left, f.fallback() == null ? null : expr(f.fallback(), in));
            case Expr.Except x -> {
                expect(left, expr(x.fallback(), in), x.range(), "fallback after <|>");
                yield left;
            }
            default -> throw new IllegalArgumentException("not a chain link: " + e);
        };
    }

    /** mgmt refuses map keys that contain lists, maps or functions. */
    private void hashable(Type key, TextRange at) {
        defer(last -> {
            if (!u.isKnown(key)) {
                return last;
            }
            Type k = u.resolve(key);
            if (!isHashable(k)) {
                error(at, DiagnosticCodes.MCL_UNHASHABLE_KEY, "map key type " + k + " is not hashable");
            }
            return true;
        });
    }

    private static boolean isHashable(Type t) {
        return switch (t) {
            case Type.ListOf l -> false;
            case Type.MapOf m -> false;
            case Type.FuncOf f -> false;
            case Type.StructOf s -> s.fields().values().stream().allMatch(TypeChecks::isHashable);
            default -> true;
        };
    }

    private Type lambda(Expr.Lambda l, Instance in) {
        Instance copy = new Instance(l, in);
        List<String> names = new ArrayList<>();
        List<Type> params = new ArrayList<>();
        for (Param p : l.params()) {
            Type t = annotated(p);
            copy.locals.put(p, t);
            names.add(p.name());
            params.add(t);
        }
        Type body = expr(l.body(), copy);
        if (l.result() != null) {
            expect(TypeOfSyntax.of(l.result(), u), body, l.body().range(), "lambda result");
        }
        return new Type.FuncOf(names, params, body);
    }

    private Type apply(Expr.Apply a, Instance in) {
        Type callee = expr(a.callee(), in);
        List<Type> args = new ArrayList<>();
        a.args().forEach(x -> args.add(expr(x, in)));
        Type result = u.fresh();
        Type wanted = Type.FuncOf.of(args, result);
        Mismatch m = u.unify(callee, wanted);
        if (m != null) {
            Definition d = a.callee() instanceof Expr.Var v ? resolution.uses().get(v) : null;
            TextRange origin = d == null ? null : origin(d, in);
            if (origin == null && d instanceof Definition.Param p && m.detail().startsWith("directly in the same set")) {
                origin = p.param().range(); // a function applied to itself: no type fits the parameter (mgmt's place)
            }
            // mgmt reports a monomorphic lambda used at two types where the lambda is written
            error(origin != null ? origin : a.range(), DiagnosticCodes.MCL_TYPE_MISMATCH, "type error: call of "
                    + (a.callee() instanceof Expr.Var v ? "$" + v.name() : "a function value") + ": "
                    + new Mismatch(m.expected(), m.found(), m.detail()).describe());
        }
        return result;
    }

    private Type call(Expr.Call c, Instance in) {
        List<Type> args = new ArrayList<>();
        c.args().forEach(x -> args.add(expr(x, in)));
        Definition d = resolution.uses().get(c);
        return switch (d) {
            case Definition.Func f -> callFunc(c, f.stmt(), args, in);
            case Definition.Builtin b -> calls.call(c, b.info(), args);
            case null, default -> u.fresh();
        };
    }

    /** A {@code func} statement: a fresh copy per call (let-polymorphism). */
    private Type callFunc(Expr.Call c, Stmt.Func f, List<Type> args, Instance in) {
        if (calling.contains(f) || in.depth >= MAX_INSTANCE_DEPTH) {
            return u.fresh();
        }
        if (f.params().size() != args.size()) {
            error(c.range(), DiagnosticCodes.MCL_ARG_COUNT, "func `" + c.function() + "` expects " + f.params().size()
                    + " args but got " + args.size());
            return u.fresh();
        }
        Instance site = definitionSite(owners.of(f), in);
        Instance copy = new Instance(f, site);
        List<Type> params = new ArrayList<>();
        for (Param p : f.params()) {
            Type t = annotated(p);
            copy.locals.put(p, t);
            params.add(t);
        }
        calling.add(f);
        typedBodies.add(f);
        Type body;
        try {
            body = expr(f.body(), copy);
        } finally {
            calling.remove(f);
        }
        if (f.result() != null) {
            expect(TypeOfSyntax.of(f.result(), u), body, f.body().range(), "result of func `" + f.name() + "`");
        }
        for (int i = 0; i < args.size(); i++) {
            expect(params.get(i), args.get(i), c.args().get(i).range(),
                    "argument " + (i + 1) + " of `" + c.function() + "`");
        }
        return body;
    }
}
