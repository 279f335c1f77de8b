package rxlsp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import rxlsp.testing.ProjectPaths;

/**
 * The code table (SARIF rules, configuration keys) lists exactly the codes the sources report; each code is
 * spelt once, as a constant of {@link DiagnosticCodes}, and each constant is used by a check.
 */
class DiagnosticCodesTest {
    private static final Pattern CODE = Pattern.compile("\"((?:nix|mcl|rx)-[a-z0-9-]+|binary-file|invalid-utf8)\"");
    private static final Pattern CONSTANT_USE = Pattern.compile("DiagnosticCodes\\.([A-Z0-9_]+)");

    /** Literals that look like codes: thread and file names (rx-lsp…), a configuration key, a README anchor. */
    private static final Set<String> NOT_CODES = Set.of("nix-version", "mcl-inside-nix-rxnix");

    @Test
    void theConstantsAreTheTableAndNoOtherSourceSpellsACode() throws IOException {
        Set<String> constants = new TreeSet<>();
        for (Field f : DiagnosticCodes.class.getFields()) {
            if (f.getType() == String.class && Modifier.isStatic(f.getModifiers())) {
                constants.add(f.getName());
            }
        }
        Set<String> inTable = new TreeSet<>();
        Set<String> tableConstants = new TreeSet<>();
        DiagnosticCodes.all().forEach(c -> {
            inTable.add(c.code());
            tableConstants.add(c.code().toUpperCase(Locale.ROOT).replace('-', '_'));
        });
        assertEquals(tableConstants, constants, "one constant per code of diagnostic-codes.tsv");

        Set<String> used = new TreeSet<>();
        Set<String> literalsElsewhere = new TreeSet<>();
        Path self = ProjectPaths.root().resolve("server/src/main/java/rxlsp/text/DiagnosticCodes.java");
        try (Stream<Path> files = Files.walk(ProjectPaths.root().resolve("server/src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.equals(self)).toList()) {
                String text = Files.readString(f);
                Matcher m = CODE.matcher(text);
                while (m.find()) {
                    if (!m.group(1).startsWith("rx-lsp") && !NOT_CODES.contains(m.group(1))) {
                        literalsElsewhere.add(f.getFileName() + ": " + m.group(1));
                    }
                }
                Matcher u = CONSTANT_USE.matcher(text);
                while (u.find()) {
                    used.add(u.group(1));
                }
            }
        }
        assertEquals(Set.of(), literalsElsewhere, "codes spelt outside DiagnosticCodes");
        Set<String> unused = new TreeSet<>(constants);
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "codes in the table that no check reports");
    }
}
