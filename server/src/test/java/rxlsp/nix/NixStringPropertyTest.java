package rxlsp.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rxlsp.testing.NixEval;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;

/**
 * Random literals in both forms, built from the pieces the rules are about (indentation, TABs, CR LF,
 * escapes, {@code $} runs, quotes, non-ASCII, surrogate pairs, interpolations), with fixed seeds:
 * values agree with Nix on a sample, the offset maps are consistent, and encoded edits round-trip.
 */
class NixStringPropertyTest {
    private static final int CASES = 1_500;
    private static final int NIX_SAMPLE = 300;

    static final String[] INDENTED_ATOMS = {"a", "b", "xy", " ", "  ", "$", "$$", "{", "}", "'", "''$", "'''",
        "''\\n", "''\\t", "''\\$", "''\\ ", "''\\'", "''\\\n", "\u00e9", "\uD83D\uDE00", "\u00a0", "\t", "\r", "\\", "\"",
        "${\"x\"}", "''\\\uD83D\uDE00"};
    static final String[] QUOTED_ATOMS = {"a", "b", " ", "  ", "$", "$$", "{", "}", "'", "''", "\\n", "\\t", "\\r",
        "\\\\", "\\\"", "\\$", "\\x", "\u00e9", "\uD83D\uDE00", "\t", "\r\n", "\r", "\n", "\\\n", "${\"x\"}",
        "\\\uD83D\uDE00"};
    static final String[] NEW_TEXTS = {"", "x", "${y}", "''", "'", "$", "\"", "\\", "\n", "a\nb", "\tz",
        "\u00e9\uD83D\uDE00", "$${", "{", "'$", "x\n", "\n\n", "  q\n", "$", "'''"};

    /** A literal as source text, with its decoded form (the literal is the whole file). */
    private record Sample(String source, DecodedString decoded) {
    }

    @Test
    void indentedLiterals() throws Exception {
        check(samples(true, 20260101L));
    }

    @Test
    void quotedLiterals() throws Exception {
        check(samples(false, 20260102L));
    }

    private static void check(List<Sample> samples) throws Exception {
        assertTrue(samples.size() >= CASES);
        List<Sample> sample = samples.subList(0, NIX_SAMPLE);
        List<NixEval.Result> nix = NixEval.require().strings(sample.stream().map(Sample::source).toList());
        for (int i = 0; i < sample.size(); i++) {
            Sample s = sample.get(i);
            assertTrue(nix.get(i).ok(), () -> "Nix rejects " + NixStringDecoderTest.show(s.source()));
            assertEquals(nix.get(i).value(), withHolesEvaluated(s.decoded()),
                    () -> "value of " + NixStringDecoderTest.show(s.source()));
        }
        for (Sample s : samples) {
            checkMaps(s.source(), s.decoded());
        }
        checkEdits(samples);
        checkBroken(samples);
    }

    /** toValue(toSource(v)) == v outside escapes, and both maps are monotonic. */
    static void checkMaps(String source, DecodedString d) {
        int previous = -1;
        for (int v = 0; v <= d.value().length(); v++) {
            int src = d.toSource(v);
            assertTrue(src >= previous, "toSource not monotonic at " + v + " in " + NixStringDecoderTest.show(source));
            previous = src;
            StringSegment seg = d.valueSegment(v);
            if (seg == null || seg.oneToOne()) {
                assertEquals(OptionalInt.of(v), d.toValue(src), "round trip at " + v + " in " + NixStringDecoderTest.show(source));
            }
        }
        int previousValue = -1;
        for (int src = d.contentRange().start(); src <= d.contentRange().end(); src++) {
            OptionalInt v = d.toValue(src);
            if (v.isPresent()) {
                assertTrue(v.getAsInt() >= previousValue, "toValue not monotonic at " + src);
                previousValue = v.getAsInt();
            }
        }
    }

    /** Cut-off literals (and what tree-sitter makes of them) decode without an exception, with consistent maps. */
    private static void checkBroken(List<Sample> samples) {
        Random random = new Random(11);
        try (NixParser parser = NixParser.forSingleParses()) {
            for (Sample s : samples) {
                String cut = "x = " + s.source().substring(0, 1 + random.nextInt(s.source().length() - 1));
                checkMaps(cut, NixStringDecoder.decodeAt(cut, 4));
                for (SyntaxNode string : StringLiterals.in(parser.parse(cut).root())) {
                    checkMaps(cut, NixStringDecoder.decode(string, cut));
                }
            }
        }
    }

    /** Random edits: each encoded edit, applied and parsed again, gives the edited value; insertions are never refused. */
    private static void checkEdits(List<Sample> samples) throws Exception {
        Random random = new Random(7);
        int applied = 0;
        int refusedHole = 0;
        int refusedReplacements = 0;
        List<String> refusedOther = new ArrayList<>();
        List<String> editedSources = new ArrayList<>();
        List<String> editedValues = new ArrayList<>();
        for (Sample s : samples) {
            DecodedString d = s.decoded();
            int len = d.value().length();
            int from = notInsidePair(d.value(), random.nextInt(len + 1));
            int to = random.nextInt(3) == 0 ? from : notInsidePair(d.value(), Math.min(len, from + random.nextInt(6)));
            String text = NEW_TEXTS[random.nextInt(NEW_TEXTS.length)];
            TextRange range = new TextRange(from, to);
            String expected = d.value().substring(0, from) + text + d.value().substring(to);
            Optional<TextEdit> edit = NixStringEncoder.encode(d, range, text);
            if (edit.isEmpty()) {
                boolean inHole = d.holes().stream().anyMatch(h -> h.value().start() < Math.max(to, from + 1) && from < h.value().end()
                        && !(from == to && from == h.value().start()));
                if (inHole) {
                    refusedHole++;
                } else if (from != to) {
                    refusedReplacements++; // may change minIndent (a deleted line was the least indented)
                } else {
                    refusedOther.add("insertion of " + NixStringDecoderTest.show(text) + " at " + from + " refused in "
                            + NixStringDecoderTest.show(s.source()));
                }
                continue;
            }
            String edited = edit.get().applyTo(s.source());
            DecodedString again;
            try (NixParser parser = NixParser.forSingleParses()) {
                List<SyntaxNode> strings = StringLiterals.in(parser.parse(edited).root());
                assertTrue(!strings.isEmpty() && strings.getFirst().range().equals(new TextRange(0, edited.length())),
                        () -> "edit breaks the literal: " + NixStringDecoderTest.show(edited));
                again = NixStringDecoder.decode(strings.getFirst(), edited);
            }
            assertEquals(expected, again.value(), "replacing " + range + " by " + NixStringDecoderTest.show(text) + " in "
                    + NixStringDecoderTest.show(s.source()) + " gave " + NixStringDecoderTest.show(edited));
            applied++;
            if (editedSources.size() < NIX_SAMPLE) {
                editedSources.add(edited);
                editedValues.add(withHolesEvaluated(again));
            }
        }
        List<NixEval.Result> nix = NixEval.require().strings(editedSources);
        for (int i = 0; i < editedSources.size(); i++) {
            int k = i;
            assertEquals(editedValues.get(i), nix.get(i).value(), () -> "Nix on " + NixStringDecoderTest.show(editedSources.get(k))
                    + (nix.get(k).ok() ? "" : ": " + nix.get(k).error()));
        }
        System.out.printf("Nix string edits: %d applied and round-tripped (%d checked by Nix), %d refused inside holes,"
                + " %d replacements refused, %d insertions refused%n", applied, editedSources.size(), refusedHole,
                refusedReplacements, refusedOther.size());
        assertTrue(refusedOther.isEmpty(), String.join("\n", refusedOther));
    }

    /** The value Nix gives: every hole in these literals is {@code ${"x"}}. */
    private static String withHolesEvaluated(DecodedString d) {
        StringBuilder out = new StringBuilder(d.value());
        for (DecodedString.Hole h : d.holes().reversed()) {
            out.replace(h.value().start(), h.value().end(), "x");
        }
        return out.toString();
    }

    /** Edits never split a surrogate pair: the text would not be valid Unicode. */
    static int notInsidePair(String s, int i) {
        return i > 0 && i < s.length() && Character.isLowSurrogate(s.charAt(i)) && Character.isHighSurrogate(s.charAt(i - 1)) ? i - 1 : i;
    }

    private static List<Sample> samples(boolean indented, long seed) {
        Random random = new Random(seed);
        List<Sample> out = new ArrayList<>();
        try (NixParser parser = NixParser.forSingleParses()) {
            while (out.size() < CASES) {
                String source = indented ? indentedLiteral(random) : quotedLiteral(random);
                List<SyntaxNode> strings = StringLiterals.in(parser.parse(source).root());
                // keep literals that Nix's rules and tree-sitter both read as one whole string
                if (strings.isEmpty() || strings.getFirst().hasError()
                        || !strings.getFirst().range().equals(new TextRange(0, source.length()))) {
                    continue;
                }
                DecodedString alone = NixStringDecoder.decodeAt(source, 0);
                int closer = indented ? 2 : 1;
                if (!alone.terminated() || alone.contentRange().end() != source.length() - closer) {
                    continue;
                }
                out.add(new Sample(source, NixStringDecoder.decode(strings.getFirst(), source)));
            }
        }
        return out;
    }

    private static String indentedLiteral(Random random) {
        StringBuilder b = new StringBuilder("''");
        if (random.nextInt(3) > 0) {
            b.append(" ".repeat(random.nextInt(2))).append(random.nextInt(8) == 0 ? "\r\n" : "\n");
        }
        int lines = 1 + random.nextInt(5);
        int base = random.nextInt(5);
        boolean crlf = random.nextInt(10) == 0;
        for (int l = 0; l < lines; l++) {
            b.append(" ".repeat(Math.max(0, base + random.nextInt(5) - 2)));
            if (random.nextInt(15) == 0) {
                b.append('\t');
            }
            int atoms = random.nextInt(6);
            for (int a = 0; a < atoms; a++) {
                b.append(INDENTED_ATOMS[random.nextInt(INDENTED_ATOMS.length)]);
            }
            b.append(crlf ? "\r\n" : "\n");
        }
        b.append(" ".repeat(random.nextInt(4)));
        if (random.nextInt(10) == 0) {
            b.append(INDENTED_ATOMS[random.nextInt(INDENTED_ATOMS.length)]);
        }
        return b.append("''").toString();
    }

    private static String quotedLiteral(Random random) {
        StringBuilder b = new StringBuilder("\"");
        int atoms = random.nextInt(12);
        for (int a = 0; a < atoms; a++) {
            b.append(QUOTED_ATOMS[random.nextInt(QUOTED_ATOMS.length)]);
        }
        return b.append('"').toString();
    }
}
