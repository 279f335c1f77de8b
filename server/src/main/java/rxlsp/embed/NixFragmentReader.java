package rxlsp.embed;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import rxlsp.nix.DecodedString;
import rxlsp.nix.NixStringDecoder;
import rxlsp.nix.SyntaxNode;
import rxlsp.nix.NixStringEncoder;
import rxlsp.text.Diagnostic;
import rxlsp.text.DiagnosticCodes;
import rxlsp.text.Severity;
import rxlsp.text.TextEdit;
import rxlsp.text.TextRange;

/**
 * Reads sites: Nix strings are decoded exactly as Nix evaluates them, {@code readFile} targets are
 * read through {@link SourceFiles} (open editor buffers first, then the disk).
 */
public final class NixFragmentReader implements FragmentReader {
    private final SourceFiles files;

    public NixFragmentReader(SourceFiles files) {
        this.files = files;
    }

    @Override
    public Optional<FragmentText> read(FragmentSite site, ModuleScan module, List<FileDiagnostic> problems) {
        if (site.string() != null) {
            DecodedString d = NixStringDecoder.decode(site.string(), module.text());
            List<TextRange> holes = new ArrayList<>();
            d.holes().forEach(h -> holes.add(h.value()));
            return Optional.of(new FragmentText(site, module.file(), d.value(), holes, new DecodedMap(d)));
        }
        if (site.readFile() != null) {
            Optional<String> text = files.read(site.readFile());
            if (text.isEmpty()) {
                Optional<String> refused = files.refusal(site.readFile());
                problems.add(new FileDiagnostic(module.file(), refused.isPresent()
                        ? new Diagnostic(site.expression().range(), Severity.WARNING, "rx", "scope",
                                ConfigurationLoader.NOT_READ, "`" + shown(module.file(), site.readFile())
                                        + "` is not read: " + refused.get() + "; the MCL it holds is not checked", List.of())
                        : Diagnostic.error(site.expression().range(), "rx", "scope",
                        DiagnosticCodes.RX_MISSING_FILE, "cannot read `" + shown(module.file(), site.readFile())
                                + "`: the MCL it should hold is missing from the program")));
                return Optional.empty();
            }
            String value = text.get();
            if (site.dropFinalNewline() && value.endsWith("\n")) {
                value = value.substring(0, value.length() - 1);
            }
            return Optional.of(new FragmentText(site, site.readFile(), value, List.of(), OffsetMap.identity(value.length())));
        }
        return Optional.empty();
    }

    /** A path as the user would write it: relative when it is below the module's folder. */
    private static String shown(Path module, Path target) {
        Path dir = module.getParent();
        return dir != null && target.startsWith(dir) ? dir.relativize(target).toString() : target.toString();
    }

    @Override
    public StringValue stringValue(SyntaxNode string, ModuleScan module) {
        DecodedString d = NixStringDecoder.decode(string, module.text());
        return new StringValue(d.value(), d.holes().stream().map(DecodedString.Hole::value).toList());
    }

    /** A decoded Nix string as an offset map. */
    private record DecodedMap(DecodedString decoded) implements OffsetMap {
        @Override
        public int toSource(int offset) {
            return decoded.toSource(offset);
        }

        @Override
        public OptionalInt toFragment(int sourceOffset) {
            return decoded.toValue(sourceOffset);
        }

        @Override
        public TextRange toSource(TextRange range) {
            return decoded.toSource(range);
        }

        @Override
        public Optional<TextEdit> encode(TextRange range, String newText) {
            return NixStringEncoder.encode(decoded, range, newText);
        }
    }
}
