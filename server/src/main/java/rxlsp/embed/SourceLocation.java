package rxlsp.embed;

import java.nio.file.Path;
import rxlsp.text.TextRange;

/** A range in a file (offsets in UTF-16 code units of the file's text). */
public record SourceLocation(Path file, TextRange range) {
}
