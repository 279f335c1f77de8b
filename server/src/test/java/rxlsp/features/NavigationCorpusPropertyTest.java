package rxlsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rxlsp.analysis.ConfigurationContext;
import rxlsp.analysis.DocumentAnalyzer;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.Locator;
import rxlsp.analysis.MclNames;
import rxlsp.embed.FragmentText;
import rxlsp.embed.SourceLocation;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.MclFrontEnd;
import rxlsp.mcl.MclParseResult;
import rxlsp.mcl.ast.Node;
import rxlsp.mcl.ast.Stmt;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.mcl.check.ImportResolver;
import rxlsp.mcl.check.MclCheckResult;
import rxlsp.mcl.check.MclChecker;
import rxlsp.mcl.model.Definition;
import rxlsp.mcl.MgmtCorpus;
import rxlsp.testing.NixLiterals;
import rxlsp.testing.ProjectPaths;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;
import rxlsp.workspace.DocumentSnapshot;
import rxlsp.workspace.FileKind;

/**
 * Navigation against mgmt's scoping, over every program of mgmt's corpus that checks clean: each
 * program is put into an rx.nix raw block (alternately an indented string, indented, with a
 * non-ASCII comment and escapes, and a double-quoted one), and for every name use in it,
 * definition(use) is exactly the definition name resolution gives on the program alone (mapped
 * into the Nix text), and references(definition) contains the use. For a sample of definitions,
 * renaming from the Nix text and analysing again gives no new diagnostic and the same resolution.
 */
class NavigationCorpusPropertyTest {
    private static final Path MODULE = Path.of("/corpus/configuration.nix");
    /** Renames per program (each costs a whole re-analysis). */
    private static final int RENAMES_PER_PROGRAM = 2;

    @Test
    void definitionReferencesAndRenameAgreeWithScopingOverTheCorpus() {
        Path corpus = ProjectPaths.corpus().resolve("mgmt");
        List<String> programs = new ArrayList<>();
        for (Path txtar : MgmtCorpus.files(corpus.resolve("interpret_test"), ".txtar")) {
            Map<String, String> sections = MgmtCorpus.txtar(txtar);
            String output = sections.getOrDefault("OUTPUT", "");
            if (sections.size() == 2 && sections.containsKey("main.mcl") && !output.contains("# err: ")) {
                programs.add(sections.get("main.mcl"));
            }
        }
        for (Path mcl : MgmtCorpus.files(corpus.resolve("examples"), ".mcl")) {
            if (!mcl.toString().contains("modules/")) {
                programs.add(MgmtCorpus.read(mcl));
            }
        }
        Random random = new Random(20261207);
        int checkedPrograms = 0;
        int uses = 0;
        int renames = 0;
        List<String> failures = new ArrayList<>();
        Catalog catalog = Catalog.builtIn(Dialect.MGMT_1_1);
        for (int i = 0; i < programs.size(); i++) {
            String program = "# ✓ naïve\n" + programs.get(i); // non-ASCII before every name
            MclParseResult parsed = MclFrontEnd.parse(program, Dialect.MGMT_1_1);
            if (parsed.hasErrors() || parsed.program().statements().stream().anyMatch(s -> s instanceof Stmt.Import)) {
                continue; // rx.nix programs cannot import local files, and imports are rx.mcl.imports' job
            }
            MclCheckResult alone = MclChecker.check(parsed.program(), catalog, ImportResolver.none(), Dialect.MGMT_1_1);
            if (!alone.diagnostics().isEmpty()) {
                continue;
            }
            boolean indented = i % 2 == 0;
            String nix = module(program, indented, random);
            DocumentModel model = analyse(nix);
            if (!model.diagnostics().isEmpty()) {
                failures.add("program " + i + " gets diagnostics inside Nix: " + model.diagnostics().get(0));
                continue;
            }
            FragmentText fragment = model.configuration().program().fragments().get(0);
            checkedPrograms++;
            Map<Definition, Boolean> renamed = new IdentityHashMap<>();
            for (Map.Entry<Node, Definition> e : alone.resolution().uses().entrySet()) {
                TextRange def = MclNames.nameRange(e.getValue());
                if (def == null) {
                    continue; // a catalogue entry: nothing to jump to
                }
                uses++;
                TextRange use = MclNames.useRange(e.getKey());
                int nixUse = fragment.map().toSource(use.start() + (use.length() > 1 ? 1 : 0));
                SourceLocation expected = new SourceLocation(MODULE, fragment.map().toSource(def));
                var cursor = Locator.at(model, nixUse);
                List<SourceLocation> found = GoToDefinition.at(cursor);
                if (!found.equals(List.of(expected))) {
                    failures.add("program " + i + ": definition of " + use + " is " + found + ", expected " + expected);
                    continue;
                }
                var atDefinition = Locator.at(model, expected.range().start() + 1);
                SourceLocation useInNix = new SourceLocation(MODULE, fragment.map().toSource(use));
                if (!References.at(atDefinition, true).contains(useInNix)) {
                    failures.add("program " + i + ": references of " + def + " lack the use at " + use);
                }
                if (renamed.size() < RENAMES_PER_PROGRAM && !(e.getValue() instanceof Definition.Param p && p.owner() == null)
                        && renamed.put(e.getValue(), Boolean.TRUE) == null) {
                    renames++;
                    renameKeepsMeaning(nix, model, atDefinition, e.getValue(), i).ifPresent(failures::add);
                }
            }
        }
        System.out.printf("%nNavigation over mgmt's corpus inside Nix: %d programs, %d name uses, %d renames%n",
                checkedPrograms, uses, renames);
        assertTrue(checkedPrograms > 100, "too few programs checked: " + checkedPrograms);
        assertEquals(List.of(), failures.stream().limit(20).toList(), failures.size() + " failures");
    }

    /** Rename from the Nix text, apply, analyse again: no new diagnostics, every use resolving as before. */
    private static Optional<String> renameKeepsMeaning(String nix, DocumentModel before, rxlsp.analysis.Cursor at,
                                                       Definition d, int program) {
        String newName = d.name().replace('.', '_') + "_rn";
        Rename.Outcome outcome = Rename.rename(at, newName, p -> true);
        if (!(outcome instanceof Rename.Edits edits)) {
            return Optional.of("program " + program + ": renaming " + d.name() + " refused: " + outcome);
        }
        String renamed = AnswerFixturesTest.apply(nix, edits.edits().getOrDefault(MODULE, List.of()));
        DocumentModel after = analyse(renamed);
        if (!after.diagnostics().isEmpty()) {
            return Optional.of("program " + program + ": after renaming " + d.name() + ": " + after.diagnostics().get(0));
        }
        Definition inProgram = MclNames.at(at.mcl().orElseThrow()).orElseThrow().definition();
        List<String> was = resolved(before, inProgram, newName);
        List<String> now = resolved(after, null, null);
        return was.equals(now) ? Optional.empty()
                : Optional.of("program " + program + ": renaming " + d.name() + " changed resolution: " + was + " / " + now);
    }

    /**
     * What each use of the program resolves to, in walk order, by the defining name; uses of
     * {@code renamedDefinition} (when given) under {@code newName}.
     */
    private static List<String> resolved(DocumentModel model, Definition renamedDefinition, String newName) {
        var unit = model.configuration().programUnit().orElseThrow();
        List<String> out = new ArrayList<>();
        rxlsp.mcl.model.MclNodes.walk(unit.program(), n -> unit.checked().resolution().of(n).ifPresent(d -> {
            boolean renamed = renamedDefinition != null && MclNames.same(d, renamedDefinition);
            out.add(d.getClass().getSimpleName() + " " + (renamed ? newName : d.name()));
        }));
        return out;
    }

    private static String module(String mcl, boolean indented, Random random) {
        String literal = indented ? "''\n" + NixLiterals.indented(mcl, "      ", random) + "    ''"
                : "\"" + NixLiterals.quoted(mcl) + "\"";
        return "{ ... }:\n{\n  rx.mcl.raw = [\n    " + literal + "\n  ];\n}\n";
    }

    private static DocumentModel analyse(String nix) {
        Map<Path, String> files = new LinkedHashMap<>(Map.of(MODULE, nix));
        try (var context = new ConfigurationContext(p -> Optional.ofNullable(files.get(p)), () -> List.of(MODULE.getParent()),
                () -> List.of(MODULE));
             var analyzer = new DocumentAnalyzer(context)) {
            return analyzer.analyze(new DocumentSnapshot(MODULE.toUri().toString(), FileKind.NIX, 1, nix, null),
                    Dialect.MGMT_1_1, Catalog.builtIn(Dialect.MGMT_1_1));
        }
    }
}
