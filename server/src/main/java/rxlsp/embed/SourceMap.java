package rxlsp.embed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;

/**
 * Where each part of the assembled program came from. Text copied from a fragment maps character
 * by character through the fragment's {@link OffsetMap}; text rx.nix writes itself (an import line,
 * {@code $name = }, a rendered {@code rx.res} field) maps as a whole to the Nix text it was made
 * from; the rest (header, blank lines) maps to nothing.
 */
public final class SourceMap implements ProgramMap {
    /**
     * One run {@code [start, end)} of the assembled text.
     *
     * @param fragment      the fragment the run copies, or null for text rx.nix writes itself
     * @param fragmentStart the fragment-text offset of {@code start} (copied runs only)
     * @param origin        for text rx.nix writes: the file range it stands for
     */
    public record Piece(int start, int end, FragmentText fragment, int fragmentStart, SourceLocation origin) {
        boolean isCopy() {
            return fragment != null;
        }
    }

    private final List<Piece> pieces;

    SourceMap(List<Piece> pieces) {
        this.pieces = List.copyOf(pieces);
    }

    public List<Piece> pieces() {
        return pieces;
    }

    /** The piece covering assembled offset {@code offset} (a run's end belongs to it when nothing follows). */
    public Optional<Piece> pieceAt(int offset) {
        int lo = 0;
        int hi = pieces.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Piece p = pieces.get(mid);
            if (offset < p.start()) {
                hi = mid - 1;
            } else if (offset >= p.end()) {
                lo = mid + 1;
            } else {
                return Optional.of(p);
            }
        }
        // an empty range at the very end of a run still belongs to it
        if (hi >= 0 && pieces.get(hi).end() == offset) {
            return Optional.of(pieces.get(hi));
        }
        return Optional.empty();
    }

    /**
     * Where an assembled range was written. A range that starts in a copied run maps exactly, clipped
     * to that run; one in rx.nix's own text maps to the Nix text it stands for; otherwise nothing.
     */
    @Override
    public Optional<SourceLocation> toSource(TextRange range) {
        Optional<Piece> found = pieceAt(range.start());
        if (found.isEmpty()) {
            // a range that starts between runs (e.g. a missing `}` at the end) maps to the run before it
            found = lastPieceBefore(range.start());
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Piece p = found.get();
            return Optional.of(endOf(p));
        }
        Piece p = found.get();
        if (!p.isCopy()) {
            return Optional.of(p.origin());
        }
        int end = Math.min(range.end(), p.end());
        TextRange local = new TextRange(p.fragmentStart() + range.start() - p.start(), p.fragmentStart() + end - p.start());
        return Optional.of(new SourceLocation(p.fragment().file(), p.fragment().map().toSource(local)));
    }

    /**
     * The file edit that makes the program's text change by {@code edit}: only edits within one
     * copied run can be written back (text rx.nix writes itself has no single place in the Nix), and
     * only when the Nix string can hold the new text without changing anything else.
     */
    @Override
    public Optional<FileEdit> toSource(TextEdit edit) {
        Optional<Piece> found = pieceAt(edit.start());
        if (found.isEmpty() || !found.get().isCopy() || edit.end() > found.get().end()) {
            return Optional.empty();
        }
        Piece p = found.get();
        TextRange local = new TextRange(p.fragmentStart() + edit.start() - p.start(), p.fragmentStart() + edit.end() - p.start());
        return p.fragment().map().encode(local, edit.newText()).map(e -> new FileEdit(p.fragment().file(), e));
    }

    /** The last run ending at or before {@code offset} (binary search: the runs are sorted and disjoint). */
    private Optional<Piece> lastPieceBefore(int offset) {
        int lo = 0;
        int hi = pieces.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (pieces.get(mid).end() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi >= 0 ? Optional.of(pieces.get(hi)) : Optional.empty();
    }

    private static SourceLocation endOf(Piece p) {
        if (!p.isCopy()) {
            return p.origin();
        }
        int at = p.fragment().map().toSource(p.fragmentStart() + p.end() - p.start());
        return new SourceLocation(p.fragment().file(), new TextRange(at, at));
    }

    /** Every assembled offset that was written at {@code offset} of {@code file} (copied text only). */
    @Override
    public List<Integer> toProgram(Path file, int offset) {
        List<Integer> out = new ArrayList<>();
        for (Piece p : pieces) {
            if (!p.isCopy() || !p.fragment().file().equals(file)) {
                continue;
            }
            OptionalInt v = p.fragment().map().toFragment(offset);
            if (v.isPresent()) {
                int local = v.getAsInt() - p.fragmentStart();
                if (local >= 0 && local <= p.end() - p.start()) {
                    out.add(p.start() + local);
                }
            }
        }
        return out;
    }

    @Override
    public boolean copied(int programOffset) {
        return pieceAt(programOffset).map(Piece::isCopy).orElse(false);
    }

    @Override
    public List<TextRange> writtenFor(Path file, int offset) {
        List<TextRange> out = new ArrayList<>();
        for (Piece p : pieces) {
            if (!p.isCopy() && p.origin().file().equals(file) && p.origin().range().start() <= offset
                    && offset <= p.origin().range().end()) {
                out.add(new TextRange(p.start(), p.end()));
            }
        }
        return out;
    }

    @Override
    public List<Path> files() {
        java.util.LinkedHashSet<Path> out = new java.util.LinkedHashSet<>();
        for (Piece p : pieces) {
            out.add(p.isCopy() ? p.fragment().file() : p.origin().file());
        }
        return List.copyOf(out);
    }
}
