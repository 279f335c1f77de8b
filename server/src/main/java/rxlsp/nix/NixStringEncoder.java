package rxlsp.nix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;

/**
 * Turns an edit of a string's decoded value (MCL text) into an edit of the Nix file (reference §7.7):
 * the new text is escaped for the string's form and every line it starts is indented by the string's
 * minIndent.
 *
 * <p>Choices: in {@code "…"} strings a line break is written as a real line break (the MCL stays
 * readable; Nix reads it as LF) and only a CR is written {@code \r}, because Nix would turn a raw CR
 * into LF. In {@code ''…''} strings {@code ${} becomes {@code ''${}, {@code ''} becomes {@code '''}, and
 * a {@code '} that would stand before another quote becomes {@code ''\'}. A {@code $} or {@code '}
 * of the file right beside the edit is re-encoded with it, because it pairs with its neighbour.
 *
 * <p>The result is checked by decoding the edited string again: the edit is refused (empty) when it
 * touches an interpolation, changes minIndent (which would shift every line of the string), or would
 * not give exactly the edited value for any other reason.
 */
public final class NixStringEncoder {
    private NixStringEncoder() {
    }

    /** The file edit that replaces {@code valueRange} of the value of {@code s} by {@code newText}. */
    public static Optional<TextEdit> encode(DecodedString s, TextRange valueRange, String newText) {
        String value = s.value();
        if (valueRange.end() > value.length() || touchesHole(s, valueRange)) {
            return Optional.empty();
        }
        String expected = value.substring(0, valueRange.start()) + newText + value.substring(valueRange.end());
        Span span = Span.of(s, valueRange);
        String replaced = value.substring(span.valueFrom(), valueRange.start()) + newText
                + value.substring(valueRange.end(), span.valueTo());
        int a = span.sourceFrom();
        int b = span.sourceTo();
        StringSegment closing = closingLine(s);
        if (s.indented() && closing != null && span.valueTo() == value.length()) {
            // text at the end starts on the closing line (from its line start, as Nix drops those spaces);
            // whole lines go before the closing line, which keeps its indentation, and the last
            // line of other text ends at the closing quotes
            if (span.valueFrom() == value.length()) {
                a = closing.sourceStart();
            }
            b = endsLine(replaced) ? closing.sourceStart() : s.contentRange().end();
        }
        String encoded = s.indented() ? indented(s, replaced, a, b, isLineStart(value, span.valueFrom())) : quoted(s, replaced, a, b);
        TextEdit edit = new TextEdit(a, b, encoded);
        return verified(s, edit, expected) ? Optional.of(edit) : Optional.empty();
    }

    private static boolean touchesHole(DecodedString s, TextRange r) {
        for (DecodedString.Hole h : s.holes()) {
            int hs = h.value().start();
            int he = h.value().end();
            boolean inside = r.length() == 0 ? hs < r.start() && r.start() < he : r.start() < he && hs < r.end();
            if (inside) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value and file ranges actually replaced: the edit widened to whole escapes, and over verbatim
     * {@code $} and {@code '} beside it, whose meaning depends on the next character.
     */
    private record Span(int valueFrom, int valueTo, int sourceFrom, int sourceTo) {
        static Span of(DecodedString s, TextRange r) {
            int vFrom = r.start();
            int vTo = r.end();
            StringSegment first = s.valueSegment(vFrom);
            if (first != null && !first.oneToOne()) {
                vFrom = first.valueStart();
                if (r.length() == 0 && first.valueStart() < r.start()) {
                    vTo = first.valueEnd(); // an insertion inside an escape rewrites the escape
                }
            }
            StringSegment last = r.length() > 0 ? s.valueSegment(vTo - 1) : null;
            if (last != null && !last.oneToOne()) {
                vTo = last.valueEnd();
            }
            while (vFrom > 0 && pairing(s, vFrom - 1)) {
                vFrom--;
            }
            while (vTo < s.value().length() && pairing(s, vTo)) {
                vTo++;
            }
            int sFrom = s.toSource(vFrom);
            return new Span(vFrom, vTo, sFrom, vTo == vFrom ? sFrom : s.toSource(vTo));
        }

        /** A verbatim {@code $} or {@code '}: it pairs with whatever comes to stand beside it. */
        private static boolean pairing(DecodedString s, int v) {
            StringSegment seg = s.valueSegment(v);
            char c = s.value().charAt(v);
            return seg != null && seg.kind() == StringSegment.Kind.VERBATIM && (c == '$' || c == '\'');
        }
    }

    private static boolean isLineStart(String value, int v) {
        return v == 0 || value.charAt(v - 1) == '\n';
    }

    private static boolean endsLine(String text) {
        return !text.isEmpty() && text.charAt(text.length() - 1) == '\n';
    }

    /**
     * The spaces of the closing line when they produce nothing: the dropped last line, or (when no line
     * counts) its stripped indentation; null otherwise.
     */
    private static StringSegment closingLine(DecodedString s) {
        List<StringSegment> segs = s.segments();
        if (segs.isEmpty()) {
            return null;
        }
        StringSegment last = segs.getLast();
        if (last.kind() == StringSegment.Kind.DROPPED) {
            return last;
        }
        int rel = last.sourceStart() - s.contentRange().start();
        boolean lineStart = rel == 0 || s.contentSource().charAt(rel - 1) == '\n';
        return last.kind() == StringSegment.Kind.INDENT && lineStart && last.sourceEnd() == s.contentRange().end() ? last : null;
    }

    /** {@code ''…''}: escape {@code ${}, {@code ''} and risky quotes; indent each line the text starts. */
    private static String indented(DecodedString s, String text, int a, int b, boolean atLineStart) {
        String source = s.contentSource();
        int base = s.contentRange().start();
        int indent = indentation(s);
        char after = b - base < source.length() ? source.charAt(b - base) : 0;
        boolean atClose = b - base >= source.length();
        // only spaces up to the closing quotes: a last line Nix drops, so a new line needs no indentation there
        boolean closingLine = onlySpaces(source, b - base, source.length());
        StringBuilder out = new StringBuilder(text.length() + 16);
        if (atLineStart && !text.isEmpty() && text.charAt(0) != '\n') {
            out.repeat(' ', Math.max(0, indent - spacesBefore(source, a - base)));
        }
        // still on the opener's line with only spaces after the quotes: an LF here would be swallowed
        boolean atOpener = onlySpaces(source, 0, a - base)
                && s.segments().stream().noneMatch(g -> g.kind() == StringSegment.Kind.OPENER);
        int escapedSpace = s.minIndent() == Integer.MAX_VALUE ? spaceToEscape(text) : -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean last = i + 1 == text.length();
            char next = last ? after : text.charAt(i + 1);
            switch (c) {
                case ' ' -> out.append(i == escapedSpace ? "''\\ " : " ");
                case '\n' -> {
                    out.append(atOpener && onlySpaces(out, 0, out.length()) ? "''\\n" : "\n");
                    boolean blankNext = next == '\n' || (last && closingLine);
                    if (!blankNext) {
                        out.repeat(' ', indent);
                    }
                }
                case '$' -> out.append(next == '{' || (last && next == '$') ? "''$" : "$");
                case '\'' -> {
                    if (!last && next == '\'') {
                        out.append("\'\'\'");
                        i++;
                    } else if (last ? atClose || next == '\'' : next == '$' && nextOpensInterpolation(text, i + 1, after)) {
                        out.append("''\\'"); // a plain ' would merge with the quotes that follow
                    } else {
                        out.append('\'');
                    }
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean onlySpaces(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * In a string where no line counts yet (all blank), the new lines alone set minIndent, so their
     * own leading spaces would be stripped too. When every new line starts with spaces, the first of
     * them is written {@code ''\ }: an escape ends the indentation, so that line counts with the
     * indentation the encoder adds, and the spaces are kept. The index of that space, or -1.
     */
    private static int spaceToEscape(String text) {
        int candidate = -1;
        for (int start = 0; start < text.length(); start = text.indexOf('\n', start) + 1) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end < 0 ? text.length() : end);
            if (line.chars().anyMatch(ch -> ch != ' ')) { // the line counts towards minIndent
                if (line.charAt(0) != ' ') {
                    return -1;
                }
                candidate = candidate < 0 ? start : candidate;
            }
            if (end < 0) {
                break;
            }
        }
        return candidate;
    }

    /** Whether the {@code $} at {@code i} of {@code text} is written {@code ''$} (so starts with a quote). */
    private static boolean nextOpensInterpolation(String text, int i, char after) {
        char next = i + 1 < text.length() ? text.charAt(i + 1) : after;
        return next == '{' || (i + 1 == text.length() && next == '$');
    }

    /** The indentation new lines get: minIndent, or when no line counts yet the deepest line of spaces. */
    private static int indentation(DecodedString s) {
        if (s.minIndent() != Integer.MAX_VALUE) {
            return s.minIndent();
        }
        int deepest = 0;
        for (String line : s.contentSource().split("\n", -1)) {
            deepest = Math.max(deepest, line.length() - line.stripLeading().length());
        }
        return deepest;
    }

    private static int spacesBefore(String source, int i) {
        int j = i;
        while (j > 0 && source.charAt(j - 1) == ' ') {
            j--;
        }
        return i - j;
    }

    /** {@code "…"}: escape quotes, backslashes, {@code ${} and CR; line breaks stay real. */
    private static String quoted(DecodedString s, String text, int a, int b) {
        String source = s.contentSource();
        int rel = b - s.contentRange().start();
        char after = rel < source.length() ? source.charAt(rel) : 0;
        // a raw CR just before would make CR LF, which Nix reads as one line break
        boolean afterCr = a > s.contentRange().start() && source.charAt(a - s.contentRange().start() - 1) == '\r';
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : after;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append(i == 0 && afterCr ? "\\n" : "\n");
                case '$' -> out.append(next == '{' || (i + 1 == text.length() && next == '$') ? "\\$" : "$");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Decodes the edited string again: it must end where it did, keep its holes and minIndent, and hold {@code expected}. */
    private static boolean verified(DecodedString s, TextEdit edit, String expected) {
        return decodesTo(s, List.of(edit), expected);
    }

    /**
     * Whether the string, after the file edits {@code edits} (sorted, not overlapping, inside its
     * content, none touching an interpolation), reads as {@code expected} with the same indentation
     * stripped and the same interpolations: the check every encoded edit passes, for several edits of
     * one string at once.
     */
    public static boolean decodesTo(DecodedString s, List<TextEdit> edits, String expected) {
        int base = s.contentRange().start();
        String content = s.contentSource();
        StringBuilder edited = new StringBuilder(content);
        for (int i = edits.size() - 1; i >= 0; i--) {
            TextEdit e = edits.get(i);
            if (e.start() < base || e.end() > s.contentRange().end() || i > 0 && edits.get(i - 1).end() > e.start()) {
                return false;
            }
            edited.replace(e.start() - base, e.end() - base, e.newText());
        }
        List<TextRange> holes = new ArrayList<>();
        for (DecodedString.Hole h : s.holes()) {
            int shift = -base;
            for (TextEdit e : edits) {
                if (h.source().start() >= e.end()) {
                    shift += e.newText().length() - (e.end() - e.start());
                } else if (e.start() < h.source().end() && h.source().start() < e.end()) {
                    return false;
                }
            }
            holes.add(h.source().shifted(shift));
        }
        String closer = s.indented() ? "''" : "\"";
        int length = edited.length();
        DecodedString again = NixStringDecoder.decode(edited + closer, s.indented(), 0, length + closer.length(),
                true, false, HoleEnds.of(holes));
        boolean sameIndent = again.minIndent() == s.minIndent() || s.minIndent() == Integer.MAX_VALUE;
        return again.contentRange().end() == length && again.value().equals(expected)
                && again.holes().size() == holes.size() && sameIndent;
    }
}
