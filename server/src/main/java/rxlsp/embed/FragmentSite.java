package rxlsp.embed;

import java.nio.file.Path;
import java.util.List;
import rxlsp.nix.SyntaxNode;
import rxlsp.text.TextRange;

/**
 * One place in a Nix file that yields MCL text (or, for {@link FragmentRole#IMPORT}, a module name).
 *
 * @param role        how rx.nix uses the text
 * @param name        the variable name for {@link FragmentRole#VAR}, else null
 * @param nameRange   where that name is written in the Nix file, else null
 * @param string      the Nix string node holding the text, or null when it comes from a file or is unknown
 * @param readFile    the file named by {@code builtins.readFile ./x.mcl} / {@code lib.fileContents}, else null
 * @param dropFinalNewline true for {@code lib.fileContents}, which removes one trailing line feed
 * @param expression  the whole Nix expression that yields the text (for messages and for unknown values)
 * @param unit        the module of the file it is written in (see {@link InlineModule})
 * @param levels      its merge levels: the option's definition, then the element's (empty for
 *                    {@link FragmentRole#MARKED})
 */
public record FragmentSite(FragmentRole role, String name, TextRange nameRange, SyntaxNode string, Path readFile,
                           boolean dropFinalNewline, SyntaxNode expression, int unit, List<MergeLevel> levels) {
    public FragmentSite {
        levels = List.copyOf(levels);
    }

    /** True when the text cannot be known without evaluating Nix (a function call, an unknown variable, …). */
    public boolean isOpaque() {
        return string == null && readFile == null;
    }
}
