package rxlsp.mcl.types;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An MCL type as mgmt's unifier sees it. {@link Var} is a unification variable ({@code ?N}); its
 * binding lives in a {@link Unifier}, never in the type itself, so types stay immutable and shareable.
 */
public sealed interface Type {

    /** The kind name mgmt prints in {@code type error: str != int}: {@code list}, {@code map}, …. */
    String kind();

    enum Prim implements Type {
        BOOL("bool"), STR("str"), INT("int"), FLOAT("float");

        private final String text;

        Prim(String text) {
            this.text = text;
        }

        @Override
        public String kind() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** {@code variant}: any value; unifies with everything (mgmt turns variant fields into a fresh ?N). */
    record Variant() implements Type {
        public static final Variant INSTANCE = new Variant();

        @Override
        public String kind() {
            return "variant";
        }

        @Override
        public String toString() {
            return "variant";
        }
    }

    record ListOf(Type element) implements Type {
        @Override
        public String kind() {
            return "list";
        }

        @Override
        public String toString() {
            return "[]" + element;
        }
    }

    record MapOf(Type key, Type value) implements Type {
        @Override
        public String kind() {
            return "map";
        }

        @Override
        public String toString() {
            return "map{" + key + ": " + value + "}";
        }
    }

    /** Field order is significant, as in mgmt (struct{a int; b str} != struct{b str; a int}). */
    record StructOf(Map<String, Type> fields) implements Type {
        public StructOf {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }

        @Override
        public String kind() {
            return "struct";
        }

        @Override
        public String toString() {
            return fields.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining("; ", "struct{", "}"));
        }
    }

    /** @param names argument names, {@code null} entries (or a null list) when unnamed */
    record FuncOf(List<String> names, List<Type> args, Type result) implements Type {
        public FuncOf {
            args = List.copyOf(args);
            names = names == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(names));
        }

        public static FuncOf of(List<Type> args, Type result) {
            return new FuncOf(null, args, result);
        }

        @Override
        public String kind() {
            return "func";
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("func(");
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                String n = names == null || i >= names.size() ? null : names.get(i);
                if (n != null && !n.isEmpty() && !Character.isDigit(n.charAt(0))) {
                    b.append(n).append(' ');
                }
                b.append(args.get(i));
            }
            return b.append(") ").append(result).toString();
        }
    }

    /** A unification variable; the id is unique within one {@link Unifier}. */
    record Var(int id) implements Type {
        @Override
        public String kind() {
            return "?";
        }

        @Override
        public String toString() {
            return "?" + id;
        }
    }
}
