package rxlsp.mcl.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.StringPart;
import rxlsp.mcl.catalog.FunctionInfo;
import rxlsp.text.DiagnosticCodes;

/**
 * Calls of catalogue functions. Static signatures (with {@code ?N}) are instantiated per call and
 * their {@code constraints} checked once the argument types are known; functions whose type mgmt
 * computes per call site have their argument count checked against the catalogue's {@code arity}
 * first, then get the hand-written rules below, else their {@code sig_hint}, else an unknown result
 * (never an error).
 */
final class CallTyping {
    private final TypeChecks t;

    CallTyping(TypeChecks t) {
        this.t = t;
    }

    Type call(Expr.Call c, FunctionInfo f, List<Type> args) {
        Unifier u = t.u;
        if (f.arity() != null && !f.arity().accepts(args.size())) {
            // mgmt checks the count before it builds the signature (FuncInfer, Build): nothing else to check
            t.error(c.range(), DiagnosticCodes.MCL_ARG_COUNT, "func `" + c.function() + "` expects " + f.arity().describe()
                    + " but got " + args.size());
            return u.fresh();
        }
        switch (f.qualified()) {
            case "fmt.printf" -> {
                return printf(c, args);
            }
            case "golang.template" -> {
                if (!args.isEmpty()) {
                    t.expect(Type.Prim.STR, args.get(0), c.args().get(0).range(), "template text");
                }
                return Type.Prim.STR;
            }
            case "len" -> {
                if (args.size() == 1) {
                    Type a = args.get(0);
                    t.defer(last -> {
                        Type s = u.shallow(a);
                        if (s instanceof Type.Var || s instanceof Type.Variant) {
                            return last;
                        }
                        if (!(s == Type.Prim.STR || s instanceof Type.ListOf || s instanceof Type.MapOf)) {
                            t.error(c.args().get(0).range(), DiagnosticCodes.MCL_TYPE_MISMATCH, "type error: `len` takes a str, list or map, found "
                                    + u.resolve(s));
                        }
                        return true;
                    });
                    return Type.Prim.INT;
                }
            }
            case "list.concat" -> {
                Type element = u.fresh();
                for (int i = 0; i < args.size(); i++) {
                    t.expect(new Type.ListOf(element), args.get(i), c.args().get(i).range(), "argument of `list.concat`");
                }
                return new Type.ListOf(element);
            }
            case "iter.range" -> {
                for (int i = 0; i < args.size(); i++) {
                    t.expect(Type.Prim.INT, args.get(i), c.args().get(i).range(), "argument of `iter.range`");
                }
                return new Type.ListOf(Type.Prim.INT);
            }
            case "value.get_str", "value.get_int", "value.get_bool", "value.get_float" -> {
                String kind = f.qualified().substring("value.get_".length());
                Type value = u.instantiate(kind);
                if (args.size() == 1) {
                    t.expect(Type.Prim.STR, args.get(0), c.args().get(0).range(), "key");
                }
                Map<String, Type> fields = new LinkedHashMap<>();
                fields.put("value", value);
                fields.put("ready", Type.Prim.BOOL);
                return new Type.StructOf(fields);
            }
            default -> {
            }
        }
        String signature = f.signature();
        if (signature == null || signature.isBlank()) {
            signature = f.sigHint() != null && !f.sigHint().contains("...") ? f.sigHint() : null;
        }
        Type sig = signature == null ? null : u.instantiate(signature);
        if (!(sig instanceof Type.FuncOf fn)) {
            return u.fresh();
        }
        if (fn.args().size() != args.size()) {
            t.error(c.range(), DiagnosticCodes.MCL_ARG_COUNT, "func `" + c.function() + "` expects " + fn.args().size()
                    + " args but got " + args.size() + ": " + u.resolve(fn));
            return fn.result();
        }
        for (int i = 0; i < args.size(); i++) {
            String name = fn.names() == null || fn.names().get(i) == null ? "" : " (" + fn.names().get(i) + ")";
            t.expect(fn.args().get(i), args.get(i), c.args().get(i).range(),
                    "argument " + (i + 1) + name + " of `" + c.function() + "`");
        }
        constraints(c, f, fn);
        return fn.result();
    }

    /** mgmt's TypeMatch lists: the call must fit one of the listed signatures. */
    private void constraints(Expr.Call c, FunctionInfo f, Type.FuncOf fn) {
        List<Type> alternatives = new ArrayList<>();
        for (String text : f.constraints() == null ? List.<String>of() : f.constraints()) {
            Type alt = t.u.instantiate(text.strip());
            if (alt == null) {
                return; // "custom-check" or text rx-lsp cannot read: no check
            }
            alternatives.add(alt);
        }
        if (alternatives.isEmpty()) {
            return;
        }
        Unifier u = t.u;
        t.defer(last -> {
            if (!fn.args().stream().allMatch(u::isKnown)) {
                return last;
            }
            for (Type alt : alternatives) {
                if (u.matches(alt, fn)) {
                    return true;
                }
            }
            t.error(c.range(), DiagnosticCodes.MCL_TYPE_MISMATCH, "type error: `" + c.function() + "` does not accept "
                    + u.resolve(fn) + "; it takes " + String.join(" or ", f.constraints()));
            return true;
        });
    }

    private Type printf(Expr.Call c, List<Type> args) {
        if (args.isEmpty()) {
            t.error(c.range(), DiagnosticCodes.MCL_PRINTF, "func `printf` infer error: must have at least one arg");
            return Type.Prim.STR;
        }
        t.expect(Type.Prim.STR, args.get(0), c.args().get(0).range(), "format string of `printf`");
        String format = constant(c.args().get(0));
        List<Type> verbs = format == null ? null : FormatVerbs.of(format);
        if (verbs == null) {
            return Type.Prim.STR;
        }
        if (verbs.size() != args.size() - 1) {
            t.error(c.range(), DiagnosticCodes.MCL_PRINTF, "func `printf` infer error: number of args (" + (args.size() - 1)
                    + ") doesn't match format string verb count (" + verbs.size() + ")");
            return Type.Prim.STR;
        }
        for (int i = 0; i < verbs.size(); i++) {
            Type want = verbs.get(i);
            if (want == null) {
                continue;
            }
            Mismatch m = t.u.unify(want, args.get(i + 1));
            if (m != null) {
                t.error(c.range(), DiagnosticCodes.MCL_PRINTF, "func `printf` infer error: inconsistent type at arg index " + (i + 1)
                        + ": type error: " + m.describe());
            }
        }
        return Type.Prim.STR;
    }

    private static String constant(Expr e) {
        while (e instanceof Expr.Paren p) {
            e = p.inner();
        }
        if (e instanceof Expr.Str s && s.isConstant()) {
            StringBuilder b = new StringBuilder();
            s.parts().forEach(p -> b.append(((StringPart.Text) p).value()));
            return b.toString();
        }
        return null;
    }
}
