package rxlsp.mcl.format;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import rxlsp.mcl.ast.Comment;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.Program;
import rxlsp.text.TextRange;

/**
 * A syntax tree written out without its positions, so that two parses of differently laid out texts
 * can be compared: equal shapes mean the same program. Numbers are compared by value ({@code 007}
 * and {@code 7} are the same integer to mgmt), everything else as parsed. Comments are left out of
 * a program's shape; {@link #comments} lists them.
 */
public final class TreeShape {
    private TreeShape() {
    }

    /** The shape of a program's statements. */
    public static String of(Program program) {
        StringBuilder b = new StringBuilder();
        write(program.statements(), b);
        return b.toString();
    }

    /** The texts of a program's comments, in order. */
    public static List<String> comments(Program program) {
        return program.comments().stream().map(Comment::text).toList();
    }

    private static void write(Object value, StringBuilder b) {
        switch (value) {
            case null -> b.append('-');
            case Expr.Int i -> b.append("Int(").append(integer(i.text())).append(')');
            case Expr.Float f -> b.append("Float(").append(Double.parseDouble(f.text())).append(')');
            case Record r -> {
                b.append(r.getClass().getSimpleName()).append('(');
                for (RecordComponent c : r.getClass().getRecordComponents()) {
                    if (c.getType() != TextRange.class) {
                        write(read(c, r), b);
                        b.append(',');
                    }
                }
                b.append(')');
            }
            case List<?> l -> {
                b.append('[');
                for (Object o : l) {
                    write(o, b);
                    b.append(',');
                }
                b.append(']');
            }
            case String s -> b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            default -> b.append(value);
        }
    }

    private static String integer(String text) {
        try {
            return Long.toString(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getName(), e);
        }
    }
}
