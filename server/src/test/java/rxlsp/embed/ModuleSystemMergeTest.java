package rxlsp.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import rxlsp.text.Severity;

/**
 * The module system's order and merge rules as rx-lsp models them (nixpkgs' {@code lib/modules.nix}
 * at rx.nix's pin). Each expectation here was checked against rx.nix's own pipeline (a real Nix and
 * rx.nix's renderer), which the render oracle tier ({@code RenderOracleTest}) does over thousands of
 * generated configurations.
 */
class ModuleSystemMergeTest {
    private static String raw(String block) {
        return "rx.mcl.raw = [ \"" + block + "\" ];";
    }

    private static String body(Map<String, String> files) {
        return EmbedTesting.body(EmbedTesting.assemble(files, "configuration.nix"));
    }

    @Test
    void anImportedModuleComesBeforeTheModuleImportingIt() {
        assertEquals("a\n\ntop\n\n", body(Map.of(
                "configuration.nix", "{ imports = [ ./a.nix ]; " + raw("top") + " }",
                "a.nix", "{ " + raw("a") + " }")));
    }

    @Test
    void theMergeOrderIsTheReverseOfABreadthFirstClosure() {
        // collected breadth first: top, a, b, a1; merged in reverse
        assertEquals("a1\n\nb\n\na\n\ntop\n\n", body(Map.of(
                "configuration.nix", "{ imports = [ ./a.nix ./b.nix ]; " + raw("top") + " }",
                "a.nix", "{ imports = [ ./a1.nix ]; " + raw("a") + " }",
                "a1.nix", "{ " + raw("a1") + " }",
                "b.nix", "{ " + raw("b") + " }")));
    }

    @Test
    void aFileImportedTwiceCountsOnceAtItsFirstPlaceButAFolderAndItsDefaultNixAreTwoModules() {
        // collected: top, c, b (c again is skipped); merged in reverse
        assertEquals("b\n\nc\n\ntop\n\n", body(Map.of(
                "configuration.nix", "{ imports = [ ./c.nix ./b.nix ./c.nix ]; " + raw("top") + " }",
                "b.nix", "{ imports = [ ./c.nix ]; " + raw("b") + " }",
                "c.nix", "{ " + raw("c") + " }")));
        assertEquals("sub\n\nsub\n\ntop\n\n", body(Map.of(
                "configuration.nix", "{ imports = [ ./sub ./sub/default.nix ]; " + raw("top") + " }",
                "sub/default.nix", "{ " + raw("sub") + " }")));
    }

    @Test
    void anInlineModuleIsAModuleOfItsOwnAtItsPlaceInTheList() {
        assertEquals("anon\n\na\n\ntop\n\n", body(Map.of(
                "configuration.nix", "{ imports = [ ./a.nix { " + raw("anon") + " } ]; " + raw("top") + " }",
                "a.nix", "{ " + raw("a") + " }")));
    }

    @Test
    void disabledModulesLeaveOutAModuleAndWhatOnlyItImports() {
        assertEquals("top\n\n", body(Map.of(
                "configuration.nix", "{ imports = [ ./a.nix ]; disabledModules = [ ./a.nix ]; " + raw("top") + " }",
                "a.nix", "{ imports = [ ./a1.nix ]; " + raw("a") + " }",
                "a1.nix", "{ " + raw("a1") + " }")));
    }

    @Test
    void anImportCycleIsAnError() {
        Configuration cfg = EmbedTesting.load(Map.of(
                "configuration.nix", "{ imports = [ ./a.nix ]; }",
                "a.nix", "{ imports = [ ./configuration.nix ]; }"), "configuration.nix");
        assertEquals(List.of("nix-import-cycle"), cfg.problems().stream().map(p -> p.diagnostic().code()).toList());
        assertEquals(Severity.ERROR, cfg.problems().get(0).diagnostic().severity());
    }

    @Test
    void aMissingModuleIsAWarning() {
        Configuration cfg = EmbedTesting.load(Map.of("configuration.nix", "{ imports = [ ./hardware-configuration.nix ]; }"),
                "configuration.nix");
        assertEquals(Severity.WARNING, cfg.problems().get(0).diagnostic().severity());
        assertEquals(ConfigurationLoader.MISSING_MODULE, cfg.problems().get(0).diagnostic().code());
    }

    @Test
    void orderPrioritiesSortListsStablyAndOverridesKeepOnlyTheStrongest() {
        assertEquals("b\n\nc\n\na\n\n", body(Map.of("configuration.nix", """
                { lib, ... }: { rx.mcl.raw = lib.mkMerge [ (lib.mkAfter [ "a" ]) [ "b" ] (lib.mkOrder 1000 [ "c" ]) ]; }""")));
        // mkForce [ ] keeps no element, and discards every plain definition
        assertEquals("", body(Map.of(
                "configuration.nix", "{ lib, ... }: { imports = [ ./a.nix ]; rx.mcl.raw = lib.mkForce [ ]; }",
                "a.nix", "{ " + raw("a") + " }")));
        // a definition weaker than the option's default (1500) never counts
        assertEquals("", body(Map.of("configuration.nix", "{ lib, ... }: { rx.mcl.raw = lib.mkOverride 1600 [ \"a\" ]; }")));
    }

    @Test
    void falseConditionsDropDefinitionsAndElements() {
        AssembledProgram p = EmbedTesting.assemble(Map.of("configuration.nix", """
                { lib, ... }: let off = false; in {
                  rx.mcl.raw = lib.mkIf false [ "a" ];
                  rx.mcl.imports = lib.optional (!off) "fmt";
                  imports = [
                    { rx.mcl.raw = [ "b" (lib.mkIf false "c") ] ++ lib.optionals true [ "d" ] ++ lib.optional false "e"; }
                    { rx = { mcl.vars = lib.mkIf off { x = "1"; }; }; }
                  ];
                }"""), "configuration.nix");
        assertEquals("b\n\nd\n\n", EmbedTesting.body(p));
        assertTrue(p.text().contains("import \"fmt\"\n") && !p.text().contains("$x"), p.text());
    }

    @Test
    void anOverrideAboveTheVarsOptionDiscardsEveryVarOfWeakerDefinitions() {
        AssembledProgram p = EmbedTesting.assemble(Map.of(
                "configuration.nix", "{ lib, ... }: { imports = [ ./a.nix ]; rx.mcl.vars = lib.mkForce { a = \"1\"; }; }",
                "a.nix", "{ lib, ... }: { rx.mcl.vars.b = \"2\"; rx.mcl.vars.a = lib.mkForce \"1\"; }"), "configuration.nix");
        assertTrue(p.text().contains("\n$a = 1\n\n"), p.text());
        assertTrue(!p.text().contains("$b"), p.text());
    }

    @Test
    void listFieldsOfSeveralDefinitionsAreConcatenated() {
        AssembledProgram p = EmbedTesting.assemble(Map.of(
                "configuration.nix", "{ lib, ... }: { imports = [ ./a.nix ]; rx.res.exec.x.args = lib.mkBefore [ \"b\" ]; }",
                "a.nix", "{ rx.res.exec.x.args = [ \"a\" ]; rx.res.exec.x.cmd = \"c\"; }"), "configuration.nix");
        assertTrue(p.text().contains("  args     => [\"b\", \"a\"],\n  cmd      => \"c\",\n"), p.text());
    }

    @Test
    void minusZeroIsPositiveZeroInNixAndNix28WritesSixDigits() {
        Map<String, String> files = Map.of("configuration.nix",
                "{ rx.res.test.t = { float32 = -0.0; float64 = 1.23456789; int = -0; }; }");
        String current = EmbedTesting.assemble(files, "configuration.nix", NixVersion.CURRENT).text();
        String old = EmbedTesting.assemble(files, "configuration.nix", NixVersion.NIX_2_8).text();
        assertTrue(current.contains("  float32  => 0,\n  float64  => 1.23456789,\n  int      => 0,\n"), current);
        assertTrue(old.contains("  float32  => 0,\n  float64  => 1.23457,\n"), old);
    }

    @Test
    void aWrongValueThroughALetVariableIsReportedOnTheDefinitionWithTheBindingRelated() {
        String text = "let m = 420; in { rx.res.file.\"/a\".mode = m; }";
        AssembledProgram p = EmbedTesting.assemble(Map.of("configuration.nix", text), "configuration.nix");
        var d = p.problems().stream().filter(x -> x.diagnostic().code().equals("rx-field-type")).findFirst().orElseThrow()
                .diagnostic();
        assertEquals("m", text.substring(d.range().start(), d.range().end()));
        assertEquals(1, d.related().size());
        assertEquals("420", text.substring(d.related().get(0).range().start(), d.related().get(0).range().end()));
    }

    @Test
    void onlyKeptDefinitionsAreTypeCheckedAndUnknownConditionsWarn() {
        AssembledProgram p = EmbedTesting.assemble(Map.of(
                "configuration.nix", """
                        { config, lib, ... }: { imports = [ ./a.nix ];
                          rx.res.file.x = { mode = lib.mkIf false 1; owner = lib.mkForce "root"; group = lib.mkIf config.c 2; };
                        }""",
                "a.nix", "{ lib, ... }: { rx.res.file.x = { owner = 0; mode = lib.mkOverride 900 3; }; }"), "configuration.nix");
        List<String> found = p.problems().stream().map(x -> x.diagnostic().severity() + " " + x.diagnostic().code()
                + " " + x.diagnostic().message()).toList();
        assertEquals(List.of("ERROR rx-field-type rx.res.file.mode takes a string or null, found the integer 3",
                "WARNING rx-field-type rx.res.file.group takes a string or null, found the integer 2 (whether this "
                        + "definition is kept depends on a condition only Nix can evaluate)"), found.stream().sorted().toList());
    }

    @Test
    void listElementsAndAttributeValuesAreDefinitionsOfTheirOwn() {
        AssembledProgram p = EmbedTesting.assemble(Map.of("configuration.nix", """
                { config, lib, ... }: let on = false; in {
                  rx.res.exec.x.args = [ "a" (lib.mkIf on "b") (lib.mkIf (!on) "c") (lib.mkIf false 42) (lib.mkDefault "d") ];
                  rx.res.exec.x.env = { A = lib.mkIf false 1; B = lib.mkIf true "2"; C = lib.mkIf config.c "3"; };
                }"""), "configuration.nix");
        // mkIf false leaves an element out before its type is looked at; an unknown condition keeps the
        // key with a value only Nix knows
        assertTrue(p.text().contains("  args     => [\"a\", \"c\", \"d\"],\n"), p.text());
        assertTrue(p.text().contains("    B: \"2\",\n    C: ${lib.mkIf config.c \"3\"},\n  },\n"), p.text());
        assertEquals(List.of(), p.problems().stream().filter(x -> x.diagnostic().severity() == Severity.ERROR).toList());
    }
}
