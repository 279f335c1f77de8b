package rxlsp.embed;

import java.nio.file.Path;
import rxlsp.text.TextEdit;

/** An edit of one file, in offsets of that file's text. */
public record FileEdit(Path file, TextEdit edit) {
}
