package rxlsp.config;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;

/**
 * In-source suppression: a comment {@code # rx-lsp: ignore CODE [CODE…]} silences those codes on
 * the next line. Nix and MCL both write comments with {@code #}, and MCL inside a Nix string keeps
 * its lines, so the same comment works in {@code .nix} files, in {@code .mcl} files and in MCL
 * embedded in Nix strings.
 */
public final class Suppressions {
    static final String MARKER = "rx-lsp:";
    private static final Pattern COMMENT = Pattern.compile("#\\s*rx-lsp:\\s*ignore\\s+([A-Za-z0-9-]+(?:[\\s,]+[A-Za-z0-9-]+)*)");

    private Suppressions() {
    }

    /** Whether a comment on the line before {@code d} silences its code. */
    public static boolean suppressed(LineIndex lines, Diagnostic d) {
        int line = lines.lineOf(d.range().start());
        if (line == 0) {
            return false;
        }
        String previous = lines.text().substring(lines.lineStart(line - 1), lines.lineContentEnd(line - 1));
        return codesIn(previous).contains(d.code());
    }

    /** Whether {@code text} has any suppression comment at all (most files have none). */
    static boolean mayHaveAny(String text) {
        return text.contains(MARKER);
    }

    static Set<String> codesIn(String line) {
        Matcher m = COMMENT.matcher(line);
        if (!m.find()) {
            return Set.of();
        }
        return Arrays.stream(m.group(1).split("[\\s,]+")).collect(Collectors.toUnmodifiableSet());
    }
}
