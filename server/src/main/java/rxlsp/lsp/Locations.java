package rxlsp.lsp;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Range;
import rxlsp.analysis.DocumentModel;
import rxlsp.embed.SourceLocation;
import rxlsp.text.LineIndex;
import rxlsp.text.TextRange;
import rxlsp.workspace.FileUris;

/**
 * Turns places in files into LSP locations. Offsets refer to the text the analysis read, so a file's
 * lines come from that text: the document's own, a module or {@code .mcl} file of its configuration,
 * else the workspace (editor buffer, then disk).
 */
final class Locations {
    private final RxLanguageServer server;
    /** Line indexes by text (identity): the same module is asked for again and again. */
    private final Map<String, LineIndex> indexes = new WeakHashMap<>();

    Locations(RxLanguageServer server) {
        this.server = server;
    }

    Optional<Location> location(DocumentModel from, SourceLocation at) {
        return lines(from, at.file()).map(lines -> new Location(FileUris.uriOf(at.file()), range(lines, at.range())));
    }

    Range range(LineIndex lines, TextRange r) {
        return server.positions().range(lines, r);
    }

    /** The line index of the text {@code file} had in {@code from}'s analysis. */
    Optional<LineIndex> lines(DocumentModel from, Path file) {
        if (file.equals(from.path())) {
            return Optional.of(from.lines());
        }
        Optional<String> text = from.configuration() == null ? Optional.empty() : from.configuration().textOf(file);
        if (text.isEmpty()) {
            text = server.workspace().files().read(file);
        }
        return text.map(this::index);
    }

    private LineIndex index(String text) {
        synchronized (indexes) {
            return indexes.computeIfAbsent(text, LineIndex::of);
        }
    }
}
