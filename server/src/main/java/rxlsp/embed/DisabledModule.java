package rxlsp.embed;

import java.nio.file.Path;
import rxlsp.text.TextRange;

/**
 * A path literal in a module's {@code disabledModules}: the module system leaves out the module
 * imported under that path (and what only it imports). Strings there name NixOS's own modules,
 * which are no part of a configuration's files.
 */
public record DisabledModule(int unit, Path target, TextRange range) {
}
