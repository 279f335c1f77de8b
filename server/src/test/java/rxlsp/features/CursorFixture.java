package rxlsp.features;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import rxlsp.analysis.ConfigurationContext;
import rxlsp.analysis.Cursor;
import rxlsp.analysis.DocumentAnalyzer;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.Locator;
import rxlsp.embed.SourceLocation;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.text.LineColumn;
import rxlsp.text.LineIndex;
import rxlsp.text.PositionEncoding;
import rxlsp.text.TextRange;
import rxlsp.testing.ProjectPaths;
import rxlsp.workspace.DocumentSnapshot;
import rxlsp.workspace.FileKind;

/**
 * A cursor-marker fixture (in the style of nil's and rust-analyzer's tests): one or more files, each
 * after a {@code //- /PATH} line, with {@code $0} where the cursor is (exactly once) and
 * {@code ⸢…⸣} around the ranges the feature must answer; then sections {@code //- expect} (the
 * feature's answer as text), {@code //- after /PATH} (a file after the feature's edits) and
 * {@code //- diagnostics} (what the cursor's file must report, in the fixtures' line format). Lines
 * before the first section are prose. Paths are made up: the files exist only in memory, read
 * through the same {@code SourceFiles} the editor's buffers are.
 */
record CursorFixture(String folder, String name, Map<Path, String> files, Path cursorFile, int cursorOffset,
                     List<SourceLocation> marked, String expect, Map<Path, String> after, String diagnostics) {
    static final String CURSOR = "$0";
    static final char OPEN = '⸢';
    static final char CLOSE = '⸣';

    /** Every fixture of a feature's folder, {@code test-fixtures/features/FEATURE/*.fixture}, by name. */
    static List<CursorFixture> all(String feature) {
        Path dir = ProjectPaths.fixtures().resolve("features").resolve(feature);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".fixture")).sorted()
                    .map(f -> read(feature, f)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a text answer against the fixture's {@code //- expect} section; with {@code RX_BLESS=1} in
     * the environment, writes the answer there instead (as rust-analyzer's expect tests do), for the
     * developer to review in the diff. CI never sets it.
     */
    void expectText(String actual) {
        if (System.getenv("RX_BLESS") != null && !actual.equals(expect)) {
            Path file = ProjectPaths.fixtures().resolve("features").resolve(folder()).resolve(name);
            try {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                int at = source.indexOf("//- expect\n");
                int end = source.indexOf("\n//- ", at + 1);
                String rest = end < 0 ? "" : source.substring(end + 1);
                Files.writeString(file, source.substring(0, at) + "//- expect\n" + actual + "\n" + rest, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        org.junit.jupiter.api.Assertions.assertEquals(expect, actual, name);
    }

    static CursorFixture read(String folder, Path file) {
        try {
            return parse(folder, file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CursorFixture parse(String folder, String name, String source) {
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : source.split("\n", -1)) {
            if (line.startsWith("//- ")) {
                current = new StringBuilder();
                sections.put(line.substring(4).strip(), current);
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        Map<Path, String> files = new LinkedHashMap<>();
        Map<Path, String> after = new LinkedHashMap<>();
        List<SourceLocation> marked = new ArrayList<>();
        Path cursorFile = null;
        int cursor = -1;
        String expect = null;
        String diagnostics = null;
        for (var e : sections.entrySet()) {
            String key = e.getKey();
            String body = trimLastNewline(e.getValue().toString());
            if (key.equals("expect")) {
                expect = body;
            } else if (key.equals("diagnostics")) {
                diagnostics = body;
            } else if (key.startsWith("after ")) {
                after.put(Path.of(key.substring(6).strip()), body + "\n");
            } else {
                Path path = Path.of(key);
                StringBuilder text = new StringBuilder();
                List<Integer> opens = new ArrayList<>();
                for (int i = 0; i < body.length(); i++) {
                    char c = body.charAt(i);
                    if (body.startsWith(CURSOR, i)) {
                        if (cursorFile != null) {
                            throw new IllegalArgumentException(name + ": more than one " + CURSOR);
                        }
                        cursorFile = path;
                        cursor = text.length();
                        i++;
                    } else if (c == OPEN) {
                        opens.add(text.length());
                    } else if (c == CLOSE) {
                        marked.add(new SourceLocation(path, new TextRange(opens.remove(opens.size() - 1), text.length())));
                    } else {
                        text.append(c);
                    }
                }
                files.put(path, text + "\n");
            }
        }
        if (cursorFile == null) {
            throw new IllegalArgumentException(name + ": no " + CURSOR + " cursor");
        }
        return new CursorFixture(folder, name, files, cursorFile, cursor, List.copyOf(marked), expect, after, diagnostics);
    }

    /** A section without the line breaks that end it (a file gets exactly one back). */
    private static String trimLastNewline(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }

    /** The cursor file analysed as an open editor document, with the other files as its workspace. */
    DocumentModel model() {
        return model(cursorFile, files.get(cursorFile));
    }

    /** {@code file} (with {@code text}) analysed with the other fixture files around it. */
    DocumentModel model(Path file, String text) {
        Map<Path, String> all = new LinkedHashMap<>(files);
        all.put(file, text);
        List<Path> nixFiles = all.keySet().stream().filter(p -> p.toString().endsWith(".nix")).sorted().toList();
        Path root = file.getRoot().resolve(file.getName(0));
        Dialect dialect = name.contains("mgmt-1.0") ? Dialect.MGMT_1_0 : Dialect.MGMT_1_1;
        try (var context = new ConfigurationContext(p -> Optional.ofNullable(all.get(p)), () -> List.of(root), () -> nixFiles);
             var analyzer = new DocumentAnalyzer(context)) {
            FileKind kind = file.toString().endsWith(".mcl") ? FileKind.MCL : FileKind.NIX;
            return analyzer.analyze(new DocumentSnapshot(file.toUri().toString(), kind, 1, text, null), dialect,
                    Catalog.builtIn(dialect));
        }
    }

    Cursor cursor() {
        return Locator.at(model(), cursorOffset);
    }

    /** {@code file:line:col-line:col} (1-based, UTF-16 columns) of a place in one of the fixture's files. */
    String describe(SourceLocation at) {
        String text = files.get(at.file());
        if (text == null) {
            return at.file() + ":" + at.range();
        }
        LineIndex lines = LineIndex.of(text);
        LineColumn a = lines.position(at.range().start(), PositionEncoding.UTF16);
        LineColumn b = lines.position(at.range().end(), PositionEncoding.UTF16);
        return at.file() + ":" + (a.line() + 1) + ":" + (a.column() + 1) + "-" + (b.line() + 1) + ":" + (b.column() + 1);
    }
}
