package rxlsp.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import rxlsp.text.TextEdit;

class OpenDocumentTest {
    @Test
    void snapshotsCarryTheEditsSinceThePreviousSnapshot() {
        Workspace ws = new Workspace();
        OpenDocument doc = ws.open("file:///a.nix", FileKind.NIX, 1, "{ a = 1; }");
        DocumentSnapshot first = doc.takeSnapshot();
        assertNull(first.edits(), "the first snapshot has no history: parse in full");
        doc.apply(new TextEdit(6, 7, "2"), 2);
        doc.apply(new TextEdit(8, 8, " b = 3;"), 3);
        DocumentSnapshot second = doc.takeSnapshot();
        assertEquals(3, second.version());
        assertEquals("{ a = 2; b = 3; }", second.text());
        assertEquals(List.of(new TextEdit(6, 7, "2"), new TextEdit(8, 8, " b = 3;")), second.edits());
        assertEquals(first.text(), TextEdit.applyAll(first.text(), List.of()));
        assertEquals(second.text(), TextEdit.applyAll(first.text(), second.edits()));
        assertEquals(List.of(), doc.takeSnapshot().edits());
    }

    @Test
    void aFullReplacementDropsTheHistoryAndEditsClampToTheText() {
        OpenDocument doc = new Workspace().open("file:///a.nix", FileKind.NIX, 1, "abc");
        doc.takeSnapshot();
        doc.replace("xyz", 2);
        assertNull(doc.takeSnapshot().edits());
        doc.apply(new TextEdit(2, 99, "!"), 3);
        assertEquals("xy!", doc.text());
    }

    @Test
    void theLineIndexOfAnAnalysedTextIsReusedOnlyWhileThatTextIsCurrent() {
        OpenDocument doc = new Workspace().open("file:///a.nix", FileKind.NIX, 1, "a\nb");
        DocumentSnapshot snapshot = doc.takeSnapshot();
        rxlsp.text.LineIndex analysed = rxlsp.text.LineIndex.of(snapshot.text());
        doc.adoptLines(snapshot.text(), analysed);
        org.junit.jupiter.api.Assertions.assertSame(analysed, doc.lines());
        doc.apply(new TextEdit(0, 0, "\n"), 2);
        doc.adoptLines(snapshot.text(), analysed); // analysis of the older text finished late
        org.junit.jupiter.api.Assertions.assertNotSame(analysed, doc.lines());
        assertEquals(3, doc.lines().lineCount());
        // edits move the index along: it stays the index of the current text
        doc.apply(new TextEdit(1, 2, "\r"), 3);
        doc.apply(new TextEdit(2, 2, "\nc\r\n"), 4);
        rxlsp.text.LineIndex fresh = rxlsp.text.LineIndex.of(doc.text());
        assertEquals(fresh.lineCount(), doc.lines().lineCount());
        for (int line = 0; line < fresh.lineCount(); line++) {
            assertEquals(fresh.lineStart(line), doc.lines().lineStart(line));
        }
    }

    @Test
    void editorTextWinsOverDisk() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("rx", ".nix");
        java.nio.file.Files.writeString(file, "on disk");
        Workspace ws = new Workspace();
        String uri = file.toUri().toString();
        assertEquals("on disk", ws.read(uri).orElseThrow());
        ws.open(uri, FileKind.NIX, 1, "in editor");
        assertEquals("in editor", ws.read(uri).orElseThrow());
        ws.close(uri);
        assertEquals("on disk", ws.read(uri).orElseThrow());
        java.nio.file.Files.delete(file);
    }
}
