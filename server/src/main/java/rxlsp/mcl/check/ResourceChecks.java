package rxlsp.mcl.check;

import rxlsp.mcl.model.MclWalk;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.ResourceItem;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.catalog.ResourceKind;
import rxlsp.mcl.catalog.ResourceParam;
import rxlsp.text.Diagnostic;
import rxlsp.text.Severity;
import rxlsp.text.TextRange;

/**
 * Resource kinds, params, edges and send/recv against the catalogue, with the stage at which mgmt rejects each:
 * <ul>
 * <li>{@code type} (unification, lang/ast/structs.go {@code TypeCheck}): a field the kind does not have (also one MCL
 *     cannot express); any field on an unknown kind (mgmt must instantiate the kind to type its fields), and a
 *     {@code collect} of an unknown kind; an edge
 *     statement with a single half; send/recv: unknown kinds, a sender that is not Sendable or a field it does not send,
 *     a receiver that is not Recvable or lacks the param, and incompatible types (engine/util {@code StructFieldCompat}).</li>
 * <li>{@code interpret} (run time, so a warning: the code may never run): an unknown kind on a resource without fields,
 *     or in an edge.</li>
 * </ul>
 * Kinds known only from mgmt's docs JSON have no trait information; their send/recv abilities are not judged.
 */
public final class ResourceChecks {
    static final String TYPE = "type";
    static final String INTERPRET = "interpret";

    private ResourceChecks() {
    }

    public static List<Diagnostic> check(Program program, Catalog catalog) {
        List<Diagnostic> out = new ArrayList<>();
        // the walk visits a collect statement just before its resource
        java.util.Set<Stmt.Resource> collected = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        MclWalk.statements(program, s -> {
            switch (s) {
                case Stmt.Collect c -> collected.add(c.resource());
                case Stmt.Resource r -> resource(r, collected.contains(r), catalog, out);
                case Stmt.EdgeChain c -> edgeChain(c, catalog, out);
                case Stmt.SendRecv sr -> new SendRecvCheck(sr, catalog, out).run();
                default -> {
                }
            }
        });
        out.sort(Diagnostic.BY_POSITION);
        return List.copyOf(out);
    }

    private static void resource(Stmt.Resource r, boolean collect, Catalog catalog, List<Diagnostic> out) {
        Optional<ResourceKind> kind = catalog.resource(r.kind());
        List<ResourceItem.Field> fields = r.items().stream()
                .filter(ResourceItem.Field.class::isInstance).map(ResourceItem.Field.class::cast).toList();
        if (kind.isEmpty()) {
            if (!r.kind().startsWith("_")) { // the init stage already rejects those
                // collect always needs the kind while typing (mgmt: "invalid resource kind")
                out.add(unknownKind(r.kindRange(), r.kind(), catalog, collect || !fields.isEmpty()));
            }
        } else {
            for (ResourceItem.Field f : fields) {
                param(kind.get(), f.name(), f.nameRange(), catalog, out);
            }
        }
        for (ResourceItem item : r.items()) {
            if (item instanceof ResourceItem.Edge e) {
                edgeHalfKind(e.target(), catalog, out);
            }
        }
    }

    /** A field on a known kind: mgmt's type map holds only the params MCL can express. */
    private static void param(ResourceKind kind, String name, TextRange where, Catalog catalog, List<Diagnostic> out) {
        ResourceParam p = kind.params().get(name);
        if (p == null) {
            List<String> known = kind.params().values().stream().filter(x -> x.type() != null).map(ResourceParam::name).toList();
            out.add(Diagnostic.error(where, "mcl", TYPE, DiagnosticCodes.MCL_UNKNOWN_PARAM, "`" + kind.kind() + "` has no param `" + name + "`"
                    + DidYouMean.hint(name, known, "")));
        } else if (p.type() == null) {
            out.add(Diagnostic.error(where, "mcl", TYPE, DiagnosticCodes.MCL_UNKNOWN_PARAM, "param `" + name + "` of `" + kind.kind()
                    + "` has a Go type MCL cannot express, so it cannot be set from MCL"));
        }
    }

    /**
     * An unknown kind. With fields mgmt fails while typing them; without, only when it builds the resource at run
     * time, so that is a warning.
     */
    private static Diagnostic unknownKind(TextRange where, String kind, Catalog catalog, boolean failsTypeCheck) {
        String message = "unknown resource kind `" + kind + "`" + DidYouMean.hint(kind, kindNames(catalog), "");
        if (failsTypeCheck) {
            return Diagnostic.error(where, "mcl", TYPE, DiagnosticCodes.MCL_UNKNOWN_RESOURCE_KIND, message);
        }
        return new Diagnostic(where, Severity.WARNING, "mcl", INTERPRET, DiagnosticCodes.MCL_UNKNOWN_RESOURCE_KIND,
                message + " (mgmt fails when it builds this resource)", List.of());
    }

    static List<String> kindNames(Catalog catalog) {
        return catalog.resources().stream().map(ResourceKind::kind).filter(k -> !k.startsWith("_")).toList();
    }

    private static void edgeChain(Stmt.EdgeChain c, Catalog catalog, List<Diagnostic> out) {
        if (c.halves().size() == 1) {
            out.add(Diagnostic.error(c.range(), "mcl", TYPE, DiagnosticCodes.MCL_EDGE_ONE_HALF,
                    "an edge needs two resources: `" + c.halves().getFirst().kind() + "[…] -> Kind[…]`"));
        }
        c.halves().forEach(h -> edgeHalfKind(h, catalog, out));
    }

    /** Edge halves name kinds capitalised ({@code File}, {@code Http:Server}); mgmt's lexer lower-cases them. */
    static String kindOf(Stmt.EdgeHalf half) {
        return half.kind().toLowerCase(Locale.ROOT);
    }

    static TextRange kindRange(Stmt.EdgeHalf half) {
        return new TextRange(half.range().start(), Math.min(half.range().end(), half.range().start() + half.kind().length()));
    }

    private static void edgeHalfKind(Stmt.EdgeHalf half, Catalog catalog, List<Diagnostic> out) {
        String kind = kindOf(half);
        if (catalog.resource(kind).isEmpty()) {
            List<String> capitalised = kindNames(catalog).stream().map(ResourceChecks::capitalise).toList();
            out.add(new Diagnostic(kindRange(half), Severity.WARNING, "mcl", INTERPRET, DiagnosticCodes.MCL_UNKNOWN_RESOURCE_KIND,
                    "unknown resource kind `" + kind + "` in edge" + DidYouMean.hint(half.kind(), capitalised, "")
                            + " (mgmt fails when it adds this edge)", List.of()));
        }
    }

    /** How an edge half writes a kind: every {@code :}-separated part capitalised. */
    static String capitalise(String kind) {
        StringBuilder b = new StringBuilder();
        for (String part : kind.split(":", -1)) {
            if (!b.isEmpty()) {
                b.append(':');
            }
            b.append(part.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return b.toString();
    }
}
