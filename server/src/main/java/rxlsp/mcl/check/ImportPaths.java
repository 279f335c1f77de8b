package rxlsp.mcl.check;

import java.util.Locale;
import rxlsp.mcl.ast.Stmt;

/** How mgmt classifies import strings and derives their default alias. */
public final class ImportPaths {
    private ImportPaths() {
    }

    /** {@code "foo.mcl"} or {@code "dir/"}: a file or module relative to the importing file. */
    static boolean isLocal(String path) {
        return !isRemote(path) && (path.endsWith(".mcl") || path.endsWith("/"));
    }

    /** {@code "git://host/path/"}: a module fetched from elsewhere, which rx-lsp does not follow. */
    static boolean isRemote(String path) {
        return path.contains("://");
    }

    /** {@code golang/*} packages are generated at mgmt's build time, so no catalogue lists them fully. */
    static boolean isOpenSystemPackage(String path) {
        return path.startsWith("golang/");
    }

    /** The last path element, without {@code .mcl} or a {@code mgmt-} prefix, {@code -} as {@code _}, lower case. */
    public static String alias(String path) {
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        String last = slash >= 0 ? p.substring(slash + 1) : p;
        if (last.endsWith(".mcl")) {
            last = last.substring(0, last.length() - 4);
        }
        if (last.startsWith("mgmt-")) {
            last = last.substring(5);
        }
        return last.replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /** Roughly mgmt's String() of a statement, for "found stmt: res(print)". */
    static String describe(Stmt s) {
        return switch (s) {
            case Stmt.Resource r -> "res(" + r.kind() + ")";
            case Stmt.Collect c -> "collect(" + c.resource().kind() + ")";
            case Stmt.Include i -> "include(" + i.name() + ")";
            case Stmt.EdgeChain e -> "edge";
            case Stmt.SendRecv e -> "edge";
            case Stmt.If i -> "if";
            case Stmt.For f -> "for";
            case Stmt.ForKv f -> "forkv";
            case Stmt.Panic p -> "panic";
            default -> s.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        };
    }
}
