package rxlsp.embed;

import java.nio.file.Path;
import rxlsp.text.TextRange;

/** A path literal in a module's {@code imports} list; a directory means its {@code default.nix}. */
public record ModuleImport(Path target, TextRange range) {
}
