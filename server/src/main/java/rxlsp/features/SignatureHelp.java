package rxlsp.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rxlsp.analysis.Cursor;
import rxlsp.analysis.MclUnit;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.Param;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.catalog.FunctionInfo;
import rxlsp.mcl.model.Definition;
import rxlsp.mcl.types.Type;

/**
 * The signature of the MCL call the cursor is in, with the parameter being typed. Works on the text,
 * so a half-typed call ({@code strings.to_lower(}) is helped too; when the call parsed, a polymorphic
 * signature is shown with the types inferred for it so far.
 */
public final class SignatureHelp {
    /** How far back from the cursor the opening parenthesis is looked for. */
    private static final int MAX_SCAN = 4_000;

    private SignatureHelp() {
    }

    /**
     * @param label       the whole signature
     * @param parameters  each parameter's label, as it appears in {@code label}
     * @param active      the index of the parameter at the cursor
     */
    public record Help(String label, List<String> parameters, int active, Markup documentation) {
        public Help {
            parameters = List.copyOf(parameters);
        }
    }

    public static Optional<Help> at(Cursor cursor) {
        if (cursor.mcl().isEmpty()) {
            return Optional.empty();
        }
        Cursor.Mcl at = cursor.mcl().get();
        MclUnit unit = at.unit();
        String text = unit.shown(); // as written: a fragment that does not parse is blank in the parsed text
        int open = openParen(text, at.programOffset());
        if (open < 0) {
            return Optional.empty();
        }
        int nameStart = open;
        while (nameStart > 0 && isNameChar(text.charAt(nameStart - 1))) {
            nameStart--;
        }
        String name = text.substring(nameStart, open);
        if (name.isEmpty() || !Character.isLetter(name.charAt(0)) || nameStart > 0 && text.charAt(nameStart - 1) == '$') {
            return Optional.empty();
        }
        int active = commas(text, open + 1, at.programOffset());
        Optional<Expr.Call> call = callAt(at, nameStart);
        Definition d = call.flatMap(c -> unit.checked().resolution().of(c)).orElse(null);
        if (d == null) {
            d = unit.catalog().function(name).<Definition>map(f -> new Definition.Builtin(name, f)).orElse(null);
        }
        return switch (d) {
            case Definition.Builtin b -> Optional.of(builtin(b.info(), active, call, unit));
            case Definition.Func f -> Optional.of(user(f.stmt(), active, unit));
            case null, default -> Optional.empty();
        };
    }

    private static Help builtin(FunctionInfo f, int active, Optional<Expr.Call> call, MclUnit unit) {
        Optional<String> here = call.flatMap(c -> inferred(c, unit));
        Markup.Builder doc = Markup.builder().text(f.description());
        String label;
        if (f.signature() == null && here.isPresent()) {
            label = here.get(); // typed per call: this call's instance is the signature worth showing
        } else {
            label = MclDescriptions.callSignature(f);
            here.ifPresent(t -> doc.code("mcl", "# at this call\n" + t));
        }
        List<String> params = parameters(label);
        return new Help(label, params, Math.min(active, Math.max(0, params.size() - 1)), doc.build());
    }

    private static Help user(Stmt.Func f, int active, MclUnit unit) {
        List<String> params = new ArrayList<>();
        for (Param p : f.params()) {
            params.add(unit.shown(p.range()));
        }
        String result = f.result() == null ? "" : " " + unit.shown(f.result().range());
        String label = f.name() + "(" + String.join(", ", params) + ")" + result;
        return new Help(label, params, Math.min(active, Math.max(0, params.size() - 1)), Markup.builder().build());
    }

    /** The call's instance type: its arguments' and result's types as inferred. */
    private static Optional<String> inferred(Expr.Call c, MclUnit unit) {
        List<String> args = new ArrayList<>();
        for (Expr a : c.args()) {
            Optional<Type> t = unit.checked().types().typeOf(a);
            if (t.isEmpty()) {
                return Optional.empty();
            }
            args.add(t.get().toString());
        }
        Optional<Type> result = unit.checked().types().typeOf(c);
        return result.map(r -> c.function() + "(" + String.join(", ", args) + ") " + r);
    }

    /** The labels of the parameters of {@code name(a str, b int) str}. */
    private static List<String> parameters(String label) {
        int open = label.indexOf('(');
        if (open < 0) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ')' || c == ',' && depth == 0) {
                String p = label.substring(start, i).strip();
                if (!p.isEmpty()) {
                    out.add(p);
                }
                start = i + 1;
                if (c == ')') {
                    break;
                }
            }
        }
        return out;
    }

    /** The call node whose name starts at {@code nameStart}, when the call parsed. */
    private static Optional<Expr.Call> callAt(Cursor.Mcl at, int nameStart) {
        for (int i = at.path().size() - 1; i >= 0; i--) {
            Node n = at.path().get(i);
            if (n instanceof Expr.Call c && c.functionRange().start() == nameStart) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The unmatched {@code (} before {@code offset}, skipping strings and comments roughly; -1 when none. */
    private static int openParen(String text, int offset) {
        int depth = 0;
        for (int i = Math.min(offset, text.length()) - 1, n = 0; i >= 0 && n < MAX_SCAN; i--, n++) {
            char c = text.charAt(i);
            if (c == ')' || c == ']' || c == '}') {
                depth++;
            } else if (c == '(' || c == '[' || c == '{') {
                if (depth == 0) {
                    return c == '(' ? i : -1;
                }
                depth--;
            } else if (c == '\n' && depth == 0 && i < offset - 1 && endsStatement(text, i)) {
                return -1;
            }
        }
        return -1;
    }

    /** A line break after which a new statement starts, not a call's argument list continuing. */
    private static boolean endsStatement(String text, int newline) {
        int before = newline - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
            before--;
        }
        return before < 0 || text.charAt(before) != ',' && text.charAt(before) != '(';
    }

    private static int commas(String text, int from, int to) {
        int depth = 0;
        int count = 0;
        boolean inString = false;
        for (int i = from; i < Math.min(to, text.length()); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                count++;
            }
        }
        return count;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}
