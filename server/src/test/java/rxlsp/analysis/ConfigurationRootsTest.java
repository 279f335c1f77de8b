package rxlsp.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import rxlsp.embed.ModuleScan;
import rxlsp.embed.ModuleScanner;
import rxlsp.nix.NixParser;

/** Which modules {@code check} assembles a configuration from. */
class ConfigurationRootsTest {
    private static final Path DIR = Path.of("/virtual/repo");

    private static ModuleScan scan(String name, String text) {
        try (NixParser parser = NixParser.forSingleParses()) {
            return ModuleScanner.scan(DIR.resolve(name), text, parser.parse(text).root());
        }
    }

    @Test
    void modulesNobodyImportsComeFirstAndModulesWithNothingForRxNixAreNoRoots() {
        ModuleScan host = scan("host.nix", "{ imports = [ ./web.nix ]; }");
        ModuleScan web = scan("web.nix", "{ rx.mcl.raw = ''\n  print \"hi\" {}\n''; }");
        ModuleScan plain = scan("plain.nix", "{ pkgs, ... }: { environment.systemPackages = [ pkgs.git ]; }");
        ModuleScan lone = scan("lone.nix", "{ rx.mcl.vars.x = \"1\"; }");
        assertEquals(true, plain.isInert());
        List<ModuleScan> roots = ConfigurationChecker.roots(List.of(web, plain, lone, host, host));
        // unimported ones by path, then those only reached through imports; each file once; no inert module
        assertEquals(List.of(DIR.resolve("host.nix"), DIR.resolve("lone.nix"), DIR.resolve("web.nix")),
                roots.stream().map(ModuleScan::file).toList());
    }
}
