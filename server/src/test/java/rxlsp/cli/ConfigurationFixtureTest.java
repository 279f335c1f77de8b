package rxlsp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import rxlsp.fixtures.Fixtures;
import rxlsp.testing.ProjectPaths;

/**
 * The rx.nix fixtures: each folder of {@code test-fixtures/rx} is one configuration rooted at its
 * {@code configuration.nix}. {@code main.mcl.expected} is what {@code rx-lsp render} must print, byte
 * for byte; every file with a {@code FILE.expected} must get exactly those diagnostics from
 * {@code rx-lsp check FOLDER} (one per line, {@code line:col: severity: message [code]}), and every
 * other file none; {@code notes.expected} holds the notes {@code check} prints (the mgmt dialect it
 * chose), and {@code check.args} extra options for {@code check} ({@code --mgmt-version 1.1}).
 */
class ConfigurationFixtureTest {
    private static Path root() {
        return ProjectPaths.fixtures().resolve("rx");
    }

    @TestFactory
    Stream<DynamicTest> everyConfigurationRendersAndChecksAsExpected() throws IOException {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream().flatMap(dir -> Stream.of(
                    DynamicTest.dynamicTest(dir.getFileName() + " render", () -> render(dir)),
                    DynamicTest.dynamicTest(dir.getFileName() + " check", () -> check(dir))));
        }
    }

    private static void render(Path dir) throws IOException {
        Path expected = dir.resolve("main.mcl.expected");
        if (!Files.exists(expected)) {
            return;
        }
        CliRun r = CliRun.of("render", dir.resolve("configuration.nix").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), r.out(), "render of " + dir);
    }

    private static void check(Path dir) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("check"));
        Path extra = dir.resolve("check.args");
        if (Files.exists(extra)) {
            args.addAll(List.of(Files.readString(extra, StandardCharsets.UTF_8).strip().split("\\s+")));
        }
        args.add(dir.toString());
        CliRun r = CliRun.of(args.toArray(String[]::new));
        Map<String, String> actual = new TreeMap<>();
        Path notes = dir.resolve("notes.expected");
        List<String> noteLines = r.out().lines().filter(l -> l.contains(": note: "))
                .map(l -> l.substring(l.indexOf(dir.getFileName().toString()))).toList();
        assertEquals(Files.exists(notes) ? Files.readString(notes, StandardCharsets.UTF_8).strip() : "",
                String.join("\n", noteLines), "notes of " + dir);
        for (String line : r.out().split("\n")) {
            if (line.contains(": note: ")) {
                continue;
            }
            int colon = line.indexOf(".nix:") >= 0 ? line.indexOf(".nix:") + 4 : line.indexOf(".mcl:") + 4;
            if (colon > 3) {
                String file = Path.of(line.substring(0, colon)).toString();
                actual.merge(file, line.substring(colon + 1), (a, b) -> a + "\n" + b);
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".nix") || p.toString().endsWith(".mcl")).sorted().toList();
        }
        for (Path f : files) {
            Path exp = Fixtures.expectationOf(f);
            String want = Files.exists(exp) ? Files.readString(exp, StandardCharsets.UTF_8).strip() : "";
            assertEquals(want, actual.getOrDefault(f.toString(), ""), "diagnostics of " + f);
        }
        assertEquals(files.stream().map(Path::toString).filter(actual::containsKey).collect(Collectors.toSet()),
                actual.keySet(), "diagnostics only for files of the fixture");
    }


}
