package rxlsp.features;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import rxlsp.analysis.MclNames;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.SourceLocation;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.Param;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.catalog.FunctionInfo;
import rxlsp.mcl.catalog.MetaParam;
import rxlsp.mcl.catalog.ResourceKind;
import rxlsp.mcl.catalog.ResourceParam;
import rxlsp.mcl.catalog.VariableInfo;
import rxlsp.mcl.model.Definition;
import rxlsp.mcl.types.Type;
import rxlsp.text.TextRange;

/**
 * How MCL things are described to the user (hover, completion details): definitions with their
 * inferred types, catalogue functions with signatures, resources, parameters and meta properties.
 */
public final class MclDescriptions {
    /** Values longer than this are not repeated in a hover. */
    private static final int SHORT_VALUE = 120;
    private static final String MCL = "mcl";

    private MclDescriptions() {
    }

    /** A definition, as reached from {@code at} (a use of it, or itself). */
    public static Markup definition(MclUnit unit, Definition d, Node at) {
        Markup.Builder b = Markup.builder();
        switch (d) {
            case Definition.Bind bind -> {
                Stmt.Bind s = bind.stmt();
                String type = typeText(unit, s.value());
                b.code(MCL, "$" + s.name() + (type.isEmpty() ? "" : " " + type));
                String value = d.file() == null ? unit.shown(s.value().range()) : "";
                if (!value.isEmpty() && value.length() <= SHORT_VALUE && value.indexOf('\n') < 0) {
                    b.code(MCL, "$" + s.name() + " = " + value);
                }
                b.text(origin(unit, d, s.nameRange()));
            }
            case Definition.Func f -> {
                b.code(MCL, funcSignature(unit, f.stmt()));
                b.text(origin(unit, d, f.stmt().nameRange()));
            }
            case Definition.Class c -> {
                b.code(MCL, "class " + String.join(":", c.stmt().path()) + params(unit, c.stmt().params(), c.stmt()));
                b.text(origin(unit, d, c.stmt().nameRange()));
            }
            case Definition.Param p -> {
                String type = paramType(unit, p);
                b.code(MCL, "$" + p.name() + (type.isEmpty() ? "" : " " + type));
                b.text("parameter of " + owner(p.owner()));
            }
            case Definition.Import i -> {
                b.code(MCL, "import " + quoted(i.importPath()) + (i.stmt().alias() != null ? " as " + i.stmt().alias() : ""));
                b.text(packageSummary(unit.catalog(), i.importPath()));
            }
            case Definition.Include i -> {
                b.code(MCL, "include " + i.stmt().name() + " as " + i.name());
                b.text("the names the class `" + i.stmt().name() + "` defines, under `" + i.name() + ".`");
            }
            case Definition.Builtin f -> {
                function(b, unit.catalog(), f.info());
                boolean polymorphic = f.info().signature() == null || f.info().signature().contains("?");
                if (polymorphic && at instanceof Expr.Call c) {
                    instance(unit, c).ifPresent(t -> b.code(MCL, "# at this call\n" + t));
                }
            }
            case Definition.Global g -> {
                VariableInfo v = g.info();
                b.code(MCL, "$" + v.qualified() + (v.type() == null || v.type().startsWith("?") ? "" : " " + v.type()));
                b.text(v.description());
                if (!v.pkg().isEmpty()) {
                    b.text("from package `" + v.pkg() + "`");
                }
            }
            case Definition.Opaque o -> {
                b.code(MCL, (at instanceof Expr.Call || at instanceof Stmt.Include ? "" : "$") + o.name());
                b.text("rx-lsp cannot see this definition: " + o.reason() + ".");
            }
        }
        return b.build();
    }

    /** A call's instance of a (polymorphic) function: its arguments' and result's types as inferred. */
    public static Optional<String> instance(MclUnit unit, Expr.Call c) {
        StringJoiner args = new StringJoiner(", ", c.function() + "(", ")");
        for (Expr a : c.args()) {
            String t = typeText(unit, a);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            args.add(t);
        }
        String result = typeText(unit, c);
        return result.isEmpty() ? Optional.empty() : Optional.of(args + " " + result);
    }

    /** A catalogue function: signature as MCL calls it, its package and what it does. */
    private static void function(Markup.Builder b, Catalog catalog, FunctionInfo f) {
        b.code(MCL, callSignature(f));
        b.text(f.description());
        if (!f.pkg().isEmpty()) {
            b.text("from package `" + f.pkg() + "` (`import " + quoted(f.pkg()) + "`)");
        }
        b.text(versionNote(catalog, f));
    }

    /** {@code strings.to_lower(a str) str}; the type rule's shape for functions typed per call. */
    public static String callSignature(FunctionInfo f) {
        String name = f.qualified();
        if (f.signature() != null && f.signature().startsWith("func(")) {
            return name + f.signature().substring("func".length());
        }
        if (f.sigHint() != null && !f.sigHint().isBlank()) {
            return name + " " + f.sigHint();
        }
        return name + "(…)  # typed per call";
    }

    /** Where the function's signature differs between the mgmt lines rx-lsp knows. */
    private static String versionNote(Catalog catalog, FunctionInfo f) {
        for (Dialect other : Dialect.values()) {
            Catalog c = Catalog.builtIn(other);
            if (c == catalog) {
                continue;
            }
            Optional<FunctionInfo> there = c.function(f.qualified());
            String line = other == Dialect.MGMT_1_0 ? "mgmt 1.0" : "mgmt 1.1";
            if (there.isEmpty()) {
                return "not in " + line + ".";
            }
            if (f.signature() != null && there.get().signature() != null && !f.signature().equals(there.get().signature())) {
                return "in " + line + ": `" + callSignature(there.get()) + "`";
            }
        }
        return "";
    }

    public static Optional<Markup> resourceKind(Catalog catalog, String kind) {
        return catalog.resource(kind).map(r -> {
            StringBuilder body = new StringBuilder(r.kind()).append(" \"name\" {\n");
            r.params().values().forEach(p -> body.append("    ").append(p.name()).append(" => ")
                    .append(p.type() == null ? "…" : p.type()).append(",\n"));
            body.append("}");
            return Markup.builder().code(MCL, body.toString()).text(r.description()).build();
        });
    }

    public static Optional<Markup> resourceParam(Catalog catalog, String kind, String param) {
        Optional<ResourceKind> r = catalog.resource(kind);
        Optional<ResourceParam> p = r.flatMap(k -> Optional.ofNullable(k.params().get(param)));
        return p.map(x -> Markup.builder().code(MCL, x.name() + " => " + (x.type() == null ? "(not settable from MCL)" : x.type()))
                .text(x.description()).text("parameter of resource `" + kind + "`").build());
    }

    public static Optional<Markup> metaParam(Catalog catalog, String name) {
        Optional<MetaParam> m = catalog.meta(name);
        return m.map(x -> Markup.builder().code(MCL, "Meta:" + x.name() + " => " + x.type()).text(x.description()).build());
    }

    /** The inferred type of an expression, when type checking determined it. */
    public static Optional<Markup> type(MclUnit unit, Expr e) {
        String t = typeText(unit, e);
        return t.isEmpty() ? Optional.empty() : Optional.of(Markup.builder().code(MCL, t).build());
    }

    /** What a system package offers, in one line. */
    private static String packageSummary(Catalog catalog, String path) {
        if (!catalog.isPackage(path)) {
            return "";
        }
        StringJoiner names = new StringJoiner(", ");
        catalog.functionsOf(path).stream().filter(f -> !f.internal()).limit(12).forEach(f -> names.add("`" + f.name() + "`"));
        catalog.variablesOf(path).stream().limit(6).forEach(v -> names.add("`$" + v.name() + "`"));
        long count = catalog.functionsOf(path).stream().filter(f -> !f.internal()).count();
        return "package `" + path + "`: " + names + (count > 12 ? ", …" : "");
    }

    private static String typeText(MclUnit unit, Expr e) {
        Optional<Type> t = unit.checked().types().typeOf(e);
        return t.map(Type::toString).filter(s -> !s.startsWith("?")).orElse("");
    }

    /** A user function: {@code func name($a int, $b) str}, with inferred types where the source gives none. */
    private static String funcSignature(MclUnit unit, Stmt.Func f) {
        String result = f.result() != null ? text(unit, f.result().range()) : typeText(unit, f.body());
        return "func " + f.name() + params(unit, f.params(), f) + (result.isEmpty() ? "" : " " + result);
    }

    /** Parameters with their types, annotated or inferred from their uses. */
    private static String params(MclUnit unit, List<Param> params, Node owner) {
        if (params == null) {
            return "";
        }
        StringJoiner out = new StringJoiner(", ", "(", ")");
        for (Param p : params) {
            String type = paramType(unit, new Definition.Param(p.name(), p, owner, null));
            out.add("$" + p.name() + (type.isEmpty() ? "" : " " + type));
        }
        return out.toString();
    }

    /** A parameter's type: as annotated, else as its uses were inferred. */
    private static String paramType(MclUnit unit, Definition.Param p) {
        if (p.param().type() != null && p.file() == null) {
            return text(unit, p.param().type().range());
        }
        for (TextRange use : MclNames.uses(unit, p)) {
            for (Node n : rxlsp.mcl.model.MclNodes.pathAt(unit.program(), use.start())) {
                if (n instanceof Expr.Var v && v.range().equals(use)) {
                    String t = typeText(unit, v);
                    if (!t.isEmpty()) {
                        return t;
                    }
                }
            }
        }
        return "";
    }

    private static String owner(Node owner) {
        return switch (owner) {
            case Stmt.Func f -> "func `" + f.name() + "`";
            case Stmt.Class c -> "class `" + String.join(":", c.path()) + "`";
            case Stmt.For f -> "a `for` loop";
            case Stmt.ForKv f -> "a `forkv` loop";
            case Expr.Lambda l -> "a lambda";
            case null -> "a function";
            default -> "a function";
        };
    }

    /** "defined in x.nix" for definitions in another file or written by rx.nix from a Nix attribute. */
    private static String origin(MclUnit unit, Definition d, TextRange nameRange) {
        if (d.file() != null) {
            return "defined in `" + Path.of(d.file()).getFileName() + "`";
        }
        if (unit.kind() != MclUnit.Kind.PROGRAM) {
            return "";
        }
        Optional<SourceLocation> at = unit.map().toSource(nameRange);
        if (at.isEmpty()) {
            return "";
        }
        String file = at.get().file().getFileName().toString();
        if (!unit.map().copied(nameRange.start()) && d instanceof Definition.Bind b) {
            return "from `rx.mcl.vars." + b.name() + "` in `" + file + "`";
        }
        return "defined in `" + file + "`";
    }

    private static String text(MclUnit unit, TextRange r) {
        return unit.shown(r);
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }
}
