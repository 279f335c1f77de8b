package rxlsp.mcl.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Parses MCL type text as mgmt prints it ({@code func(a str, []?1) map{str: int}}, {@code ?N}
 * unification variables). Each {@code ?N} is mapped through {@code variables}, so that a signature's
 * variables become fresh ones per use. Returns {@code null} for text it does not understand: callers
 * then treat the type as unknown rather than guess.
 */
public final class TypeText {
    private final String text;
    private final IntFunction<Type> variables;
    private int pos;

    private TypeText(String text, IntFunction<Type> variables) {
        this.text = text;
        this.variables = variables;
    }

    /** Parses with {@code ?N} mapped by {@code variables}; {@code null} when malformed. */
    public static Type parse(String text, IntFunction<Type> variables) {
        if (text == null) {
            return null;
        }
        TypeText p = new TypeText(text, variables);
        try {
            Type t = p.type(0);
            p.skip();
            return p.pos == text.length() ? t : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Parses text without unification variables (a {@code ?N} makes it malformed). */
    public static Type parse(String text) {
        return parse(text, n -> {
            throw new IllegalArgumentException("unexpected ?" + n);
        });
    }

    private Type type(int depth) {
        if (depth > 200) {
            throw new IllegalArgumentException("type nested too deeply");
        }
        skip();
        if (eat("[]")) {
            return new Type.ListOf(type(depth + 1));
        }
        if (eat("?")) {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            return variables.apply(Integer.parseInt(text.substring(start, pos)));
        }
        String word = word();
        switch (word) {
            case "bool": return Type.Prim.BOOL;
            case "str": return Type.Prim.STR;
            case "int": return Type.Prim.INT;
            case "float": return Type.Prim.FLOAT;
            case "variant": return Type.Variant.INSTANCE;
            case "map": {
                expect("{");
                Type k = type(depth + 1);
                expect(":");
                Type v = type(depth + 1);
                expect("}");
                return new Type.MapOf(k, v);
            }
            case "struct": {
                expect("{");
                Map<String, Type> fields = new LinkedHashMap<>();
                skip();
                while (!eat("}")) {
                    String name = word();
                    if (fields.put(name, type(depth + 1)) != null) {
                        throw new IllegalArgumentException("duplicate field");
                    }
                    skip();
                    eat(";");
                    skip();
                }
                return new Type.StructOf(fields);
            }
            case "func": {
                expect("(");
                List<String> names = new ArrayList<>();
                List<Type> args = new ArrayList<>();
                skip();
                while (!eat(")")) {
                    int save = pos;
                    String name = null;
                    String w = word();
                    skip();
                    // a leading name is followed by a type; a bare type word is not (`func(str) int`)
                    if (!w.isEmpty() && pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')'
                            && !isTypeWordContinuation(w)) {
                        name = w;
                    } else {
                        pos = save;
                    }
                    names.add(name);
                    args.add(type(depth + 1));
                    skip();
                    eat("...");
                    skip();
                    eat(",");
                    skip();
                }
                Type result = type(depth + 1);
                return new Type.FuncOf(names, args, result);
            }
            default:
                throw new IllegalArgumentException("unknown type word " + word);
        }
    }

    /** {@code map} and {@code struct} and {@code func} are followed by a bracket, not by a type. */
    private static boolean isTypeWordContinuation(String w) {
        return w.equals("map") || w.equals("struct") || w.equals("func");
    }

    private String word() {
        skip();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skip() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private boolean eat(String s) {
        skip();
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private void expect(String s) {
        if (!eat(s)) {
            throw new IllegalArgumentException("expected " + s);
        }
    }
}
