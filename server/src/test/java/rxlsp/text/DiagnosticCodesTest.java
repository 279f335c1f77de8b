package rxlsp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rxlsp.testing.ProjectPaths;

/** The code table (SARIF rules, configuration keys) lists exactly the codes the sources report. */
class DiagnosticCodesTest {
    private static final Pattern CODE = Pattern.compile("\"((?:nix|mcl|rx)-[a-z0-9-]+|binary-file|invalid-utf8)\"");

    /** Literals that look like codes: thread and file names (rx-lsp…), a configuration key, a README anchor. */
    private static final Set<String> NOT_CODES = Set.of("nix-version", "mcl-inside-nix-rxnix");

    @Test
    void theTableMatchesTheCodesInTheSources() throws IOException {
        Set<String> inSources = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ProjectPaths.root().resolve("server/src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).startsWith("rx-lsp") && !NOT_CODES.contains(m.group(1))) {
                        inSources.add(m.group(1));
                    }
                }
            }
        }
        Set<String> inTable = new TreeSet<>();
        DiagnosticCodes.all().forEach(c -> inTable.add(c.code()));
        assertEquals(inSources, inTable);
    }
}
