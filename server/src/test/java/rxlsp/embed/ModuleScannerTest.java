package rxlsp.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where MCL hides in a NixOS module, and what each spelling yields. */
class ModuleScannerTest {
    private static String bodyOf(String module) {
        return EmbedTesting.body(EmbedTesting.assemble(module));
    }

    @Test
    void everyAttributePathSpellingFindsTheSameVar() {
        for (String spelling : List.of(
                "{ rx.mcl.vars.d = \"1\"; }",
                "{ rx = { mcl = { vars = { d = \"1\"; }; }; }; }",
                "{ rx.mcl = { vars.d = \"1\"; }; }",
                "{ config.rx.mcl.vars.d = \"1\"; }",
                "{ config = { rx.mcl.vars.\"d\" = \"1\"; }; }",
                "{ lib, ... }: { config = lib.mkIf true { rx.mcl.vars.d = lib.mkDefault \"1\"; }; }",
                "{ lib, ... }: { config = lib.mkMerge [ { rx.mcl.vars.d = \"1\"; } ]; }",
                "let v = \"1\"; in { rx.mcl.vars.${\"d\"} = v; }",
                "{ lib, ... }: with lib; { rx.mcl.vars.d = mkForce (mkOverride 10 \"1\"); }")) {
            assertEquals("$d = 1\n\n", bodyOf(spelling), spelling);
        }
    }

    @Test
    void listsAreReadThroughConcatenationConditionsAndLets() {
        String module = """
                { lib, cond, ... }:
                let more = [ "$b = 2\\n" ]; one = "$c = 3\\n"; in
                {
                  rx.mcl.raw = [ "$a = 1\\n" ] ++ more ++ lib.optional cond one
                    ++ lib.optionals cond [ "$d = 4\\n" ] ++ (lib.mkIf cond [ "$e = 5\\n" ]);
                }
                """;
        assertEquals("$a = 1\n\n$b = 2\n\n$c = 3\n\n$d = 4\n\n$e = 5\n\n", bodyOf(module));
    }

    @Test
    void orderPrioritiesSortListDefinitionsAndOverridesDropWeakerOnes() {
        String module = "{ lib, ... }: { rx.mcl.raw = lib.mkMerge [ (lib.mkAfter [ \"$z = 1\" ]) [ \"$m = 1\" ] (lib.mkBefore [ \"$a = 1\" ]) ]; }";
        assertEquals("$a = 1\n\n$m = 1\n\n$z = 1\n\n", bodyOf(module));
        String forced = "{ lib, ... }: { rx.mcl.raw = lib.mkMerge [ [ \"$m = 1\" ] (lib.mkForce [ \"$f = 1\" ]) ]; }";
        assertEquals("$f = 1\n\n", bodyOf(forced));
    }

    @Test
    void inlineModulesOfANixosSystemAreScanned() {
        String flake = """
                { nixpkgs, ... }: {
                  nixosConfigurations.h = nixpkgs.lib.nixosSystem {
                    modules = [ ({ ... }: { rx.mcl.vars.x = "1"; }) { rx.mcl.vars.y = "2"; } ];
                  };
                }
                """;
        assertEquals("$x = 1\n$y = 2\n\n", bodyOf(flake));
    }

    @Test
    void modulesImportedByPathMergeInTheModuleSystemsOrder() {
        AssembledProgram p = EmbedTesting.assemble(Map.of(
                "configuration.nix", "{ imports = [ ./a.nix ]; rx.mcl.raw = [ \"$root = 1\" ]; rx.mcl.imports = [ \"fmt\" ]; }",
                "a.nix", "{ rx.mcl.raw = [ \"$a = 1\" ]; rx.mcl.imports = [ \"deploy\" ]; }"),
                "configuration.nix");
        assertEquals("$a = 1\n\n$root = 1\n\n", EmbedTesting.body(p));
        assertTrue(p.text().contains("import \"deploy\"\nimport \"fmt\"\n"), p.text());
        assertEquals("rx-duplicate-import", p.problems().get(0).diagnostic().code());
    }

    @Test
    void markedStringsAreProgramsOfTheirOwn() {
        List<FragmentSite> sites = EmbedTesting.sites("{ a = /* mcl */ ''$x = 1''; b = # mcl\n \"$y = 2\"; c = /* sh */ ''ls''; }");
        assertEquals(2, sites.size());
        assertTrue(sites.stream().allMatch(s -> s.role() == FragmentRole.MARKED));
    }

    @Test
    void computedValuesAreHolesAndMakeTheProgramIncomplete() {
        AssembledProgram p = EmbedTesting.assemble("{ lib, ... }: { rx.mcl.raw = [ (lib.concatStrings [ \"a\" ]) ]; rx.mcl.vars.v = toString 1; }");
        assertEquals("$v = ${toString 1}\n\n${lib.concatStrings [ \"a\" ]}\n\n", EmbedTesting.body(p));
        assertEquals(false, p.complete());
        assertEquals(2, p.holes().size());
        assertTrue(p.analysisText().contains("$v = $h00000000000\n"), p.analysisText());
    }
}
