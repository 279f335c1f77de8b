package rxlsp.features;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.SourceLocation;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.model.MclWalk;

/**
 * The MCL definitions of every program the open documents belong to (each configuration's assembled
 * program, each standalone {@code .mcl} file), matched against a query as editors do: the query's
 * characters in order, case-insensitively.
 */
public final class WorkspaceSymbols {
    /** Editors show a few hundred at most. */
    private static final int MAX_RESULTS = 500;

    private WorkspaceSymbols() {
    }

    public record Found(String name, DocumentSymbols.Kind kind, SourceLocation location, String container) {
    }

    public static List<Found> matching(String query, List<DocumentModel> documents) {
        Map<MclUnit, Boolean> seen = new IdentityHashMap<>();
        List<Found> out = new ArrayList<>();
        for (DocumentModel doc : documents) {
            List<MclUnit> units = new ArrayList<>(doc.units());
            if (doc.configuration() != null) {
                units.addAll(doc.configuration().units());
            }
            for (MclUnit unit : units) {
                if (seen.put(unit, Boolean.TRUE) == null) {
                    collect(unit, query.toLowerCase(Locale.ROOT), out);
                }
            }
        }
        return out.size() > MAX_RESULTS ? out.subList(0, MAX_RESULTS) : out;
    }

    private static void collect(MclUnit unit, String query, List<Found> out) {
        MclWalk.statements(unit.program(), s -> {
            Optional<String> name = switch (s) {
                case Stmt.Bind b -> Optional.of("$" + b.name());
                case Stmt.Func f -> Optional.of(f.name());
                case Stmt.Class c -> Optional.of(String.join(":", c.path()));
                case Stmt.Resource r -> Optional.of(r.kind() + " " + unit.shown(r.name().range()));
                default -> Optional.empty();
            };
            DocumentSymbols.Kind kind = switch (s) {
                case Stmt.Bind b -> DocumentSymbols.Kind.VARIABLE;
                case Stmt.Func f -> DocumentSymbols.Kind.FUNCTION;
                case Stmt.Class c -> DocumentSymbols.Kind.CLASS;
                default -> DocumentSymbols.Kind.RESOURCE;
            };
            if (name.isPresent() && matches(name.get().toLowerCase(Locale.ROOT), query)) {
                unit.map().toSource(s.range()).ifPresent(at -> out.add(new Found(name.get(), kind, at,
                        at.file().getFileName() == null ? "" : at.file().getFileName().toString())));
            }
        });
    }

    /** The query's characters appear in the name in order. */
    static boolean matches(String name, String query) {
        int at = 0;
        for (int i = 0; i < query.length(); i++) {
            at = name.indexOf(query.charAt(i), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }
}
