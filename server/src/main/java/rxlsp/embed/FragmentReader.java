package rxlsp.embed;

import java.util.List;
import java.util.Optional;
import rxlsp.nix.SyntaxNode;

/** Turns sites into text: decodes Nix strings and reads the files {@code readFile} names. */
public interface FragmentReader {
    /**
     * The text of {@code site}, or empty when it cannot be known (an opaque expression, a file that
     * cannot be read; the reader adds a diagnostic for the latter to {@code problems}).
     */
    Optional<FragmentText> read(FragmentSite site, ModuleScan module, List<FileDiagnostic> problems);

    /** The decoded value of a string literal of {@code module}, holes printed as their source. */
    StringValue stringValue(SyntaxNode string, ModuleScan module);

    /** A decoded string and where its Nix interpolations are. */
    record StringValue(String value, List<rxlsp.text.TextRange> holes) {
    }
}
