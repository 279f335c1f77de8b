package rxlsp.mcl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.Token;
import rxlsp.mcl.grammar.MclParser;
import rxlsp.mcl.grammar.MclParserBaseVisitor;

/**
 * The checks mgmt's parser makes in its grammar actions, so that they belong to the lex/parse stage:
 * <ul>
 * <li>duplicate field names in a struct type ({@code struct{x int; x int}});</li>
 * <li>duplicate argument names in a func type, where an unnamed argument is named by its position
 *     ({@code 0, 1, …} in 1.1+, {@code a, b, …} in 1.0, so 1.0 rejects {@code func(str, $a int) str});</li>
 * <li>capitalized resource items that are neither an edge nor {@code Meta} ({@code Foo:x => 1,});</li>
 * <li>a typed bind whose value rejects the annotation at once: a literal of another kind, a map literal
 *     annotated with a non-map type or an unhashable key type, a fully typed lambda of another type.</li>
 * </ul>
 * Positions follow mgmt where it is meaningful (the closing brace of a duplicate struct type).
 */
final class ParseStageChecks extends MclParserBaseVisitor<Void> {
    private static final String SET_TYPE = "can't set return type in parser: ";

    private final Dialect dialect;
    private final MclSyntax.Positions positions;
    private final List<SyntaxError> errors = new ArrayList<>();

    private ParseStageChecks(Dialect dialect, MclSyntax.Positions positions) {
        this.dialect = dialect;
        this.positions = positions;
    }

    static List<SyntaxError> check(org.antlr.v4.runtime.ParserRuleContext tree, Dialect dialect,
                                   MclSyntax.Positions positions) {
        ParseStageChecks checks = new ParseStageChecks(dialect, positions);
        tree.accept(checks);
        return checks.errors;
    }

    private void error(Token at, String message) {
        errors.add(positions.error(at, message));
    }

    @Override
    public Void visitStructType(MclParser.StructTypeContext ctx) {
        Set<String> names = new HashSet<>();
        for (MclParser.StructTypeFieldContext field : ctx.structTypeField()) {
            if (!names.add(field.IDENTIFIER().getText())) {
                error(ctx.CLOSE_CURLY().getSymbol(), SET_TYPE + "duplicate struct field of `"
                        + field.IDENTIFIER().getText() + " " + typeString(field.type()) + "`");
                break;
            }
        }
        return visitChildren(ctx);
    }

    @Override
    public Void visitFuncType(MclParser.FuncTypeContext ctx) {
        List<String> names = new ArrayList<>();
        List<MclParser.FuncTypeArgContext> args = ctx.funcTypeArgs().funcTypeArg();
        for (int i = 0; i < args.size(); i++) {
            MclParser.VarNameContext var = args.get(i).varName();
            String name = var != null ? var.undottedIdent().getText()
                    : dialect == Dialect.MGMT_1_0 ? alphaName(i) : Integer.toString(i);
            if (names.contains(name)) {
                error(ctx.type().getStart(), SET_TYPE + "duplicate arg name of `" + name + "`");
                break;
            }
            names.add(name);
        }
        return visitChildren(ctx);
    }

    @Override
    public Void visitResMeta(MclParser.ResMetaContext ctx) {
        checkMeta(ctx.CAPITALIZED_IDENTIFIER().getSymbol());
        return visitChildren(ctx);
    }

    @Override
    public Void visitResProperty(MclParser.ResPropertyContext ctx) {
        if (ctx.edgeHalf() == null) { // `Name => value,` (no edge half): only Meta takes a value
            checkMeta(ctx.CAPITALIZED_IDENTIFIER().getSymbol());
        }
        return visitChildren(ctx);
    }

    private void checkMeta(Token name) {
        String property = name.getText().toLowerCase(Locale.ROOT);
        if (!property.equals("meta")) {
            error(name, "can't use unknown resource field: " + property);
        }
    }

    @Override
    public Void visitBind(MclParser.BindContext ctx) {
        if (ctx.type() != null) {
            checkAnnotation(ctx.type(), ctx.expr());
        }
        return visitChildren(ctx);
    }

    /** mgmt calls SetType on the bound value in the parser; only some values can refuse it there. */
    private void checkAnnotation(MclParser.TypeContext type, MclParser.ExprContext value) {
        MclParser.PrimaryContext primary = asPrimary(value);
        if (primary == null) {
            return;
        }
        String kind = kindOf(type);
        switch (primary) {
            case MclParser.BoolLitContext b -> requireKind("bool", kind, b.getStart());
            case MclParser.StringLitContext s -> requireKind("str", kind, s.getStart());
            case MclParser.IntLitContext i -> requireKind("int", kind, i.getStart());
            case MclParser.FloatLitContext f -> requireKind("float", kind, f.getStart());
            case MclParser.ParenExprContext p -> checkAnnotation(type, p.expr());
            case MclParser.MapLitContext m -> {
                if (!(type instanceof MclParser.MapTypeContext mapType)) {
                    error(m.getStart(), SET_TYPE + "type is nil");
                } else if (!hashable(mapType.type(0))) {
                    error(m.getStart(), SET_TYPE + "map key type " + typeString(mapType.type(0)) + " is not hashable");
                }
            }
            case MclParser.LambdaExprContext l when l.OPEN_PAREN() == null -> {
                String own = lambdaType(l.lambda());
                if (own != null && !own.equals(shape(type))) {
                    error(l.lambda().funcBody().CLOSE_CURLY().getSymbol(),
                            SET_TYPE + "the function's own type " + own + " differs from " + shape(type));
                }
            }
            default -> {
            }
        }
    }

    private void requireKind(String literal, String annotated, Token at) {
        if (!literal.equals(annotated)) {
            error(at, SET_TYPE + "base kind does not match (" + literal + " != " + annotated + ")");
        }
    }

    /** The primary an expression consists of, when it is nothing more (no operator, no postfix). */
    private static MclParser.PrimaryContext asPrimary(MclParser.ExprContext expr) {
        if (expr.orExpr().size() != 1) {
            return null;
        }
        MclParser.OrExprContext or = expr.orExpr(0);
        if (or.andExpr().size() != 1 || or.andExpr(0).cmpExpr().size() != 1) {
            return null;
        }
        MclParser.CmpExprContext cmp = or.andExpr(0).cmpExpr(0);
        if (cmp.cmpOp() != null || cmp.addExpr(0).mulExpr().size() != 1) {
            return null;
        }
        MclParser.MulExprContext mul = cmp.addExpr(0).mulExpr(0);
        if (mul.unaryExpr().size() != 1 || mul.unaryExpr(0).postfixExpr() == null) {
            return null;
        }
        MclParser.PostfixExprContext postfix = mul.unaryExpr(0).postfixExpr();
        return postfix.inTail() == null && postfix.postfixOp().isEmpty() ? postfix.primary() : null;
    }

    private static String kindOf(MclParser.TypeContext type) {
        return switch (type) {
            case MclParser.ScalarTypeContext s -> s.getText();
            case MclParser.ListTypeContext l -> "list";
            case MclParser.MapTypeContext m -> "map";
            case MclParser.StructTypeContext s -> "struct";
            case MclParser.FuncTypeContext f -> "func";
            default -> "?";
        };
    }

    private static boolean hashable(MclParser.TypeContext type) {
        return switch (type) {
            case MclParser.ScalarTypeContext s -> !s.getText().equals("variant");
            case MclParser.StructTypeContext s -> s.structTypeField().stream().allMatch(f -> hashable(f.type()));
            default -> false;
        };
    }

    /** The type of a lambda whose arguments and result are all annotated, in {@link #shape} form. */
    private static String lambdaType(MclParser.LambdaContext lambda) {
        if (lambda.type() == null) {
            return null;
        }
        List<String> args = new ArrayList<>();
        for (MclParser.ParamContext param : lambda.params().param()) {
            if (param.type() == null) {
                return null;
            }
            args.add(shape(param.type()));
        }
        return "func(" + String.join(", ", args) + ") " + shape(lambda.type());
    }

    /** A type as mgmt compares it: function argument names do not matter, struct field names do. */
    private static String shape(MclParser.TypeContext type) {
        return switch (type) {
            case MclParser.ScalarTypeContext s -> s.getText();
            case MclParser.ListTypeContext l -> "[]" + shape(l.type());
            case MclParser.MapTypeContext m -> "map{" + shape(m.type(0)) + ": " + shape(m.type(1)) + "}";
            case MclParser.StructTypeContext s -> s.structTypeField().stream()
                    .map(f -> f.IDENTIFIER().getText() + " " + shape(f.type()))
                    .collect(Collectors.joining("; ", "struct{", "}"));
            case MclParser.FuncTypeContext f -> f.funcTypeArgs().funcTypeArg().stream()
                    .map(a -> shape(a.type()))
                    .collect(Collectors.joining(", ", "func(", ") ")) + shape(f.type());
            default -> type.getText();
        };
    }

    /** A type as written, with argument names. */
    private static String typeString(MclParser.TypeContext type) {
        return switch (type) {
            case MclParser.ListTypeContext l -> "[]" + typeString(l.type());
            case MclParser.MapTypeContext m -> "map{" + typeString(m.type(0)) + ": " + typeString(m.type(1)) + "}";
            case MclParser.StructTypeContext s -> s.structTypeField().stream()
                    .map(f -> f.IDENTIFIER().getText() + " " + typeString(f.type()))
                    .collect(Collectors.joining("; ", "struct{", "}"));
            case MclParser.FuncTypeContext f -> f.funcTypeArgs().funcTypeArg().stream()
                    .map(a -> (a.varName() != null ? a.varName().getText() + " " : "") + typeString(a.type()))
                    .collect(Collectors.joining(", ", "func(", ") ")) + typeString(f.type());
            default -> type.getText();
        };
    }

    /** mgmt 1.0's names for unnamed func-type arguments: a … z, aa, ab, …. */
    static String alphaName(int index) {
        String letter = String.valueOf((char) ('a' + index % 26));
        return index / 26 > 0 ? alphaName(index / 26 - 1) + letter : letter;
    }
}
