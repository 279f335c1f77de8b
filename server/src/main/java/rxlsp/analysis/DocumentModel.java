package rxlsp.analysis;

import java.nio.file.Path;
import java.util.List;
import rxlsp.embed.ModuleScan;
import rxlsp.nix.NixNames;
import rxlsp.nix.NixSyntaxTree;
import rxlsp.text.Diagnostic;
import rxlsp.text.LineIndex;
import rxlsp.workspace.FileKind;

/**
 * Everything the analysis of one version of one open document found, kept so that the editor's
 * questions (hover, definition, completion, …) are answered from the same analysis that made the
 * diagnostics: the Nix tree and module scan, the configuration the document belongs to (with its
 * assembled program), or the document's own MCL unit. Immutable.
 *
 * @param path          the document's file (a made-up path for documents without one, see
 *                      {@code FileUris.documentPath})
 * @param nix           the Nix syntax tree; null for other documents
 * @param scan          what the Nix file contributes to rx.nix; null for other documents
 * @param configuration the configuration the document is part of; null when it is part of none
 * @param standalone    the MCL unit of a {@code .mcl} document no configuration reads; else null
 * @param diagnostics   what is published for this version, sorted by position
 * @param nixNames      Nix name resolution, made when first asked for (null for other documents)
 */
public record DocumentModel(String uri, int version, FileKind kind, Path path, String text, LineIndex lines,
                            NixSyntaxTree nix, ModuleScan scan, ConfigurationModel configuration,
                            MclUnit standalone, List<Diagnostic> diagnostics, Lazy<NixNames> nixNamesOnDemand) {
    public DocumentModel {
        diagnostics = List.copyOf(diagnostics);
    }

    public DocumentModel(String uri, int version, FileKind kind, Path path, String text, LineIndex lines,
                         NixSyntaxTree nix, ModuleScan scan, ConfigurationModel configuration,
                         MclUnit standalone, List<Diagnostic> diagnostics) {
        this(uri, version, kind, path, text, lines, nix, scan, configuration, standalone, diagnostics,
                nix == null ? null : new Lazy<>(() -> NixNames.of(nix)));
    }

    /** Nix name resolution of the document; empty resolution for documents that are not Nix. */
    public NixNames nixNames() {
        return nixNamesOnDemand == null ? NixNames.EMPTY : nixNamesOnDemand.get();
    }

    /** The MCL programs with text in this document: its own, or those of its configuration that cover it. */
    public List<MclUnit> units() {
        if (standalone != null) {
            return List.of(standalone);
        }
        return configuration == null ? List.of() : configuration.unitsIn(path);
    }
}
