package rxlsp.mcl.types;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.Stmt;

/**
 * For every statement, the class whose body it is in ({@code null} at a file's top level): the copy of
 * that class being typed owns the types of the statement's binds and loop variables.
 */
final class Owners {
    private final Map<Node, Stmt.Class> enclosing = new IdentityHashMap<>();

    Owners(Program program, Iterable<Program> modules) {
        add(program.statements(), null);
        for (Program m : modules) {
            add(m.statements(), null);
        }
    }

    private void add(List<Stmt> statements, Stmt.Class owner) {
        // statements nest only through if/for/class bodies, whose depth the parser bounds
        for (Stmt s : statements) {
            enclosing.put(s, owner);
            switch (s) {
                case Stmt.If i -> {
                    add(i.then(), owner);
                    if (i.otherwise() != null) {
                        add(i.otherwise(), owner);
                    }
                }
                case Stmt.For f -> add(f.body(), owner);
                case Stmt.ForKv f -> add(f.body(), owner);
                case Stmt.Class c -> add(c.body(), c);
                default -> {
                }
            }
        }
    }

    Stmt.Class of(Node statement) {
        return enclosing.get(statement);
    }
}
