package rxlsp.analysis;

import java.nio.file.Path;
import rxlsp.embed.ProgramMap;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.ast.Program;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.check.ImportResolver;
import rxlsp.mcl.check.MclCheckResult;
import rxlsp.mcl.check.MclChecker;
import rxlsp.mcl.check.Unknowns;

/**
 * One MCL program as rx-lsp analysed it, kept for the editor's questions: the text that was parsed,
 * its syntax tree, what every name refers to and the inferred types, and the way back to the files
 * the text was written in.
 *
 * @param kind    what the program is
 * @param text    the text parsed (Nix holes and broken fragments replaced by same-length stand-ins)
 * @param shown   the same text as the user reads it (Nix holes printed as their source {@code ${…}}), same length
 * @param holes   where Nix interpolations ({@code ${…}}) sit in the program: Nix code, not MCL
 * @param map     program offsets to file offsets and back
 * @param parsed  the syntax tree (every statement that parsed)
 * @param checked name resolution and types
 * @param context what the check was given: the catalogue (with Nix holes as globals), how imports are
 *                found and the names defined out of sight
 */
public record MclUnit(Kind kind, String text, String shown, java.util.List<rxlsp.text.TextRange> holes, ProgramMap map, MclParseResult parsed, MclCheckResult checked,
                      Context context) {

    /** The inputs of a unit's check besides its text, so that an edited text can be checked the same way. */
    public record Context(Catalog catalog, ImportResolver imports, Unknowns unknowns) {
    }

    public MclUnit {
        holes = java.util.List.copyOf(holes);
    }

    /** Whether a program offset is inside a Nix interpolation (from its {@code $} up to its {@code }}). */
    public boolean inHole(int offset) {
        return holes.stream().anyMatch(h -> h.start() <= offset && offset < h.end());
    }

    /** The text of a program range as the user reads it. */
    public String shown(rxlsp.text.TextRange range) {
        return shown.substring(Math.min(range.start(), shown.length()), Math.min(range.end(), shown.length()));
    }

    /** What mgmt offers the program. */
    public Catalog catalog() {
        return context.catalog();
    }

    /** The same checks on another text of this program (an edit being considered, such as a rename). */
    public MclCheckResult recheck(String newText, MclParseResult reparsed) {
        return MclChecker.check(reparsed, newText, context.catalog(), context.imports(), context.unknowns());
    }

    public enum Kind {
        /** A {@code .mcl} file on its own. */
        FILE,
        /** The {@code main.mcl} an rx.nix configuration assembles. */
        PROGRAM,
        /** A Nix string marked {@code # mcl} or {@code /* mcl *}{@code /}. */
        MARKED
    }

    public Program program() {
        return parsed.program();
    }

    public Dialect dialect() {
        return parsed.dialect();
    }

    /** True when text of {@code file} is part of this program. */
    public boolean covers(Path file) {
        return map.files().contains(file);
    }
}
