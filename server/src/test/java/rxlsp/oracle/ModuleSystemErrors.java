package rxlsp.oracle;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nix's messages for the errors the module system throws on definitions (as opposed to evaluation
 * errors outside it, such as an attribute a configuration reads from a NixOS option rx.nix's tests do
 * not declare), and the class and option they name.
 */
final class ModuleSystemErrors {
    enum Kind { NO_SUCH_OPTION, WRONG_TYPE, CONFLICT }

    record Error(Kind kind, String option) {
    }

    private static final Pattern NO_SUCH = Pattern.compile("The option `([^']*)' does not exist");
    private static final Pattern WRONG_TYPE = Pattern.compile("A definition for option `([^']*)' is not of type");
    private static final Pattern CONFLICT = Pattern.compile("The option `([^'`]*)['`] (has conflicting definition values|is defined both null and not null)");

    private ModuleSystemErrors() {
    }

    static Optional<Error> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m;
        if ((m = NO_SUCH.matcher(message)).find()) {
            return Optional.of(new Error(Kind.NO_SUCH_OPTION, m.group(1)));
        }
        if ((m = WRONG_TYPE.matcher(message)).find()) {
            return Optional.of(new Error(Kind.WRONG_TYPE, m.group(1)));
        }
        if ((m = CONFLICT.matcher(message)).find()) {
            return Optional.of(new Error(Kind.CONFLICT, m.group(1)));
        }
        return Optional.empty();
    }

    static boolean isModuleSystemError(String message) {
        return parse(message).isPresent();
    }
}
