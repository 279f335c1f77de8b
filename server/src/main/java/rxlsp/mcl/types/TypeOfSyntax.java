package rxlsp.mcl.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import rxlsp.mcl.ast.MclType;

/** The {@link Type} of a type annotation as written in MCL source. */
final class TypeOfSyntax {
    private TypeOfSyntax() {
    }

    /** {@code variant} becomes a fresh variable, as in mgmt's unification of annotated values. */
    static Type of(MclType t, Unifier u) {
        return switch (t) {
            case MclType.Scalar s -> switch (s.name()) {
                case "bool" -> Type.Prim.BOOL;
                case "str" -> Type.Prim.STR;
                case "int" -> Type.Prim.INT;
                case "float" -> Type.Prim.FLOAT;
                default -> u.fresh();
            };
            case MclType.ListOf l -> new Type.ListOf(of(l.element(), u));
            case MclType.MapOf m -> new Type.MapOf(of(m.key(), u), of(m.value(), u));
            case MclType.StructOf s -> {
                Map<String, Type> fields = new LinkedHashMap<>();
                s.fields().forEach(f -> fields.put(f.name(), of(f.type(), u)));
                yield new Type.StructOf(fields);
            }
            case MclType.FuncOf f -> {
                List<String> names = new ArrayList<>();
                List<Type> args = new ArrayList<>();
                f.args().forEach(a -> {
                    names.add(a.name());
                    args.add(of(a.type(), u));
                });
                yield new Type.FuncOf(names, args, of(f.result(), u));
            }
        };
    }
}
