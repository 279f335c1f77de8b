package rxlsp.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.embed.DiskFiles;
import rxlsp.embed.SourceFiles;

class RenderedProgramTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private Optional<RenderedProgram.Rendered> render(Path file, Map<Path, String> buffers) {
        DiskFiles disk = new DiskFiles();
        SourceFiles files = path -> buffers.containsKey(path) ? Optional.of(buffers.get(path)) : disk.read(path);
        return new RenderedProgram(files, () -> List.of(dir), () -> List.copyOf(buffers.keySet())).of(file);
    }

    @Test
    void aMclFileReadByAConfigurationRendersThatConfigurationFromItsRoot() throws IOException {
        write("hosts/main/configuration.nix", "{ ... }: { imports = [ ../../modules/web.nix ]; }\n");
        write("modules/web.nix", "{ lib, ... }: { rx.mcl.raw = [ (lib.fileContents ./web.mcl) ]; }\n");
        Path mcl = write("modules/web.mcl", "print \"p\" {\n\tmsg => \"ünïcode\",\n}\n");
        // in web.mcl's own folder only the module that reads it: its configuration is that module's
        Optional<RenderedProgram.Rendered> r = render(mcl, Map.of());
        assertEquals(dir.resolve("modules/web.nix"), r.orElseThrow().root());
        // the configuration that imports it is two folders above: the search goes up to the workspace folder

        write("configuration.nix", "{ ... }: { imports = [ ./hosts/main/configuration.nix ]; }\n");
        r = render(mcl, Map.of());
        assertEquals(dir.resolve("configuration.nix"), r.orElseThrow().root());
        assertEquals("# Generated MCL for host \"main\"\n\nimport \"deploy\"\n\nprint \"p\" {\n\tmsg => \"ünïcode\",\n}\n\n",
                r.get().text());
    }

    @Test
    void unsavedBuffersWinOverTheDisk() throws IOException {
        Path cfg = write("configuration.nix", "{ ... }: { rx.mcl.vars.a = \"1\"; }\n");
        assertEquals("# Generated MCL for host \"main\"\n\nimport \"deploy\"\n\n$a = 1\n\n", render(cfg, Map.of()).orElseThrow().text());
        String edited = "{ ... }: { rx.mcl.vars.a = \"2\";\r\n rx.mcl.imports = [ \"fmt\" ]; }\r\n";
        assertEquals("# Generated MCL for host \"main\"\n\nimport \"deploy\"\nimport \"fmt\"\n\n$a = 2\n\n",
                render(cfg, Map.of(cfg, edited)).orElseThrow().text());
    }

    @Test
    void filesOutsideAnyConfigurationHaveNoProgram() throws IOException {
        assertTrue(render(write("plain.nix", "{ pkgs, ... }: { environment.systemPackages = [ pkgs.hello ]; }\n"), Map.of()).isEmpty());
        assertTrue(render(write("alone.mcl", "$x = 1\n"), Map.of()).isEmpty());
        assertTrue(render(dir.resolve("missing.nix"), Map.of()).isEmpty());
        assertTrue(render(write("broken.nix", "{ rx.mcl.raw = [ ''\n"), Map.of()).isEmpty());
    }
}
