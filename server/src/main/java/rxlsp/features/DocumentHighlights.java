package rxlsp.features;

import java.util.List;
import rxlsp.analysis.Cursor;
import rxlsp.text.TextRange;

/** The occurrences of the name at the cursor within the cursor's own document, definitions marked as written. */
public final class DocumentHighlights {
    private DocumentHighlights() {
    }

    /** @param written true for a definition, false for a read */
    public record Highlight(TextRange range, boolean written) {
    }

    public static List<Highlight> at(Cursor cursor) {
        return References.occurrences(cursor).stream()
                .filter(o -> o.location().file().equals(cursor.document().path()))
                .map(o -> new Highlight(o.location().range(), o.definition()))
                .distinct()
                .toList();
    }
}
