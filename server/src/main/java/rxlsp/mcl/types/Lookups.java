package rxlsp.mcl.types;

import rxlsp.mcl.ast.Expr;
import rxlsp.text.DiagnosticCodes;

/**
 * {@code x[i]} ({@code _lookup}) and {@code st->f} ({@code _struct_lookup}, {@code _struct_lookup_optional}),
 * whose typing depends on the container's type: they wait until it is known.
 */
final class Lookups {
    private Lookups() {
    }

    static Type index(TypeChecks t, Expr.Index i, Type target, Type index, Type fallback) {
        Type result = t.u.fresh();
        if (fallback != null) {
            t.expect(result, fallback, i.fallback().range(), "default after the lookup");
        }
        t.defer(last -> {
            Type s = t.u.shallow(target);
            switch (s) {
                case Type.ListOf l -> {
                    t.expect(Type.Prim.INT, index, i.index().range(), "list index");
                    t.expect(result, l.element(), i.range(), "list element");
                }
                case Type.MapOf m -> {
                    t.expect(m.key(), index, i.index().range(), "map key");
                    t.expect(result, m.value(), i.range(), "map value");
                }
                case Type.Var v -> {
                    return last;
                }
                case Type.Variant v -> {
                }
                default -> t.error(i.target().range(), DiagnosticCodes.MCL_NOT_INDEXABLE, "type error: only lists and maps can be indexed, found "
                        + t.u.resolve(s));
            }
            return true;
        });
        return result;
    }

    static Type field(TypeChecks t, Expr.FieldAccess f, Type target, Type fallback) {
        Type result = t.u.fresh();
        t.defer(last -> {
            Type s = t.u.shallow(target);
            switch (s) {
                case Type.StructOf st -> {
                    Type field = st.fields().get(f.field());
                    if (field == null) {
                        if (fallback != null) {
                            t.expect(result, fallback, f.fallback().range(), "default of missing field `" + f.field() + "`");
                        } else {
                            t.error(f.fieldRange(), DiagnosticCodes.MCL_MISSING_FIELD, "type error: field `" + f.field()
                                    + "` was not found in struct " + t.u.resolve(st));
                        }
                        return true;
                    }
                    t.expect(result, field, f.range(), null);
                    if (fallback != null) {
                        // mgmt (Build of _struct_lookup_optional): the default must have the field's type
                        t.expect(field, fallback, f.range(), "default of field `" + f.field() + "` must have the field's type");
                    }
                }
                case Type.Var v -> {
                    return last;
                }
                case Type.Variant v -> {
                }
                default -> t.error(f.target().range(), DiagnosticCodes.MCL_NOT_STRUCT, "type error: `->" + f.field()
                        + "` needs a struct, found " + t.u.resolve(s));
            }
            return true;
        });
        return result;
    }
}
