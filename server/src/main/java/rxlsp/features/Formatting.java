package rxlsp.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import rxlsp.analysis.DocumentModel;
import rxlsp.embed.FragmentRole;
import rxlsp.embed.FragmentSite;
import rxlsp.embed.ModuleScan;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.format.MclFormatter;
import rxlsp.mcl.format.TreeShape;
import rxlsp.nix.DecodedString;
import rxlsp.nix.NixStringDecoder;
import rxlsp.text.LineDiff;
import rxlsp.text.LineIndex;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;
import rxlsp.workspace.FileKind;

/**
 * Formatting of MCL as {@code mgmt fmt} prints it: a {@code .mcl} document as a whole, and in a Nix
 * document every MCL string (raw blocks, var values, strings marked {@code # mcl}) in place, each as
 * its own program; the Nix around them is never touched. The answer is a list of small edits in the
 * document's coordinates; an empty list when there is nothing to change or nothing can be changed
 * exactly (a syntax error, an escape that cannot be written back).
 */
public final class Formatting {
    private Formatting() {
    }

    /** {@code textDocument/formatting}. */
    public static List<TextEdit> document(DocumentModel doc, Dialect dialect) {
        return doc.kind() == FileKind.MCL ? mclFile(doc.text(), null, dialect) : nixStrings(doc, null, dialect);
    }

    /**
     * {@code textDocument/rangeFormatting}: in a {@code .mcl} document the changes on the lines the range
     * touches (when the program stays the same with only those); in a Nix document the MCL strings the
     * range touches, each whole.
     */
    public static List<TextEdit> range(DocumentModel doc, TextRange range, Dialect dialect) {
        return doc.kind() == FileKind.MCL ? mclFile(doc.text(), range, dialect) : nixStrings(doc, range, dialect);
    }

    // ---------------------------------------------------------------- .mcl documents

    private static List<TextEdit> mclFile(String text, TextRange range, Dialect dialect) {
        if (!(MclFormatter.format(text, dialect) instanceof MclFormatter.Formatted f)) {
            return List.of();
        }
        List<TextEdit> all = LineDiff.edits(text, f.text());
        if (range == null) {
            return all;
        }
        LineIndex lines = LineIndex.of(text);
        TextRange wholeLines = new TextRange(lines.lineStart(lines.lineOf(range.start())),
                lines.lineContentEnd(lines.lineOf(range.end())));
        List<TextEdit> some = all.stream().filter(e -> new TextRange(e.start(), e.end()).touches(wholeLines)).toList();
        if (some.size() == all.size() || some.isEmpty()) {
            return some;
        }
        return keepsProgram(text, some, dialect) ? some : List.of();
    }

    /** Whether part of a formatting's edits leave a text that parses to the same program with the same comments. */
    private static boolean keepsProgram(String text, List<TextEdit> edits, Dialect dialect) {
        StringBuilder partial = new StringBuilder(text);
        for (int i = edits.size() - 1; i >= 0; i--) {
            partial.replace(edits.get(i).start(), edits.get(i).end(), edits.get(i).newText());
        }
        MclParseResult before = MclFrontEnd.parse(text, dialect);
        MclParseResult after = MclFrontEnd.parse(partial.toString(), dialect);
        return !MclFormatter.hasSyntaxError(after) && TreeShape.of(before.program()).equals(TreeShape.of(after.program()))
                && TreeShape.comments(before.program()).equals(TreeShape.comments(after.program()));
    }

    // ---------------------------------------------------------------- MCL in Nix strings

    private static List<TextEdit> nixStrings(DocumentModel doc, TextRange range, Dialect dialect) {
        return doc.scan() == null ? List.of() : nixModule(doc.text(), doc.scan(), range, dialect);
    }

    /**
     * The edits that format the MCL strings of a Nix module ({@code text} and its scan), those touching
     * {@code range} when it is given, all of them when it is null.
     */
    public static List<TextEdit> nixModule(String text, ModuleScan scan, TextRange range, Dialect dialect) {
        List<TextEdit> out = new ArrayList<>();
        Set<TextRange> seen = new HashSet<>();
        for (FragmentSite site : scan.sites()) {
            if (site.string() == null || site.role() == FragmentRole.IMPORT || site.string().hasError()
                    || range != null && !site.string().range().touches(range) || !seen.add(site.string().range())) {
                continue;
            }
            DecodedString decoded = NixStringDecoder.decode(site.string(), text);
            if (!decoded.terminated()) {
                continue;
            }
            List<TextRange> holes = decoded.holes().stream().map(DecodedString.Hole::value).toList();
            Optional<FragmentFormatting.Formatted> formatted = FragmentFormatting.format(decoded.value(), holes,
                    site.role() == FragmentRole.VAR, dialect);
            formatted.filter(f -> !f.value().equals(decoded.value()))
                    .flatMap(f -> StringRewrite.edits(decoded, f.value(), f.holes()))
                    .ifPresent(out::addAll);
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }
}
