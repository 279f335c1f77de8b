package rxlsp.embed;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;

/**
 * How an MCL program's text relates to the files it was written in: the assembled {@code main.mcl}
 * of an rx.nix configuration ({@link SourceMap}), one Nix string marked as MCL, or a {@code .mcl} file
 * (the identity). Every feature that goes from a file position to MCL and back uses one of these.
 */
public interface ProgramMap {
    /** Where a range of the program was written; empty for text no file holds (rx.nix's header). */
    Optional<SourceLocation> toSource(TextRange programRange);

    /** Every program offset written at {@code offset} of {@code file} (several when a text is copied twice). */
    List<Integer> toProgram(Path file, int offset);

    /**
     * The program text rx.nix writes itself for the Nix text at {@code offset} of {@code file} (the
     * {@code $name} of an {@code rx.mcl.vars} attribute, an import line): program ranges, maybe none.
     */
    default List<TextRange> writtenFor(Path file, int offset) {
        return List.of();
    }

    /** False where the program text at {@code programOffset} is written by rx.nix rather than copied from a file. */
    default boolean copied(int programOffset) {
        return true;
    }

    /** The file edit that changes the program text by {@code edit}; empty when no exact edit exists. */
    Optional<FileEdit> toSource(TextEdit edit);

    /** The files the program's text comes from. */
    List<Path> files();

    /** A program that is the whole text of {@code file}. */
    static ProgramMap ofFile(Path file, int length) {
        return ofFragment(file, OffsetMap.identity(length), length);
    }

    /** A program that is the text of one fragment (a marked Nix string), offsets equal to the fragment's. */
    static ProgramMap ofFragment(FragmentText fragment) {
        return ofFragment(fragment.file(), fragment.map(), fragment.value().length());
    }

    private static ProgramMap ofFragment(Path file, OffsetMap map, int length) {
        return new ProgramMap() {
            @Override
            public Optional<SourceLocation> toSource(TextRange range) {
                if (range.start() > length) {
                    return Optional.empty();
                }
                TextRange clipped = new TextRange(range.start(), Math.min(range.end(), length));
                return Optional.of(new SourceLocation(file, map.toSource(clipped)));
            }

            @Override
            public List<Integer> toProgram(Path f, int offset) {
                if (!file.equals(f)) {
                    return List.of();
                }
                OptionalInt at = map.toFragment(offset);
                return at.isPresent() ? List.of(at.getAsInt()) : List.of();
            }

            @Override
            public Optional<FileEdit> toSource(TextEdit edit) {
                return edit.end() > length ? Optional.empty()
                        : map.encode(new TextRange(edit.start(), edit.end()), edit.newText()).map(e -> new FileEdit(file, e));
            }

            @Override
            public List<Path> files() {
                return List.of(file);
            }
        };
    }
}
