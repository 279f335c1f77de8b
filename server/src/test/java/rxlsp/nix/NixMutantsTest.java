package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rxlsp.testing.ProjectPaths;

/** The fuzzer's own parts: its tokens give back the file they came from, mutants differ, the minimiser shrinks. */
class NixMutantsTest {
    @Test
    void tokensRenderBackToTheirFile() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ProjectPaths.corpus().resolve("nix"))) {
            files = walk.filter(p -> p.toString().endsWith(".nix") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            assertEquals(text, NixMutants.render(NixMutants.tokens(text)), f.toString());
        }
        for (String odd : List.of("", "''unclosed", "\"unclosed \\", "/* open", "a#b\rc", "x //y ~/${z}")) {
            assertEquals(odd, NixMutants.render(NixMutants.tokens(odd)), odd);
        }
    }

    @Test
    void mutantsAreSeededAndChangeTheText() {
        String text = "{ a = [ 1 2 ]; b = x: x // { c = 3; }; }\n";
        NixMutants.Mutant one = NixMutants.mutate("t.nix", text, new Random(5));
        assertEquals(one, NixMutants.mutate("t.nix", text, new Random(5)));
        int changed = 0;
        Random random = new Random(9);
        for (int i = 0; i < 50; i++) {
            changed += NixMutants.mutate("t.nix", text, random).text().equals(text) ? 0 : 1;
        }
        assertNotEquals(0, changed);
    }

    @Test
    void minimiserKeepsThePropertyAndShrinks() {
        String text = "{\n  a = 1;\n  b = x //y;\n  c = [ 1 2 3 ];\n}\n";
        assertEquals("//y", Minimizer.minimise(text, t -> t.contains("//y")));
        assertEquals("x //", Minimizer.minimise(text, t -> t.contains("x //")));
    }
}
