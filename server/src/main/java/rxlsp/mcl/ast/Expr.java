package rxlsp.mcl.ast;

import java.util.List;
import rxlsp.text.TextRange;

/**
 * MCL expressions. Operators keep their surface form (mgmt turns most of them into calls of internal
 * functions later); a parenthesised expression stays a {@link Paren} so that ranges and formatting
 * survive. Fields documented as nullable are absent from the source when {@code null}.
 */
public sealed interface Expr extends Node {

    record Bool(TextRange range, boolean value) implements Expr {
    }

    /** An integer literal; {@code text} is as written (mgmt limits it to int64, checked by the lexer stage). */
    record Int(TextRange range, String text) implements Expr {
    }

    record Float(TextRange range, String text) implements Expr {
    }

    /**
     * A string literal.
     *
     * @param raw   the source text between the quotes, escapes not decoded
     * @param parts decoded text and interpolations, adjacent text merged; empty for {@code ""}
     */
    record Str(TextRange range, String raw, List<StringPart> parts) implements Expr {
        public Str {
            parts = List.copyOf(parts);
        }

        /** True when the literal has no {@code ${…}}: its value is known without evaluation. */
        public boolean isConstant() {
            return parts.stream().allMatch(p -> p instanceof StringPart.Text);
        }
    }

    record ListLit(TextRange range, List<Expr> elements) implements Expr {
        public ListLit {
            elements = List.copyOf(elements);
        }
    }

    record MapLit(TextRange range, List<MapEntry> entries) implements Expr {
        public MapLit {
            entries = List.copyOf(entries);
        }
    }

    record MapEntry(TextRange range, Expr key, Expr value) implements Node {
    }

    record StructLit(TextRange range, List<StructField> fields) implements Expr {
        public StructLit {
            fields = List.copyOf(fields);
        }
    }

    record StructField(TextRange range, String name, TextRange nameRange, Expr value) implements Node {
    }

    /** {@code $name} or {@code $pkg.name}; {@code name} has no {@code $}. */
    record Var(TextRange range, String name) implements Expr {
    }

    /** A call of a named function: {@code len($x)}, {@code golang.template(…)}. */
    record Call(TextRange range, String function, TextRange functionRange, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** A call of a function value: {@code $f(1)} or an inline lambda {@code func($x) { $x }(1)}. */
    record Apply(TextRange range, Expr callee, List<Expr> args) implements Expr {
        public Apply {
            args = List.copyOf(args);
        }
    }

    /** {@code func($a, $b int) str { body }}; {@code result} is nullable. */
    record Lambda(TextRange range, List<Param> params, MclType result, Expr body) implements Expr {
        public Lambda {
            params = List.copyOf(params);
        }
    }

    /** {@code if c { a } else { b }} as an expression: both branches are required. */
    record If(TextRange range, Expr condition, Expr then, Expr otherwise) implements Expr {
    }

    record Binary(TextRange range, BinaryOp op, TextRange opRange, Expr left, Expr right) implements Expr {
    }

    /** {@code not x}, the only prefix operator. */
    record Not(TextRange range, Expr operand) implements Expr {
    }

    /**
     * {@code target[index]}, with the {@code ||} default of mgmt 1.0 / 1.1.0 ({@code fallback} nullable).
     */
    record Index(TextRange range, Expr target, Expr index, Expr fallback) implements Expr {
    }

    /**
     * {@code target->field}, optionally with a default used when the field is missing ({@code <|> d}, or
     * {@code || d} in older releases); {@code fallback} nullable.
     */
    record FieldAccess(TextRange range, Expr target, String field, TextRange fieldRange, Expr fallback)
            implements Expr {
    }

    /** {@code a <|> b}: {@code b} is used when evaluating {@code a} fails at run time. */
    record Except(TextRange range, Expr value, Expr fallback) implements Expr {
    }

    record Paren(TextRange range, Expr inner) implements Expr {
    }

    /** Binary operators; {@link #symbol} is how they are written. */
    enum BinaryOp {
        OR("or"), AND("and"), EQ("=="), NEQ("!="), LT("<"), GT(">"), LTE("<="), GTE(">="), IN("in"),
        PLUS("+"), MINUS("-"), MULTIPLY("*"), DIVIDE("/");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
