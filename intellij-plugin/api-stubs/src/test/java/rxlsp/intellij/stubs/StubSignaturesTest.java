package rxlsp.intellij.stubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every type and member the stubs declare must be one recorded in {@code SIGNATURES.tsv}, a table of fully
 * qualified signatures read from the upstream sources at pinned commits, and every recorded row must still be
 * declared by a stub: a stub that drifts from the table, or a table row no stub needs, fails here.
 */
class StubSignaturesTest {
    private static final String LSP4IJ = "redhat-developer/lsp4ij";
    private static final String INTELLIJ = "JetBrains/intellij-community";

    @Test
    void stubsDeclareExactlyTheRecordedSignatures() throws Exception {
        Set<String> recorded = new TreeSet<>(SignatureTable.read(table()).keySet());
        Set<String> declared = new TreeSet<>(declaredSignatures());
        Set<String> unrecorded = minus(declared, recorded);
        Set<String> unused = minus(recorded, declared);
        assertTrue(unrecorded.isEmpty() && unused.isEmpty(),
                "stub signatures not in SIGNATURES.tsv:\n  " + String.join("\n  ", unrecorded)
                        + "\nSIGNATURES.tsv rows no stub declares:\n  " + String.join("\n  ", unused));
    }

    @Test
    void everyRowNamesAPinnedUpstreamFile() throws Exception {
        Map<String, SignatureTable.Source> rows = SignatureTable.read(table());
        assertFalse(rows.isEmpty());
        Set<String> lsp4ijCommits = new TreeSet<>();
        for (var row : rows.entrySet()) {
            SignatureTable.Source source = row.getValue();
            assertTrue(source.repository().equals(LSP4IJ) || source.repository().equals(INTELLIJ),
                    "unknown upstream " + source.repository() + " for " + row.getKey());
            assertTrue(source.commit().matches("[0-9a-f]{40}"), "not a full commit id: " + source.commit());
            assertTrue(source.path().endsWith(".java") || source.path().endsWith(".kt"), source.path());
            String simpleName = typeOf(row.getKey()).replaceFirst(".*[.$]", "");
            String file = source.path().replaceFirst(".*/", "").replaceFirst("\\.(java|kt)$", "");
            assertTrue(typeOf(row.getKey()).replace('$', '.').contains("." + file),
                    row.getKey() + " is read from " + source.path() + ", which does not declare " + simpleName);
            if (source.repository().equals(LSP4IJ)) {
                lsp4ijCommits.add(source.commit());
            }
        }
        assertEquals(1, lsp4ijCommits.size(), "LSP4IJ rows must all come from the one pinned commit: " + lsp4ijCommits);
    }

    /** The declaring type of a row: the last dotted name before a parameter list, or the type itself. */
    private static String typeOf(String signature) {
        String head = signature.contains("(") ? signature.substring(0, signature.indexOf('(')) : signature;
        String[] words = head.trim().split(" ");
        String name = words[words.length - 1];
        if (signature.startsWith(SignatureTable.TYPE) || signature.startsWith(SignatureTable.SUPERTYPE)) {
            return signature.split(" ")[signature.startsWith(SignatureTable.SUPERTYPE) ? 1 : words.length - 1];
        }
        boolean constructor = !name.contains(".") || Character.isUpperCase(name.charAt(name.lastIndexOf('.') + 1));
        return constructor ? name : name.substring(0, name.lastIndexOf('.'));
    }

    private static List<String> declaredSignatures() throws IOException, ClassNotFoundException, URISyntaxException {
        List<String> signatures = new ArrayList<>();
        for (Class<?> type : stubClasses()) {
            signatures.add(SignatureTable.TYPE + " " + type.toGenericString());
            if (type.getGenericSuperclass() != null && type.getGenericSuperclass() != Object.class) {
                signatures.add(supertype(type, type.getGenericSuperclass()));
            }
            for (Type parent : type.getGenericInterfaces()) {
                signatures.add(supertype(type, parent));
            }
            List<Executable> members = new ArrayList<>(List.of(type.getDeclaredConstructors()));
            members.addAll(List.of(type.getDeclaredMethods()));
            for (Executable member : members) {
                boolean visible = Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers());
                if (visible && !member.isSynthetic()) {
                    signatures.add(member instanceof Method method ? method.toGenericString()
                            : ((Constructor<?>) member).toGenericString());
                }
            }
        }
        return signatures;
    }

    private static String supertype(Class<?> type, Type parent) {
        return SignatureTable.SUPERTYPE + " " + type.getName() + " " + parent.getTypeName();
    }

    /** Every class compiled from the stub sources (this module's main output). */
    private static List<Class<?>> stubClasses() throws IOException, ClassNotFoundException, URISyntaxException {
        Path root = Path.of(com.intellij.openapi.project.Project.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceFirst("\\.class$", "");
                classes.add(Class.forName(name, false, StubSignaturesTest.class.getClassLoader()));
            }
        }
        return classes;
    }

    private static Path table() {
        return Path.of(System.getProperty("rx.projectRoot", "../.."), "intellij-plugin/api-stubs/SIGNATURES.tsv");
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** SIGNATURES.tsv: {@code signature TAB owner/repo@commit:path}; {@code #} starts a comment line. */
    static final class SignatureTable {
        static final String TYPE = "type";
        static final String SUPERTYPE = "supertype";

        record Source(String repository, String commit, String path) {
        }

        static Map<String, Source> read(Path file) throws IOException {
            Map<String, Source> rows = new TreeMap<>();
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                assertEquals(2, cells.length, "expected `signature<TAB>repo@commit:path`: " + line);
                String where = cells[1];
                int at = where.indexOf('@');
                int colon = where.indexOf(':', at);
                assertTrue(at > 0 && colon > at, "expected repo@commit:path, got " + where);
                Source previous = rows.put(cells[0], new Source(where.substring(0, at), where.substring(at + 1, colon),
                        where.substring(colon + 1)));
                assertEquals(null, previous, "row recorded twice: " + cells[0]);
            }
            return rows;
        }
    }
}
