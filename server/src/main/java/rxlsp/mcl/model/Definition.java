package rxlsp.mcl.model;

import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.catalog.FunctionInfo;
import rxlsp.mcl.catalog.VariableInfo;
import rxlsp.text.TextRange;

/**
 * What a name refers to: a definition in MCL source (with the file it is in: {@code null} for the
 * checked file, else the import's file name), an entry of the catalogue, or something that exists but
 * cannot be seen ({@link Opaque}: a {@code golang/*} function, a remote module).
 */
public sealed interface Definition {

    /** The name as it is looked up (an alias for imports and includes). */
    String name();

    /** The file the definition is written in: {@code null} for the checked file and for the catalogue. */
    default String file() {
        return null;
    }

    /** Where to jump for go-to-definition, {@code null} for catalogue entries and opaque names. */
    default TextRange range() {
        return null;
    }

    record Bind(String name, Stmt.Bind stmt, String file) implements Definition {
        @Override
        public TextRange range() {
            return stmt.nameRange();
        }
    }

    record Func(String name, Stmt.Func stmt, String file) implements Definition {
        @Override
        public TextRange range() {
            return stmt.nameRange();
        }
    }

    record Class(String name, Stmt.Class stmt, String file) implements Definition {
        @Override
        public TextRange range() {
            return stmt.nameRange();
        }

        public int arity() {
            return stmt.params() == null ? 0 : stmt.params().size();
        }
    }

    /** A parameter of a func, lambda or class, or a loop variable; {@code owner} is that node. */
    record Param(String name, rxlsp.mcl.ast.Param param, Node owner, String file) implements Definition {
        @Override
        public TextRange range() {
            return param.range();
        }
    }

    /**
     * {@code import "path" [as alias]}. {@code moduleFile} is the imported file for local imports,
     * {@code null} for system packages and for imports that could not be loaded.
     */
    record Import(String name, Stmt.Import stmt, String file, String importPath, String moduleFile)
            implements Definition {
        @Override
        public TextRange range() {
            return stmt.range();
        }
    }

    /** {@code include c as alias}: {@code target} is the class, {@code null} when it does not resolve. */
    record Include(String name, Stmt.Include stmt, String file, Class target) implements Definition {
        @Override
        public TextRange range() {
            return stmt.range();
        }
    }

    record Builtin(String name, FunctionInfo info) implements Definition {
    }

    record Global(String name, VariableInfo info) implements Definition {
    }

    /** Exists, but rx-lsp cannot see it; {@code reason} says why (for hover). Its type is unknown. */
    record Opaque(String name, String reason) implements Definition {
    }
}
