package rxlsp.features;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.List;
import java.util.Optional;
import rxlsp.analysis.DialectChoice;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.MclUnit;
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

    /**
     * {@code textDocument/formatting}. Each program is formatted in the dialect its analysis read it in;
     * MCL no analysis read (a module outside any configuration) in the user's dialect, or when that is
     * chosen per program, in the dialect it parses in.
     */
    public static List<TextEdit> document(DocumentModel doc, DialectChoice choice) {
        return doc.kind() == FileKind.MCL ? mclFile(doc, null, choice) : nixStrings(doc, null, choice);
    }

    /**
     * {@code textDocument/rangeFormatting}: in a {@code .mcl} document the changes on the lines the range
     * touches (when the program stays the same with only those); in a Nix document the MCL strings the
     * range touches, each whole.
     */
    public static List<TextEdit> range(DocumentModel doc, TextRange range, DialectChoice choice) {
        return doc.kind() == FileKind.MCL ? mclFile(doc, range, choice) : nixStrings(doc, range, choice);
    }

    /** The dialects to try for MCL read in {@code analysed} (when known), in order. */
    private static List<Dialect> dialects(Optional<Dialect> analysed, DialectChoice choice) {
        if (analysed.isPresent()) {
            return List.of(analysed.get());
        }
        return choice.automatic() ? List.of(DialectChoice.DEFAULT, DialectChoice.other(DialectChoice.DEFAULT)) : List.of(choice.fixed());
    }

    // ---------------------------------------------------------------- .mcl documents

    private static List<TextEdit> mclFile(DocumentModel doc, TextRange range, DialectChoice choice) {
        String text = doc.text();
        Optional<Dialect> analysed = doc.units().stream().findFirst().map(MclUnit::dialect);
        for (Dialect dialect : dialects(analysed, choice)) {
            if (MclFormatter.format(text, dialect) instanceof MclFormatter.Formatted f) {
                return mclEdits(text, f.text(), range, dialect);
            }
        }
        return List.of();
    }

    private static List<TextEdit> mclEdits(String text, String formatted, TextRange range, Dialect dialect) {
        List<TextEdit> all = LineDiff.edits(text, formatted);
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

    private static List<TextEdit> nixStrings(DocumentModel doc, TextRange range, DialectChoice choice) {
        return doc.scan() == null ? List.of()
                : nixStrings(doc.text(), doc.scan(), range, (site, decoded) -> dialects(analysed(doc, site, decoded), choice));
    }

    /** The dialect the analysis read a string's MCL in: its own program's for a marked string, else the configuration's. */
    private static Optional<Dialect> analysed(DocumentModel doc, FragmentSite site, DecodedString decoded) {
        boolean marked = site.role() == FragmentRole.MARKED;
        int at = decoded.toSource(0);
        return doc.units().stream()
                .filter(u -> (u.kind() == MclUnit.Kind.MARKED) == marked && !u.map().toProgram(doc.path(), at).isEmpty())
                .findFirst().map(MclUnit::dialect);
    }

    /**
     * The edits that format the MCL strings of a Nix module ({@code text} and its scan) in {@code dialect},
     * those touching {@code range} when it is given, all of them when it is null.
     */
    public static List<TextEdit> nixModule(String text, ModuleScan scan, TextRange range, Dialect dialect) {
        return nixStrings(text, scan, range, (site, decoded) -> List.of(dialect));
    }

    private static List<TextEdit> nixStrings(String text, ModuleScan scan, TextRange range,
                                             BiFunction<FragmentSite, DecodedString, List<Dialect>> dialects) {
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
            Optional<FragmentFormatting.Formatted> formatted = Optional.empty();
            for (Dialect dialect : dialects.apply(site, decoded)) {
                formatted = FragmentFormatting.format(decoded.value(), holes, site.role() == FragmentRole.VAR, dialect);
                if (formatted.isPresent()) {
                    break;
                }
            }
            formatted.filter(f -> !f.value().equals(decoded.value()))
                    .flatMap(f -> StringRewrite.edits(decoded, f.value(), f.holes()))
                    .ifPresent(out::addAll);
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }
}
