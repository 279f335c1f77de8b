package rxlsp.embed;

import java.nio.file.Path;
import rxlsp.text.Diagnostic;

/** A diagnostic about a file other than the one being analysed, or about one of several files. */
public record FileDiagnostic(Path file, Diagnostic diagnostic) {
}
