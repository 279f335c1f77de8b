package rxlsp.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rxlsp.embed.HolePlaceholders;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.format.MclFormatter;
import rxlsp.text.TextRange;

/**
 * Formats the MCL text of one Nix string (a raw block, a marked string, or a var value, which is one
 * expression) as the value it should have afterwards; writing that value back into the string is
 * {@link StringRewrite}'s job.
 *
 * <p>What belongs to the Nix side is kept: the blank lines before and after the MCL, and an
 * indentation every line of it shares that Nix does not strip (a string indented with tabs, or a
 * {@code "…"} string), which goes back in front of every formatted line. Nix interpolations are
 * formatted around: each is replaced by a stand-in the formatter keeps verbatim (a variable where it
 * is a value, text where it is inside an MCL string or comment, a comment line where it stands alone
 * for generated statements) and put back afterwards. A fragment with an interpolation that spans
 * lines, or that the formatter refuses (a syntax error), is left alone.
 */
final class FragmentFormatting {
    /** rx.nix writes a var as {@code $name = <value>}: the value is formatted in that place. */
    private static final String VAR_PREFIX = "$x = ";
    private static final char MARK_OPEN = '\uE000';
    private static final char MARK_CLOSE = '\uE001';

    private FragmentFormatting() {
    }

    /** The formatted value and where the interpolations are in it (same order, same text as before). */
    record Formatted(String value, List<TextRange> holes) {
    }

    /**
     * @param value      the string's value, interpolations as their source text
     * @param holes      where the interpolations are in {@code value}
     * @param expression true for a var value (one expression), false for statements
     */
    static Optional<Formatted> format(String value, List<TextRange> holes, boolean expression, Dialect dialect) {
        List<String> standIns = standIns(value, holes, expression);
        if (standIns == null) {
            return Optional.empty();
        }
        StringBuilder replaced = new StringBuilder(value);
        for (int i = holes.size() - 1; i >= 0; i--) {
            replaced.replace(holes.get(i).start(), holes.get(i).end(), standIns.get(i));
        }
        String text = replaced.toString();
        Frame frame = Frame.of(text);
        if (frame == null) {
            return Optional.empty(); // nothing but blanks
        }
        String core = frame.unindented(text);
        Optional<String> formatted = expression ? expression(core, dialect) : statements(core, dialect);
        if (formatted.isEmpty()) {
            return Optional.empty();
        }
        String result = text.substring(0, frame.start()) + frame.reindent(formatted.get()) + text.substring(frame.end());
        return restore(result, standIns, value, holes);
    }

    private static Optional<String> statements(String core, Dialect dialect) {
        if (!(MclFormatter.format(core + "\n", dialect) instanceof MclFormatter.Formatted f)) {
            return Optional.empty();
        }
        String out = f.text();
        return Optional.of(out.endsWith("\n") ? out.substring(0, out.length() - 1) : out);
    }

    private static Optional<String> expression(String core, Dialect dialect) {
        if (!(MclFormatter.format(VAR_PREFIX + core + "\n", dialect) instanceof MclFormatter.Formatted f)
                || !f.text().startsWith(VAR_PREFIX) || !f.text().endsWith("\n")) {
            return Optional.empty(); // a comment before the value, say: no exact place for it
        }
        return Optional.of(f.text().substring(VAR_PREFIX.length(), f.text().length() - 1));
    }

    /** One stand-in per interpolation, unique in the text; null when the fragment must be left alone. */
    private static List<String> standIns(String value, List<TextRange> holes, boolean expression) {
        if (holes.isEmpty()) {
            return List.of();
        }
        if (value.indexOf(MARK_OPEN) >= 0 || value.indexOf(MARK_CLOSE) >= 0) {
            return null;
        }
        String name = "rxhole";
        while (value.contains(name)) {
            name += "q";
        }
        List<HolePlaceholders.Context> contexts = HolePlaceholders.contexts(value, holes, expression);
        List<String> out = new ArrayList<>(holes.size());
        for (int i = 0; i < holes.size(); i++) {
            TextRange h = holes.get(i);
            if (value.substring(h.start(), h.end()).indexOf('\n') >= 0) {
                return null; // a stand-in on one line would move the rows the layout depends on
            }
            String mark = MARK_OPEN + Integer.toString(i) + MARK_CLOSE;
            out.add(switch (contexts.get(i)) {
                case CODE -> "$" + name + i + "z";
                case STRING, COMMENT -> mark;
                case ALONE -> "#" + mark;
            });
        }
        return out;
    }

    /** Puts the interpolations back in place of their stand-ins, each of which must be there exactly once, in order. */
    private static Optional<Formatted> restore(String text, List<String> standIns, String value, List<TextRange> holes) {
        StringBuilder out = new StringBuilder();
        List<TextRange> at = new ArrayList<>(holes.size());
        int from = 0;
        for (int i = 0; i < standIns.size(); i++) {
            String s = standIns.get(i);
            int found = text.indexOf(s, from);
            if (found < 0 || text.indexOf(s, found + 1) >= 0) {
                return Optional.empty();
            }
            out.append(text, from, found);
            TextRange h = holes.get(i);
            at.add(new TextRange(out.length(), out.length() + h.length()));
            out.append(value, h.start(), h.end());
            from = found + s.length();
        }
        out.append(text, from, text.length());
        return Optional.of(new Formatted(out.toString(), at));
    }

    /**
     * Where the MCL of a fragment is: from the start of its first line that is not blank to the end of its
     * last one, and the indentation all its non-blank lines share.
     */
    private record Frame(int start, int end, String indent) {
        static Frame of(String text) {
            int first = -1;
            int lastEnd = -1;
            String indent = null;
            int lineStart = 0;
            while (lineStart <= text.length()) {
                int nl = text.indexOf('\n', lineStart);
                int lineEnd = nl < 0 ? text.length() : nl;
                String line = text.substring(lineStart, lineEnd);
                if (!line.isBlank()) {
                    if (first < 0) {
                        first = lineStart;
                    }
                    lastEnd = lineEnd;
                    String lead = line.substring(0, line.length() - line.stripLeading().length());
                    indent = indent == null ? lead : common(indent, lead);
                }
                if (nl < 0) {
                    break;
                }
                lineStart = nl + 1;
            }
            return first < 0 ? null : new Frame(first, lastEnd, indent);
        }

        private static String common(String a, String b) {
            int n = 0;
            while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
                n++;
            }
            return a.substring(0, n);
        }

        /** The framed text with the shared indentation taken off its non-blank lines. */
        String unindented(String text) {
            String core = text.substring(start, end);
            if (indent.isEmpty()) {
                return core;
            }
            StringBuilder out = new StringBuilder(core.length());
            for (String line : core.split("\n", -1)) {
                out.append(line.isBlank() ? line : line.substring(indent.length())).append('\n');
            }
            return out.substring(0, out.length() - 1);
        }

        /** Formatted text with the shared indentation put back on its non-blank lines. */
        String reindent(String formatted) {
            if (indent.isEmpty()) {
                return formatted;
            }
            StringBuilder out = new StringBuilder(formatted.length() + 64);
            for (String line : formatted.split("\n", -1)) {
                out.append(line.isBlank() ? line : indent + line).append('\n');
            }
            return out.substring(0, out.length() - 1);
        }
    }
}
