package rxlsp.mcl.types;

import java.util.Set;
import rxlsp.mcl.ast.Expr;
import rxlsp.text.DiagnosticCodes;

/**
 * Operator typing from mgmt's operator table: both operands of a binary operator share one type
 * (except {@code and}/{@code or}, which are bool, and {@code in}); the allowed kinds are checked once
 * the operand type is known.
 */
final class Operators {
    private static final Set<Type> ARITHMETIC = Set.of(Type.Prim.INT, Type.Prim.FLOAT);
    private static final Set<Type> PLUS = Set.of(Type.Prim.STR, Type.Prim.INT, Type.Prim.FLOAT);

    private Operators() {
    }

    static Type binary(TypeChecks t, Expr.Binary b, Type left, Type right) {
        String op = b.op().symbol();
        switch (b.op()) {
            case AND, OR -> {
                t.expect(Type.Prim.BOOL, left, b.left().range(), "left operand of `" + op + "`");
                t.expect(Type.Prim.BOOL, right, b.right().range(), "right operand of `" + op + "`");
                return Type.Prim.BOOL;
            }
            case IN -> {
                in(t, b, left, right);
                return Type.Prim.BOOL;
            }
            default -> {
            }
        }
        // mgmt reports a conflict between the operands at the whole operation
        boolean same = t.expect(left, right, b.range(), "operands of `" + op + "` must have the same type");
        switch (b.op()) {
            case EQ, NEQ -> {
                if (same) {
                    comparable(t, b, left);
                }
                return Type.Prim.BOOL;
            }
            case LT, GT, LTE, GTE -> {
                allowed(t, b, left, ARITHMETIC);
                return Type.Prim.BOOL;
            }
            case PLUS -> {
                allowed(t, b, left, PLUS);
                return left;
            }
            case MINUS, MULTIPLY -> {
                allowed(t, b, left, ARITHMETIC);
                return left;
            }
            case DIVIDE -> {
                allowed(t, b, left, ARITHMETIC);
                return Type.Prim.FLOAT;
            }
            default -> {
                return t.u.fresh();
            }
        }
    }

    private static void allowed(TypeChecks t, Expr.Binary b, Type operand, Set<Type> kinds) {
        t.defer(last -> {
            Type s = t.u.shallow(operand);
            if (s instanceof Type.Var || s instanceof Type.Variant) {
                return last;
            }
            if (!kinds.contains(s)) {
                t.error(b.range(), DiagnosticCodes.MCL_OPERATOR_TYPE, "type error: operator `" + b.op().symbol() + "` does not work on "
                        + t.u.resolve(s) + " (it takes " + String.join(" or ", kinds.stream().map(Type::toString).sorted().toList()) + ")");
            }
            return true;
        });
    }

    /** {@code ==}: mgmt compares any kind but functions. */
    private static void comparable(TypeChecks t, Expr.Binary b, Type operand) {
        t.defer(last -> {
            Type s = t.u.shallow(operand);
            if (s instanceof Type.Var) {
                return last;
            }
            if (s instanceof Type.FuncOf) {
                t.error(b.range(), DiagnosticCodes.MCL_OPERATOR_TYPE, "type error: operator `" + b.op().symbol()
                        + "` cannot compare functions");
            }
            return true;
        });
    }

    /** {@code needle in haystack}: the haystack is a list of the needle's type. */
    private static void in(TypeChecks t, Expr.Binary b, Type needle, Type haystack) {
        t.defer(last -> {
            Type s = t.u.shallow(haystack);
            if (s instanceof Type.Var || s instanceof Type.Variant) {
                if (last) {
                    return true;
                }
                return false;
            }
            if (s instanceof Type.ListOf l) {
                t.expect(l.element(), needle, b.left().range(), "element searched with `in`");
            } else {
                t.expect(new Type.ListOf(needle), s, b.right().range(), "right operand of `in`");
            }
            return true;
        });
    }
}
