package rxlsp.embed;

import java.nio.file.Path;
import java.util.List;
import rxlsp.text.TextRange;

/**
 * The MCL text of one site as Nix evaluates it, with the way back to the file.
 *
 * @param file   the file the characters are written in: the Nix file, or the {@code .mcl} file read
 * @param value  the text; a Nix interpolation appears as its own source text {@code ${…}}
 * @param holes  where Nix interpolations sit in {@code value}: unknown until Nix evaluates them
 * @param map    offsets of {@code value} to offsets of {@code file}
 */
public record FragmentText(FragmentSite site, Path file, String value, List<TextRange> holes, OffsetMap map) {
    public FragmentText {
        holes = List.copyOf(holes);
    }
}
