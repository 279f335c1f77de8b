package rxlsp.workspace;

import java.util.ArrayList;
import java.util.List;
import rxlsp.text.LineIndex;
import rxlsp.text.TextEdit;

/**
 * A document the editor has open: its text and version as the editor sent them, plus the edits not
 * yet handed to analysis, so analysis can reparse incrementally. Thread-safe: the protocol thread
 * applies changes while analysis threads take snapshots.
 */
public final class OpenDocument {
    private final String uri;
    private final FileKind kind;
    private String text;
    private int version;
    private LineIndex lines;
    private List<TextEdit> pendingEdits;
    /** False after a change that could not be applied: the editor's text is then unknown. */
    private boolean inStep = true;

    OpenDocument(String uri, FileKind kind, int version, String text) {
        this.uri = uri;
        this.kind = kind;
        this.version = version;
        this.text = text;
        this.pendingEdits = null;
    }

    public String uri() {
        return uri;
    }

    public FileKind kind() {
        return kind;
    }

    public synchronized int version() {
        return version;
    }

    public synchronized String text() {
        return text;
    }

    /** The line index of the current text, for converting editor positions. */
    public synchronized LineIndex lines() {
        if (lines == null) {
            lines = LineIndex.of(text);
        }
        return lines;
    }

    /**
     * Takes the line index analysis computed for {@code analysed}, when that is still the current text
     * (the same string), so that the next edit need not index the text again.
     */
    public synchronized void adoptLines(String analysed, LineIndex analysedLines) {
        if (lines == null && analysed == text) {
            lines = analysedLines;
        }
    }

    /** Applies one edit (offsets in the current text). */
    public synchronized void apply(TextEdit edit, int newVersion) {
        int start = Math.min(edit.start(), text.length());
        int end = Math.min(Math.max(edit.end(), start), text.length());
        TextEdit clamped = new TextEdit(start, end, edit.newText());
        text = clamped.applyTo(text);
        if (pendingEdits != null) {
            pendingEdits.add(clamped);
        }
        version = newVersion;
        // the next change's positions need the new index: moved line starts, not a scan of the text
        lines = lines == null ? null : lines.edited(clamped, text);
    }

    /** Whether the text is the editor's: no change since the last whole text was lost. */
    public synchronized boolean inStep() {
        return inStep;
    }

    /**
     * Records that a change could not be applied, so the text is no longer the editor's; returns
     * whether the document was in step until now. Only the whole text ({@link #replace}) ends that.
     */
    public synchronized boolean markOutOfStep() {
        boolean was = inStep;
        inStep = false;
        pendingEdits = null; // the next text, when it comes, is parsed afresh
        return was;
    }

    /** Replaces the whole text (a full-sync change, or the text sent on save): the document is in step again. */
    public synchronized void replace(String newText, int newVersion) {
        inStep = true;
        text = newText;
        version = newVersion;
        lines = null;
        pendingEdits = null;
    }

    /**
     * The current state plus the edits since the previous snapshot; from then on edits are recorded
     * against this snapshot's text.
     */
    public synchronized DocumentSnapshot takeSnapshot() {
        List<TextEdit> edits = pendingEdits;
        pendingEdits = new ArrayList<>();
        return new DocumentSnapshot(uri, kind, version, text, edits == null ? null : List.copyOf(edits));
    }
}
