package rxlsp.features;

import java.util.List;
import java.util.Optional;
import rxlsp.analysis.DocumentModel;
import rxlsp.analysis.MclUnit;
import rxlsp.embed.FileEdit;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;

/**
 * Edits of MCL where it is written: a range of a document that holds MCL text replaced by other MCL
 * text, written for the Nix string it is in (escapes, indentation) through the program's map. Empty
 * when the range is not MCL or no exact edit exists (it would touch a Nix {@code ${…}}).
 */
final class MclEdits {
    private MclEdits() {
    }

    static Optional<TextEdit> replace(DocumentModel doc, TextRange range, String mcl) {
        for (MclUnit unit : doc.units()) {
            List<Integer> start = unit.map().toProgram(doc.path(), range.start());
            List<Integer> end = unit.map().toProgram(doc.path(), range.end());
            if (start.isEmpty() || end.isEmpty()) {
                continue;
            }
            for (int s : start) {
                for (int e : end) {
                    if (s <= e) {
                        Optional<FileEdit> edit = unit.map().toSource(new TextEdit(s, e, mcl));
                        if (edit.isPresent() && edit.get().file().equals(doc.path())) {
                            return Optional.of(edit.get().edit());
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The unit and program offset a document offset is written at. */
    static Optional<Located> locate(DocumentModel doc, int offset) {
        for (MclUnit unit : doc.units()) {
            List<Integer> at = unit.map().toProgram(doc.path(), offset);
            if (!at.isEmpty()) {
                return Optional.of(new Located(unit, at.get(0)));
            }
        }
        return Optional.empty();
    }

    /** A program offset of a unit. */
    record Located(MclUnit unit, int offset) {
    }
}
