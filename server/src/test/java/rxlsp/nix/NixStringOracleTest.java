package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rxlsp.testing.NixEval;
import rxlsp.testing.ProjectPaths;

/**
 * Every string literal without interpolation in the shared Nix corpus and in the fixtures decodes to
 * exactly the value Nix's evaluator gives it. The literals are evaluated in batches, as the elements
 * of one list per batch, so the whole corpus takes a few Nix calls.
 */
class NixStringOracleTest {
    private static final int BATCH = 2_000;

    private record Literal(Path file, int offset, String source, String decoded) {
    }

    @Test
    void corpusLiteralsDecodeAsNixEvaluatesThem() throws Exception {
        assertAgreement(ProjectPaths.corpus().resolve("nix"), "corpus");
    }

    @Test
    void fixtureLiteralsDecodeAsNixEvaluatesThem() throws Exception {
        assertAgreement(ProjectPaths.fixtures(), "fixtures");
    }

    private static void assertAgreement(Path dir, String what) throws Exception {
        NixEval nix = NixEval.require();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".nix") && Files.isRegularFile(p)).sorted().toList();
        }
        List<Literal> literals = new ArrayList<>();
        int broken = 0;
        try (NixParser parser = NixParser.forSingleParses()) {
            for (Path file : files) {
                // as the server reads files: UTF-8, malformed bytes replaced, so Nix sees the same text
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                for (SyntaxNode s : StringLiterals.in(parser.parse(text).root())) {
                    if (s.hasError()) {
                        broken++; // Nix rejects a literal that does not parse; the decoder's broken-input mode is unit-tested
                    } else if (!StringLiterals.hasInterpolation(s)) {
                        literals.add(new Literal(file, s.start(), s.text(text), NixStringDecoder.decode(s, text).value()));
                    }
                }
            }
        }
        List<String> disagreements = new ArrayList<>();
        for (int from = 0; from < literals.size(); from += BATCH) {
            List<Literal> batch = literals.subList(from, Math.min(literals.size(), from + BATCH));
            List<NixEval.Result> values = nix.strings(batch.stream().map(Literal::source).toList());
            for (int i = 0; i < batch.size(); i++) {
                Literal l = batch.get(i);
                NixEval.Result r = values.get(i);
                if (!r.ok()) {
                    disagreements.add(l.file() + "@" + l.offset() + ": Nix rejects the literal, unexplained: " + r.error());
                } else if (!r.value().equals(l.decoded())) {
                    disagreements.add(l.file() + "@" + l.offset() + ": Nix " + NixStringDecoderTest.show(r.value())
                            + ", decoded " + NixStringDecoderTest.show(l.decoded()));
                }
            }
        }
        System.out.printf("Nix string oracle (%s): %d files; decoded %d/%d literals agree with Nix"
                + " (%d literals with parse errors not evaluated)%n", what, files.size(),
                literals.size() - disagreements.size(), literals.size(), broken);
        assertTrue(!literals.isEmpty(), "no string literals found under " + dir);
        assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    }
}
