package rxlsp.analysis;

import java.util.List;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclParseResult;

/**
 * Which mgmt dialect MCL is read in. rx.nix takes mgmt from the user's nixpkgs, so users run the 1.0
 * line or 1.1 and later; a 1.0 program read as 1.1 (or the reverse) is a wall of syntax errors.
 * Given by the user, that dialect is used, always. Not given, each program (a configuration's, a
 * {@code .mcl} file's, a marked string's) is read in the dialect it parses in: 1.1 when it parses
 * there, else 1.0 when it parses there, else whichever reports fewer syntax errors (1.1 on a tie).
 *
 * <p>A text over {@link #LARGE} characters with syntax errors is not parsed again whole in the other
 * dialect: the two dialects are compared on its first {@link #HEAD} characters, and no note says it
 * would be valid in the other one. A second whole parse of a 10 MB program (and a second kept tree)
 * cost seconds and doubled the memory on every keystroke that left an error; a program of the
 * other dialect shows itself long before its end.
 *
 * @param fixed the user's choice, or null to choose per program
 */
public record DialectChoice(Dialect fixed) {
    /** The dialect read when the program says nothing either way. */
    public static final Dialect DEFAULT = Dialect.MGMT_1_1;

    /** Texts longer than this are compared in the other dialect by their start only. */
    public static final int LARGE = 1 << 20;
    /** How much of a large text the comparison reads (cut after a line). */
    static final int HEAD = 256 << 10;

    public static DialectChoice auto() {
        return new DialectChoice(null);
    }

    public static DialectChoice of(Dialect dialect) {
        return new DialectChoice(dialect);
    }

    public boolean automatic() {
        return fixed == null;
    }

    /** The dialect for a program made of {@code texts} (each parsed on its own). */
    public Dialect choose(List<String> texts, MclParseCache parses) {
        if (fixed != null) {
            return fixed;
        }
        int newer = errors(texts, DEFAULT, parses);
        if (newer == 0) {
            return DEFAULT;
        }
        if (texts.stream().anyMatch(t -> t.length() > LARGE)) {
            List<String> heads = texts.stream().map(DialectChoice::head).toList();
            return errors(heads, other(DEFAULT), parses) < errors(heads, DEFAULT, parses) ? other(DEFAULT) : DEFAULT;
        }
        int older = errors(texts, other(DEFAULT), parses);
        return older < newer ? other(DEFAULT) : DEFAULT;
    }

    /**
     * Whether the start of a large text with syntax errors in {@code used} reads with fewer errors in
     * the other dialect (parsed here, not kept).
     */
    public static boolean headFitsOther(String text, Dialect used) {
        String head = head(text);
        return errorCount(rxlsp.mcl.MclFrontEnd.parse(head, other(used))) < errorCount(rxlsp.mcl.MclFrontEnd.parse(head, used));
    }

    /** The first {@link #HEAD} characters of a text, up to the end of a line (the whole of a shorter one). */
    private static String head(String text) {
        if (text.length() <= HEAD) {
            return text;
        }
        int newline = text.lastIndexOf('\n', HEAD);
        return text.substring(0, newline > 0 ? newline + 1 : HEAD);
    }

    private static int errorCount(MclParseResult r) {
        return (int) r.diagnostics().stream().filter(d -> d.severity() == rxlsp.text.Severity.ERROR).count();
    }

    private static int errors(List<String> texts, Dialect dialect, MclParseCache parses) {
        int n = 0;
        for (String t : texts) {
            n += errorCount(parses.parse(t, dialect));
        }
        return n;
    }

    public static Dialect other(Dialect d) {
        return d == Dialect.MGMT_1_0 ? Dialect.MGMT_1_1 : Dialect.MGMT_1_0;
    }

    /**
     * For syntax errors of {@code text} read in {@code used}: the words that say it is valid MCL of the
     * other dialect, when it is; else empty.
     */
    public static String otherDialectNote(String text, MclParseResult parsedInUsed, Dialect used, MclParseCache parses) {
        if (!parsedInUsed.hasErrors() || text.length() > LARGE || parses.parse(text, other(used)).hasErrors()) {
            return "";
        }
        return validIn(other(used));
    }

    /** The note for syntax errors of MCL that parses in {@code dialect}. */
    public static String validIn(Dialect dialect) {
        return dialect == Dialect.MGMT_1_0
                ? " (valid in mgmt 1.0: set `rx.mgmtVersion` or `--mgmt-version` to 1.0 if you deploy 1.0.x)"
                : " (valid in mgmt 1.1: set `rx.mgmtVersion` or `--mgmt-version` to 1.1 if you deploy 1.1 or later)";
    }

    /** How the choice is described to the user (a log line, a note of {@code check}). */
    public static String describe(Dialect d) {
        return d == Dialect.MGMT_1_0 ? "mgmt 1.0" : "mgmt 1.1";
    }
}
