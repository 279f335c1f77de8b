package rxlsp.embed;

import java.nio.file.Path;
import rxlsp.text.TextRange;

/**
 * A path literal in a module's {@code imports} list (or in a {@code modules} list); a directory means
 * its {@code default.nix}.
 *
 * @param unit     the module of the file that imports it (see {@link InlineModule})
 * @param position its place among that module's imports, from 1
 */
public record ModuleImport(Path target, TextRange range, int unit, int position) {
}
