package rxlsp.mcl.check;

import java.util.ArrayList;
import java.util.List;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.ast.Stmt;
import rxlsp.text.Diagnostic;
import rxlsp.text.Severity;
import rxlsp.text.TextRange;

/**
 * A program with syntax errors made fit for the semantic stages: mgmt stops at the first error, an
 * editor must not. The top-level statements away from every error are kept; whatever else the text
 * holds (statements an error touches, text that did not parse at all) may define names, which
 * resolve to opaque definitions instead of being reported missing. So the rest of the program is
 * checked, and no false error can come from the broken part.
 *
 * @param program  the statements kept
 * @param unknowns the names the dropped text may define
 */
public record RecoveredProgram(Program program, Unknowns unknowns) {
    static final String REASON = "perhaps defined in MCL that does not parse yet";

    /** @param text the text {@code parsed} was made from */
    public static RecoveredProgram of(MclParseResult parsed, String text) {
        Program p = parsed.program();
        if (!parsed.hasErrors()) {
            return new RecoveredProgram(p, Unknowns.NONE);
        }
        List<TextRange> errors = parsed.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR).map(Diagnostic::range).toList();
        List<Stmt> kept = new ArrayList<>();
        StringBuilder unseen = new StringBuilder();
        int at = 0;
        for (Stmt s : p.statements()) {
            if (errors.stream().noneMatch(e -> e.touches(s.range()))) {
                kept.add(s);
                unseen.append(text, Math.min(at, text.length()), Math.min(s.range().start(), text.length())).append('\n');
                at = Math.max(at, s.range().end());
            }
        }
        unseen.append(text, Math.min(at, text.length()), text.length()).append('\n');
        for (TextRange e : errors) {
            // the lines of an error too: a kept statement may end right before it, with the error's
            // line defining a name (`$v = …` glued to the statement above by a missing value)
            int from = text.lastIndexOf('\n', Math.max(0, Math.min(e.start(), text.length()) - 1)) + 1;
            int to = text.indexOf('\n', Math.min(e.end(), text.length()));
            unseen.append(text, from, to < 0 ? text.length() : to).append('\n');
        }
        return new RecoveredProgram(new Program(p.range(), kept, p.comments()), UnparsedDefinitions.in(unseen, REASON));
    }
}
