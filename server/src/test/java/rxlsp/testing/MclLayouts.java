package rxlsp.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.ast.Comment;
import rxlsp.mcl.ast.Expr;
import rxlsp.mcl.model.MclWalk;
import rxlsp.text.TextRange;

/**
 * MCL programs laid out badly without changing what they say, the way people write before a formatter
 * tidies up: random indentation (spaces, tabs, none), doubled blanks between tokens, blank lines
 * tripled, blanks at line ends. Strings and comments are left as they are (their blanks are content).
 * What {@code mgmt fmt} makes of the result is what it makes of the original.
 */
public final class MclLayouts {
    private MclLayouts() {
    }

    public static String perturbed(String program, Dialect dialect, Random random) {
        MclParseResult parsed = MclFrontEnd.parse(program, dialect);
        boolean[] kept = new boolean[program.length() + 1];
        List<TextRange> verbatim = new ArrayList<>();
        MclWalk.expressions(parsed.program(), e -> {
            if (e instanceof Expr.Str s) {
                verbatim.add(s.range());
            }
        });
        for (Comment c : parsed.program().comments()) {
            verbatim.add(c.range());
        }
        for (TextRange r : verbatim) {
            for (int i = r.start(); i < r.end(); i++) {
                kept[i] = true;
            }
        }
        StringBuilder out = new StringBuilder(program.length() * 2);
        boolean lineStart = true;
        for (int i = 0; i < program.length(); i++) {
            char c = program.charAt(i);
            if (kept[i]) {
                out.append(c);
                lineStart = false;
                continue;
            }
            if (lineStart && (c == ' ' || c == '\t')) {
                continue; // the line's indentation is replaced below, when its first character comes
            }
            if (lineStart && c != '\n') {
                out.append(switch (random.nextInt(4)) {
                    case 0 -> "";
                    case 1 -> "  ";
                    case 2 -> "\t\t\t";
                    default -> "     ";
                });
            }
            if (c == '\n') {
                if (i > 0 && !kept[i - 1] && program.charAt(i - 1) != '\n' && random.nextInt(4) == 0) {
                    out.append("  "); // blanks at the end of a line
                }
                out.append('\n');
                if (i + 1 < program.length() && program.charAt(i + 1) == '\n') {
                    out.append("\n\n"); // a blank line becomes three
                }
                lineStart = true;
                continue;
            }
            lineStart = false;
            out.append(c);
            if ((c == ' ' || c == '\t') && random.nextBoolean()) {
                out.append(' ');
            }
        }
        return out.toString();
    }
}
