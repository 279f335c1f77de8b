package rxlsp.mcl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.testing.ProjectPaths;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;

/**
 * Where type conflicts are reported, against mgmt: for every case mgmt rejects in type unification,
 * mgmt's place (the lines of its range) holds rx-lsp's error or one of that error's related places.
 * mgmt sometimes pins a conflict to the declaration of a variable or parameter, or to the value that
 * fixed its type, where rx-lsp reports the use that contradicts it: then the declaration must be
 * among the related places, so that both tools' answers are on screen.
 */
class TypeConflictLocationsTest {
    private static final Pattern UNIFY = Pattern.compile("^# err: errUnify: (.*)$");
    private static final Pattern AT = Pattern.compile("/main\\.mcl @ (\\d+):(\\d+)-(\\d+):(\\d+)");

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void mgmtsPlaceIsAmongThePlacesOfTheError(Dialect dialect) {
        Path root = ProjectPaths.corpus().resolve(dialect == Dialect.MGMT_1_0 ? "mgmt-1.0" : "mgmt");
        List<String> missed = new ArrayList<>();
        int cases = 0;
        int viaRelated = 0;
        for (Path txtar : MgmtCorpus.files(root.resolve("interpret_test"), ".txtar")) {
            Map<String, String> sections = MgmtCorpus.txtar(txtar);
            String err = sections.getOrDefault("OUTPUT", "").lines().filter(l -> l.startsWith("# err: errUnify: ")).findFirst().orElse(null);
            Matcher at = err == null ? null : AT.matcher(err);
            if (at == null || !at.find() || !sections.containsKey("main.mcl")) {
                continue;
            }
            cases++;
            int first = Integer.parseInt(at.group(1));
            int last = Integer.parseInt(at.group(3));
            LineIndex lines = LineIndex.of(sections.get("main.mcl"));
            List<Diagnostic> found = MclSemanticConformanceTest.analyse(sections, dialect, Catalog.builtIn(dialect)).getOrDefault("main.mcl", List.of());
            boolean primary = found.stream().anyMatch(d -> within(lines, d.range().start(), first, last));
            boolean related = found.stream().flatMap(d -> d.related().stream())
                    .anyMatch(r -> r.file() == null && within(lines, r.range().start(), first, last));
            if (!primary && related) {
                viaRelated++;
            }
            if (!primary && !related) {
                missed.add(root.relativize(txtar) + ": mgmt " + first + "-" + last + " " + err + "; rx-lsp: "
                        + found.stream().map(d -> (lines.lineOf(d.range().start()) + 1) + " " + d.message()
                        + d.related().stream().map(r -> " / related " + (lines.lineOf(r.range().start()) + 1)).toList()).toList());
            }
        }
        System.out.printf("%nType conflicts, %s: %d errUnify cases, mgmt's place is rx-lsp's error's in %d, a related place's in %d%n",
                dialect, cases, cases - missed.size() - viaRelated, viaRelated);
        assertEquals(List.of(), missed, missed.size() + " of " + cases + " cases");
    }

    private static boolean within(LineIndex lines, int offset, int firstLine, int lastLine) {
        int line = lines.lineOf(offset) + 1;
        return line >= firstLine && line <= lastLine;
    }
}
