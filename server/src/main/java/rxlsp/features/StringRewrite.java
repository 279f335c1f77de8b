package rxlsp.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import rxlsp.nix.DecodedString;
import rxlsp.nix.NixStringEncoder;
import rxlsp.text.LineDiff;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;

/**
 * Writes a new value into a Nix string as small file edits: the changed lines between the
 * interpolations, each escaped and indented for the string by {@link NixStringEncoder}, and the whole
 * set checked by decoding the edited string again. When the small edits cannot be written exactly
 * (an escape pairs across two of them), one edit per stretch between interpolations is tried; when
 * that fails too there is no edit.
 */
final class StringRewrite {
    private StringRewrite() {
    }

    /**
     * @param target the new value, with the same interpolations (same text, same order) at {@code holes}
     */
    static Optional<List<TextEdit>> edits(DecodedString string, String target, List<TextRange> holes) {
        String value = string.value();
        List<TextRange> old = string.holes().stream().map(DecodedString.Hole::value).toList();
        if (old.size() != holes.size()) {
            return Optional.empty();
        }
        List<TextEdit> lines = new ArrayList<>();
        List<TextEdit> stretches = new ArrayList<>();
        int oldFrom = 0;
        int newFrom = 0;
        for (int i = 0; i <= old.size(); i++) {
            int oldTo = i < old.size() ? old.get(i).start() : value.length();
            int newTo = i < holes.size() ? holes.get(i).start() : target.length();
            String a = value.substring(oldFrom, oldTo);
            String b = target.substring(newFrom, newTo);
            for (TextEdit e : LineDiff.edits(a, b)) {
                lines.add(new TextEdit(e.start() + oldFrom, e.end() + oldFrom, e.newText()));
            }
            if (!a.equals(b)) {
                stretches.add(new TextEdit(oldFrom, oldTo, b));
            }
            if (i < old.size()) {
                oldFrom = old.get(i).end();
                newFrom = holes.get(i).end();
            }
        }
        if (lines.isEmpty()) {
            return Optional.of(List.of());
        }
        return encoded(string, lines, target).or(() -> encoded(string, stretches, target));
    }

    private static Optional<List<TextEdit>> encoded(DecodedString string, List<TextEdit> valueEdits, String target) {
        List<TextEdit> file = new ArrayList<>(valueEdits.size());
        for (TextEdit e : valueEdits) {
            Optional<TextEdit> written = NixStringEncoder.encode(string, new TextRange(e.start(), e.end()), e.newText());
            if (written.isEmpty()) {
                return Optional.empty();
            }
            file.add(written.get());
        }
        file.sort(Comparator.comparingInt(TextEdit::start));
        for (int i = 1; i < file.size(); i++) {
            if (file.get(i - 1).end() > file.get(i).start() || file.get(i - 1).start() == file.get(i).start()) {
                return Optional.empty(); // widened over a shared escape: they no longer apply independently
            }
        }
        return NixStringEncoder.decodesTo(string, file, target) ? Optional.of(file) : Optional.empty();
    }
}
