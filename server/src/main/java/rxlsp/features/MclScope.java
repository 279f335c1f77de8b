package rxlsp.features;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rxlsp.analysis.MclUnit;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.Param;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.catalog.FunctionInfo;
import rxlsp.mcl.catalog.VariableInfo;
import rxlsp.mcl.check.ImportPaths;
import rxlsp.mcl.model.MclNodes;

/**
 * The names visible at a point of an MCL program, for completion: what the program defines at its
 * top and in the bodies around the point (MCL's definitions are order-independent), the parameters
 * of the functions, lambdas, classes and loops around it, what the parsed text could not show (the
 * headers of blocks still being typed, broken rx.nix fragments) and what mgmt and the imports offer.
 * Each name maps to a short description of what it is.
 */
record MclScope(Map<String, String> variables, Map<String, String> functions, Map<String, String> classes,
                Map<String, String> packages) {

    static MclScope at(MclUnit unit, int offset, MclTextContext text) {
        Map<String, String> vars = new LinkedHashMap<>();
        Map<String, String> funcs = new LinkedHashMap<>();
        Map<String, String> classes = new LinkedHashMap<>();
        Map<String, String> packages = new LinkedHashMap<>();
        Program program = unit.program();
        define(program.statements(), vars, funcs, classes, packages);
        List<Node> path = MclNodes.pathAt(program, offset);
        for (Node n : path) {
            switch (n) {
                case Stmt.Func f -> f.params().forEach(p -> vars.put(p.name(), "parameter of func " + f.name()));
                case Expr.Lambda l -> l.params().forEach(p -> vars.put(p.name(), "lambda parameter"));
                case Stmt.Class c -> {
                    if (c.params() != null) {
                        c.params().forEach(p -> vars.put(p.name(), "parameter of class " + String.join(":", c.path())));
                    }
                    define(c.body(), vars, funcs, classes, packages);
                }
                case Stmt.For f -> loop(f.index(), f.value(), vars);
                case Stmt.ForKv f -> loop(f.key(), f.value(), vars);
                case Stmt.If i -> {
                    define(i.then(), vars, funcs, classes, packages);
                    if (i.otherwise() != null) {
                        define(i.otherwise(), vars, funcs, classes, packages);
                    }
                }
                default -> {
                }
            }
        }
        text.enclosingParameters(unit.shown()).forEach(p -> vars.putIfAbsent(p, "parameter"));
        unit.context().unknowns().variables().forEach(v -> vars.putIfAbsent(v, "defined in MCL that does not parse yet"));
        unit.context().unknowns().functions().forEach(f -> funcs.putIfAbsent(f, "defined in MCL that does not parse yet"));
        unit.context().unknowns().classes().forEach(c -> classes.putIfAbsent(c, "defined in MCL that does not parse yet"));
        Catalog catalog = unit.catalog();
        for (VariableInfo v : catalog.variables()) {
            if ((v.pkg().isEmpty() || v.qualified().startsWith("const.")) && !isPlaceholder(v.name())) {
                vars.putIfAbsent(v.qualified(), v.type());
            }
        }
        for (FunctionInfo f : catalog.functions()) {
            if (f.pkg().isEmpty() && !f.internal()) {
                funcs.putIfAbsent(f.qualified(), MclDescriptions.callSignature(f));
            }
        }
        packages.forEach((alias, path1) -> {
            catalog.functionsOf(path1).stream().filter(f -> !f.internal())
                    .forEach(f -> funcs.putIfAbsent(alias + "." + f.name(), MclDescriptions.callSignature(f)));
            catalog.variablesOf(path1).forEach(v -> vars.putIfAbsent(alias + "." + v.name(), v.type()));
        });
        return new MclScope(vars, funcs, classes, packages);
    }

    /** Nix holes stand in the program as variables of these names; they are not the user's. */
    private static boolean isPlaceholder(String name) {
        return rxlsp.embed.HolePlaceholders.NAME.matcher(name).matches();
    }

    private static void loop(Param index, Param value, Map<String, String> vars) {
        vars.put(index.name(), "loop variable");
        vars.put(value.name(), "loop variable");
    }

    private static void define(List<Stmt> statements, Map<String, String> vars, Map<String, String> funcs,
                               Map<String, String> classes, Map<String, String> packages) {
        for (Stmt s : statements) {
            switch (s) {
                case Stmt.Bind b -> vars.putIfAbsent(b.name(), "variable");
                case Stmt.Func f -> funcs.putIfAbsent(f.name(), "func " + f.name());
                case Stmt.Class c -> classes.putIfAbsent(c.path().get(c.path().size() - 1), "class " + String.join(":", c.path()));
                case Stmt.Import i -> {
                    String alias = i.alias() != null ? i.alias() : ImportPaths.alias(i.path());
                    if (!"*".equals(alias)) {
                        packages.putIfAbsent(alias, i.path());
                    }
                }
                default -> {
                }
            }
        }
    }
}
