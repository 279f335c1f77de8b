package rxlsp.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import rxlsp.text.TextEdit;

/**
 * Round trips between the assembled program and the Nix module, over generated modules: MCL text
 * with random indentation, escapes, tabs, quotes, {@code $} runs, CRLF and characters outside the
 * BMP, written into {@code ''…''} raw blocks and {@code "…"} var values the way a person would
 * (escaping only what Nix needs). The generator knows the MCL each string must yield.
 */
class SourceMapPropertyTest {
    private static final int CASES = 400;
    private static final String[] PIECES = {"a", "b", "z", " ", "\"", "{", "}", "$", "$$", "'", "é", "😀", "\t", "x = 1", "${v}", "''", "\\n"};

    /** A generated module and the MCL text each of its fragments must yield, in program order. */
    record Generated(String nix, List<String> rawValues, List<String> varValues, boolean crlf) {
    }

    @Test
    void everyCopiedCharacterMapsToItsNixSourceAndBack() {
        Random random = new Random(20261126);
        int checkedOffsets = 0;
        for (int c = 0; c < CASES; c++) {
            Generated g = generate(random);
            AssembledProgram p = EmbedTesting.assemble(g.nix());
            // with CRLF, '' strings keep their CRs and lose indentation stripping: the text differs
            for (String raw : g.crlf() ? List.<String>of() : g.rawValues()) {
                assertTrue(p.text().contains(raw), () -> "raw block " + raw.replace("\n", "⏎") + " missing from\n" + p.text() + "\nNix:\n" + g.nix());
            }
            for (SourceMap.Piece piece : p.map().pieces()) {
                if (!piece.isCopy()) {
                    continue;
                }
                for (int o = piece.start(); o < piece.end(); o++) {
                    int src = p.map().toSource(new rxlsp.text.TextRange(o, o)).orElseThrow().range().start();
                    char produced = p.text().charAt(o);
                    char written = g.nix().charAt(src);
                    if (written == produced) {
                        int offset = o;
                        assertTrue(p.map().toProgram(piece.fragment().file(), src).contains(offset),
                                () -> "offset " + offset + " → " + src + " does not map back\n" + g.nix());
                        checkedOffsets++;
                    } else {
                        // a character an escape produces maps to the escape's first character
                        assertTrue(written == '\'' || written == '\\' || written == '\r',
                                "offset " + o + " (" + produced + ") maps to `" + written + "` at " + src + " in\n" + g.nix());
                    }
                }
            }
        }
        assertTrue(checkedOffsets > 10_000, "too few offsets checked: " + checkedOffsets);
    }

    @Test
    void editsOfTheProgramWriteBackIntoTheNixStrings() {
        Random random = new Random(42);
        int applied = 0;
        for (int c = 0; c < CASES; c++) {
            Generated g = generate(random);
            AssembledProgram p = EmbedTesting.assemble(g.nix());
            List<SourceMap.Piece> copies = p.map().pieces().stream().filter(SourceMap.Piece::isCopy).toList();
            if (copies.isEmpty()) {
                continue;
            }
            SourceMap.Piece piece = copies.get(random.nextInt(copies.size()));
            int start = piece.start() + random.nextInt(piece.end() - piece.start() + 1);
            int end = Math.min(piece.end(), start + random.nextInt(3));
            String inserted = PIECES[random.nextInt(PIECES.length)];
            TextEdit edit = new TextEdit(start, end, inserted);
            Optional<rxlsp.embed.FileEdit> back = p.map().toSource(edit);
            if (back.isEmpty()) {
                continue; // refused: it would touch a hole or change the stripped indentation
            }
            String editedNix = back.get().edit().applyTo(g.nix());
            AssembledProgram again = EmbedTesting.assemble(editedNix);
            // compared per fragment: rx.nix's own newlines after a raw block depend on how it ends
            int index = p.fragments().indexOf(piece.fragment());
            int local = piece.fragmentStart() - piece.start();
            String expected = new TextEdit(start + local, end + local, inserted).applyTo(piece.fragment().value());
            assertEquals(expected, again.fragments().get(index).value(), () -> "edit " + edit + " written back as "
                    + back.get().edit() + " into\n" + g.nix());
            applied++;
        }
        assertTrue(applied > CASES / 2, "too few edits could be written back: " + applied);
    }

    private static Generated generate(Random r) {
        StringBuilder nix = new StringBuilder("{ ... }:\n{\n");
        List<String> raws = new ArrayList<>();
        List<String> vars = new ArrayList<>();
        int blocks = 1 + r.nextInt(3);
        nix.append("  rx.mcl.raw = [\n");
        for (int b = 0; b < blocks; b++) {
            String indent = " ".repeat(2 + r.nextInt(6));
            StringBuilder value = new StringBuilder();
            nix.append("    ''\n");
            int lines = 1 + r.nextInt(5);
            for (int l = 0; l < lines; l++) {
                StringBuilder line = new StringBuilder();
                int pieces = r.nextInt(6);
                for (int i = 0; i < pieces; i++) {
                    line.append(PIECES[r.nextInt(PIECES.length)]);
                }
                String mcl = line.toString();
                if (mcl.isEmpty() || Character.isWhitespace(mcl.charAt(0))) {
                    mcl = "x" + mcl; // leading blanks would take part in the indentation Nix strips
                }
                // more indentation than the block's first line keeps its excess
                String extra = l > 0 && r.nextInt(4) == 0 ? "  " : "";
                value.append(extra).append(mcl).append('\n');
                nix.append(indent).append(extra).append(rxlsp.testing.NixLiterals.indentedLine(mcl, r)).append('\n');
            }
            nix.append(" ".repeat(indent.length() - 2)).append("''\n");
            raws.add(value.toString());
        }
        nix.append("  ];\n");
        int varCount = r.nextInt(3);
        for (int v = 0; v < varCount; v++) {
            String mcl = "\"" + PIECES[r.nextInt(PIECES.length)] + "\\n" + PIECES[r.nextInt(PIECES.length)] + "\"";
            nix.append("  rx.mcl.vars.v").append(v).append(" = \"").append(rxlsp.testing.NixLiterals.quoted(mcl)).append("\";\n");
            vars.add(mcl);
        }
        nix.append("}\n");
        String text = nix.toString();
        boolean crlf = r.nextInt(8) == 0;
        return new Generated(crlf ? text.replace("\n", "\r\n") : text, raws, vars, crlf);
    }
}
