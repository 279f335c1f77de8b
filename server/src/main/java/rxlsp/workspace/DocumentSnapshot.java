package rxlsp.workspace;

import java.util.List;
import rxlsp.text.TextEdit;

/**
 * An open document at one version, with the edits that led from the previously taken snapshot's
 * text to this one ({@code edits} is null when that history is unknown and a full parse is needed).
 */
public record DocumentSnapshot(String uri, FileKind kind, int version, String text, List<TextEdit> edits) {
}
