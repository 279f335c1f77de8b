package rxlsp.mcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reading mgmt's test corpus: txtar archives, their OUTPUT lines, and the files of a folder. */
public final class MgmtCorpus {
    static final Pattern MARKER = Pattern.compile("^-- (.+) --$");
    /** An OUTPUT line of a case mgmt rejects at lex/parse time. */
    static final Pattern LEX_PARSE = Pattern.compile("^# err: errLexParse: .*");
    /** mgmt 1.0's position suffix of a parse error: {@code ` @line:col}. */
    static final Pattern OLD_BYLINE = Pattern.compile("` @(\\d+):(\\d+)\\s*$");

    private MgmtCorpus() {
    }

    /** Sections of a txtar archive (golang.org/x/tools/txtar): {@code -- name --} lines start each file. */
    public static Map<String, String> txtar(Path path) {
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder data = new StringBuilder();
        String text = read(path);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.removeLast(); // the empty remainder after the final newline
        }
        for (String line : lines) {
            Matcher marker = MARKER.matcher(line);
            if (marker.matches()) {
                if (current != null) {
                    sections.put(current, data.toString());
                }
                current = marker.group(1).trim();
                data.setLength(0);
            } else if (current != null) {
                data.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, data.toString());
        }
        return sections;
    }

    public static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
