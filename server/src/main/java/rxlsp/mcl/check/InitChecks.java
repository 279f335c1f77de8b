package rxlsp.mcl.check;

import rxlsp.mcl.model.MclWalk;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.DidYouMean;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.ResourceItem;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.catalog.MetaParam;
import rxlsp.text.Diagnostic;
import rxlsp.text.TextRange;

/**
 * The structural checks mgmt makes in its {@code Init} stage (lang/ast/structs.go, the {@code Init} methods), before
 * interpolation, scoping and types:
 * <ul>
 * <li>a resource field or {@code Meta:x} entry set twice; a kind starting with {@code _} (other than {@code _panic});</li>
 * <li>an unknown {@code Meta:x} property (mgmt's list equals the catalogue's meta params of that version);</li>
 * <li>map literals: constant keys of different types, an unhashable constant key type, a constant key twice;</li>
 * <li>a struct literal naming a field twice;</li>
 * <li>an {@code import} directly in a {@code for} / {@code forkv} body.</li>
 * </ul>
 * Plus the one duplicate mgmt only finds while building the function graph (stage {@code graph}): {@code Meta => struct{…}}
 * next to another {@code Meta =>} or a {@code Meta:x}, since that struct always has every meta field.
 * <p>
 * mgmt stops at the first error and points at the whole resource or literal; these report every finding on the exact
 * name or key, with the first occurrence as related information.
 */
public final class InitChecks {
    static final String STAGE = "init";

    private InitChecks() {
    }

    public static List<Diagnostic> check(Program program, Catalog catalog) {
        List<Diagnostic> out = new ArrayList<>();
        MclWalk.statements(program, s -> {
            switch (s) {
                case Stmt.Resource r -> resource(r, catalog, out);
                case Stmt.For f -> importsInLoop(f.body(), "for", out);
                case Stmt.ForKv f -> importsInLoop(f.body(), "forkv", out);
                default -> {
                }
            }
        });
        MclWalk.expressions(program, e -> {
            switch (e) {
                case Expr.MapLit m -> MapKeys.check(m, out);
                case Expr.StructLit st -> structFields(st, out);
                default -> {
                }
            }
        });
        out.sort(Diagnostic.BY_POSITION);
        return List.copyOf(out);
    }

    private static void resource(Stmt.Resource r, Catalog catalog, List<Diagnostic> out) {
        if (r.kind().startsWith("_") && !r.kind().equals("_panic")) {
            out.add(Diagnostic.error(r.kindRange(), "mcl", STAGE, DiagnosticCodes.MCL_UNDERSCORE_KIND,
                    "resource kind `" + r.kind() + "` must not start with `_`"));
        }
        Map<String, TextRange> fields = new HashMap<>();
        Map<String, TextRange> metas = new HashMap<>();
        TextRange metaStruct = null;
        List<ResourceItem.MetaField> singles = new ArrayList<>();
        for (ResourceItem item : r.items()) {
            switch (item) {
                case ResourceItem.Field f -> {
                    TextRange first = fields.putIfAbsent(f.name(), f.nameRange());
                    if (first != null) {
                        out.add(Diagnostic.error(f.nameRange(), "mcl", STAGE, DiagnosticCodes.MCL_DUPLICATE_FIELD,
                                "field `" + f.name() + "` is set twice in this `" + r.kind() + "` resource")
                                .withRelated(first, "first set here"));
                    }
                }
                case ResourceItem.MetaField m -> {
                    singles.add(m);
                    TextRange first = metas.putIfAbsent(m.property(), m.propertyRange());
                    if (first != null) {
                        out.add(Diagnostic.error(m.propertyRange(), "mcl", STAGE, DiagnosticCodes.MCL_DUPLICATE_META,
                                "meta param `Meta:" + m.property() + "` is set twice in this resource")
                                .withRelated(first, "first set here"));
                    }
                    unknownMeta(m, catalog, out);
                }
                case ResourceItem.Meta m -> {
                    TextRange word = new TextRange(m.range().start(), Math.min(m.range().end(), m.range().start() + 4));
                    if (metaStruct != null) {
                        out.add(graphDuplicate(word, "`Meta =>` is given twice in this resource; each sets every meta param",
                                metaStruct, "first given here"));
                    } else {
                        metaStruct = word;
                    }
                }
                default -> {
                }
            }
        }
        if (metaStruct != null) {
            for (ResourceItem.MetaField m : singles) {
                // the struct form carries every meta param, so any known Meta:x collides with it
                if (catalog.meta(m.property()).isPresent()) {
                    out.add(graphDuplicate(m.propertyRange(), "meta param `Meta:" + m.property()
                            + "` is also set by `Meta =>` in this resource", metaStruct, "`Meta =>` sets every meta param"));
                }
            }
        }
    }

    private static Diagnostic graphDuplicate(TextRange where, String message, TextRange related, String note) {
        return Diagnostic.error(where, "mcl", "graph", DiagnosticCodes.MCL_DUPLICATE_META, message).withRelated(related, note);
    }

    private static void unknownMeta(ResourceItem.MetaField m, Catalog catalog, List<Diagnostic> out) {
        // mgmt compares lower-cased, and takes "meta" as the struct form
        String property = m.property().toLowerCase(java.util.Locale.ROOT);
        if (property.equals("meta") || catalog.meta(property).isPresent()) {
            return;
        }
        List<String> known = catalog.metaParams().stream().map(MetaParam::name).toList();
        out.add(Diagnostic.error(m.propertyRange(), "mcl", STAGE, DiagnosticCodes.MCL_UNKNOWN_META,
                "unknown meta param `Meta:" + m.property() + "`" + DidYouMean.hint(m.property(), known, "Meta:")));
    }

    private static void importsInLoop(List<Stmt> body, String loop, List<Diagnostic> out) {
        // mgmt only looks at the loop body's own statements, not deeper blocks
        for (Stmt s : body) {
            if (s instanceof Stmt.Import i) {
                out.add(Diagnostic.error(i.range(), "mcl", STAGE, DiagnosticCodes.MCL_IMPORT_IN_LOOP,
                        "`import` is not allowed directly inside a `" + loop + "` loop; import at the top of the file"));
            }
        }
    }

    private static void structFields(Expr.StructLit st, List<Diagnostic> out) {
        Map<String, TextRange> seen = new HashMap<>();
        for (Expr.StructField f : st.fields()) {
            TextRange first = seen.putIfAbsent(f.name(), f.nameRange());
            if (first != null) {
                out.add(Diagnostic.error(f.nameRange(), "mcl", STAGE, DiagnosticCodes.MCL_DUPLICATE_STRUCT_FIELD,
                        "struct field `" + f.name() + "` is given twice").withRelated(first, "first given here"));
            }
        }
    }

    /** mgmt's static map-key checks, on the keys whose type and value are known without evaluation. */
    static final class MapKeys {
        private MapKeys() {
        }

        static void check(Expr.MapLit m, List<Diagnostic> out) {
            String type = null;
            TextRange typeFrom = null;
            Map<Object, TextRange> seen = new HashMap<>();
            List<Expr> valued = new ArrayList<>();
            for (Expr.MapEntry entry : m.entries()) {
                Optional<String> t = typeOf(entry.key());
                if (t.isEmpty()) {
                    continue;
                }
                if (type == null) {
                    type = t.get();
                    typeFrom = entry.key().range();
                } else if (!type.equals(t.get())) {
                    out.add(Diagnostic.error(entry.key().range(), "mcl", STAGE, DiagnosticCodes.MCL_INCONSISTENT_MAP_KEY,
                            "map key of type " + t.get() + " among keys of type " + type).withRelated(typeFrom, "first key"));
                    return; // mgmt stops at the first inconsistency
                }
                valued.add(entry.key());
            }
            if (type == null) {
                return;
            }
            if (type.startsWith("[]")) {
                out.add(Diagnostic.error(typeFrom, "mcl", STAGE, DiagnosticCodes.MCL_UNHASHABLE_MAP_KEY,
                        "map key type " + type + " cannot be a map key (lists are not hashable)"));
                return;
            }
            for (Expr key : valued) {
                Object value = valueOf(key);
                TextRange first = seen.putIfAbsent(value, key.range());
                if (first != null) {
                    out.add(Diagnostic.error(key.range(), "mcl", STAGE, DiagnosticCodes.MCL_DUPLICATE_MAP_KEY,
                            "map key " + text(key) + " is given twice").withRelated(first, "first given here"));
                }
            }
        }

        /** The type mgmt knows before unification: scalar literals, and lists of them ({@code ExprList} speculates). */
        static Optional<String> typeOf(Expr e) {
            return switch (e) {
                case Expr.Bool b -> Optional.of("bool");
                case Expr.Str s -> Optional.of("str");
                case Expr.Int i -> Optional.of("int");
                case Expr.Float f -> Optional.of("float");
                case Expr.ListLit l -> {
                    if (l.elements().isEmpty()) {
                        yield Optional.empty();
                    }
                    Optional<String> first = typeOf(l.elements().getFirst());
                    if (first.isEmpty() || !l.elements().stream().allMatch(x -> typeOf(x).equals(first))) {
                        yield Optional.empty();
                    }
                    yield Optional.of("[]" + first.get());
                }
                default -> Optional.empty();
            };
        }

        /** A value with mgmt's equality: strings before interpolation (escapes not decoded), numbers by value. */
        private static Object valueOf(Expr e) {
            return switch (e) {
                case Expr.Bool b -> b.value();
                case Expr.Str s -> "s:" + s.raw();
                case Expr.Int i -> parseInt(i.text());
                case Expr.Float f -> parseFloat(f.text());
                default -> e; // unreachable: only scalar keys get here
            };
        }

        private static Object parseInt(String text) {
            try {
                return new BigInteger(text);
            } catch (NumberFormatException e) {
                return "i:" + text;
            }
        }

        private static Object parseFloat(String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return "f:" + text;
            }
        }

        private static String text(Expr key) {
            return switch (key) {
                case Expr.Str s -> "\"" + s.raw() + "\"";
                case Expr.Int i -> i.text();
                case Expr.Float f -> f.text();
                case Expr.Bool b -> String.valueOf(b.value());
                default -> "";
            };
        }
    }
}
