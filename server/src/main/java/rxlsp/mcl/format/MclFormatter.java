package rxlsp.mcl.format;

import java.util.Optional;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MclParseResult;
import rxlsp.text.Diagnostic;
import rxlsp.text.Severity;

/**
 * Formats MCL as {@code mgmt fmt} does (see {@link Printer} for the layout), in either dialect. Like
 * mgmt's formatter it checks its own output before giving it out: the output must parse, to the same
 * syntax tree (positions aside), with the same comments, and formatting it again must change nothing.
 * Any failure, and any syntax error in the input, is a refusal with the reason: never a guess.
 */
public final class MclFormatter {
    private static final String SYNTAX_STAGE = "syntax";

    private MclFormatter() {
    }

    /** What formatting a text gave. */
    public sealed interface Outcome permits Formatted, Refused {
    }

    /** The canonical text (it ends with a line feed unless it is empty). */
    public record Formatted(String text) implements Outcome {
    }

    /** Why the text is left as it is. */
    public record Refused(String reason) implements Outcome {
    }

    public static Outcome format(String text, Dialect dialect) {
        // as mgmt does: the last statement needs its line feed, which is always added first
        String source = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        MclParseResult parsed = MclFrontEnd.parse(source, dialect);
        Optional<Diagnostic> error = syntaxError(parsed);
        if (error.isPresent()) {
            return new Refused("syntax error: " + error.get().message());
        }
        String printed;
        try {
            printed = Printer.print(parsed.program(), source, dialect);
        } catch (Unformattable e) {
            return new Refused(e.getMessage());
        }
        return verified(parsed, printed, dialect);
    }

    private static Outcome verified(MclParseResult parsed, String printed, Dialect dialect) {
        MclParseResult again = MclFrontEnd.parse(printed, dialect);
        Optional<Diagnostic> error = syntaxError(again);
        if (error.isPresent()) {
            return new Refused("the formatted text would not parse: " + error.get().message());
        }
        if (!TreeShape.of(parsed.program()).equals(TreeShape.of(again.program()))) {
            return new Refused("the formatted text would be a different program");
        }
        if (!TreeShape.comments(parsed.program()).equals(TreeShape.comments(again.program()))) {
            return new Refused("the formatted text would change the comments");
        }
        try {
            if (!Printer.print(again.program(), printed, dialect).equals(printed)) {
                return new Refused("formatting the formatted text again would change it");
            }
        } catch (Unformattable e) {
            return new Refused(e.getMessage());
        }
        return new Formatted(printed);
    }

    /** True when the parse found a syntax error (mgmt's lexer or parser would stop), not only later-stage problems. */
    public static boolean hasSyntaxError(MclParseResult parsed) {
        return syntaxError(parsed).isPresent();
    }

    private static Optional<Diagnostic> syntaxError(MclParseResult parsed) {
        return parsed.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR && SYNTAX_STAGE.equals(d.stage())).findFirst();
    }
}
