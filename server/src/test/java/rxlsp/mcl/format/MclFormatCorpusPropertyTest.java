package rxlsp.mcl.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.format.FormatCorpus.Program;
import rxlsp.mcl.check.MclChecker;
import rxlsp.text.Diagnostic;
import rxlsp.text.Severity;
import rxlsp.testing.MclLayouts;
import rxlsp.testing.ProjectPaths;

/**
 * The formatter keeps meaning, over every MCL file of mgmt's corpus in both dialects (each
 * {@code .mcl} section of the interpreter cases, every example): a program that parses is formatted
 * (a refusal is allowed only for syntax errors), the output parses to the same syntax tree with the
 * same comments, mgmt's later stages find the same problems in it, and formatting it again changes
 * nothing; the same program laid out badly ({@link MclLayouts}) formats to the same text. Prints how
 * many programs were formatted, already canonical, and left alone.
 */
class MclFormatCorpusPropertyTest {

    @Test
    void formattingKeepsMeaningAndIsIdempotent() {
        List<String> failures = new ArrayList<>();
        Random random = new Random(20260311);
        for (var corpus : List.of(Map.entry("mgmt", Dialect.MGMT_1_1), Map.entry("mgmt-1.0", Dialect.MGMT_1_0))) {
            List<Program> programs = FormatCorpus.programs(ProjectPaths.corpus().resolve(corpus.getKey()), corpus.getValue());
            int formatted = 0;
            int unchanged = 0;
            int syntaxErrors = 0;
            int messed = 0;
            for (Program p : programs) {
                MclFormatter.Outcome outcome = MclFormatter.format(p.text(), p.dialect());
                MclParseResult before = MclFrontEnd.parse(withFinalNewline(p.text()), p.dialect());
                if (outcome instanceof MclFormatter.Refused r) {
                    if (hasSyntaxError(before)) {
                        syntaxErrors++;
                    } else {
                        failures.add(p.name() + ": refused a program that parses: " + r.reason());
                    }
                    continue;
                }
                String out = ((MclFormatter.Formatted) outcome).text();
                formatted++;
                if (out.equals(withFinalNewline(p.text()))) {
                    unchanged++;
                }
                check(p, before, out, failures);
                String messy = MclLayouts.perturbed(p.text(), p.dialect(), random);
                if (!messy.equals(p.text())) {
                    messed++;
                }
                MclFormatter.Outcome tidied = MclFormatter.format(messy, p.dialect());
                if (!(tidied instanceof MclFormatter.Formatted t) || !t.text().equals(out)) {
                    failures.add(p.name() + ": laid out badly, it formats differently: " + tidied + "\n--- from:\n" + messy);
                }
            }
            System.out.printf("formatter over %s (%s): %d programs, %d formatted (%d already canonical), %d left alone "
                    + "(syntax errors); every output parses to the same tree, comments and diagnostics, is a fixed point, "
                    + "and is also what the program laid out badly formats to (%d laid out differently)%n",
                    corpus.getKey(), corpus.getValue(), programs.size(), formatted, unchanged, syntaxErrors, messed);
            assertTrue(formatted > 150, corpus.getKey() + ": too few programs formatted: " + formatted);
            assertTrue(messed > formatted * 9 / 10, corpus.getKey() + ": too few programs laid out badly: " + messed);
        }
        assertEquals(List.of(), failures);
    }

    private static void check(Program p, MclParseResult before, String out, List<String> failures) {
        MclParseResult after = MclFrontEnd.parse(out, p.dialect());
        if (hasSyntaxError(after)) {
            failures.add(p.name() + ": the output does not parse:\n" + out);
            return;
        }
        if (!TreeShape.of(before.program()).equals(TreeShape.of(after.program()))) {
            failures.add(p.name() + ": a different tree:\n" + out);
        }
        if (!TreeShape.comments(before.program()).equals(TreeShape.comments(after.program()))) {
            failures.add(p.name() + ": different comments:\n" + out);
        }
        if (!diagnostics(before, p).equals(diagnostics(after, p))) {
            failures.add(p.name() + ": different diagnostics: " + diagnostics(before, p) + " / " + diagnostics(after, p));
        }
        MclFormatter.Outcome again = MclFormatter.format(out, p.dialect());
        if (!(again instanceof MclFormatter.Formatted f) || !f.text().equals(out)) {
            failures.add(p.name() + ": formatting twice changes it");
        }
    }

    /** What every stage finds, without positions (the layout moved them), in order of the messages. */
    private static List<String> diagnostics(MclParseResult parsed, Program p) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : parsed.diagnostics()) {
            out.add(d.code() + ": " + d.message());
        }
        for (Diagnostic d : MclChecker.check(parsed.program(), Catalog.builtIn(p.dialect()), p.imports(), p.dialect()).diagnostics()) {
            out.add(d.code() + ": " + d.message());
        }
        out.sort(null);
        return out;
    }

    private static boolean hasSyntaxError(MclParseResult r) {
        return r.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR && d.stage().equals("syntax"));
    }

    private static String withFinalNewline(String s) {
        return s.isEmpty() || s.endsWith("\n") ? s : s + "\n";
    }
}
