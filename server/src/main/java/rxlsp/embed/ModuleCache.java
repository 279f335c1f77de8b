package rxlsp.embed;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import rxlsp.nix.NixParser;
import rxlsp.nix.NixSyntaxTree;

/**
 * Scans of Nix modules by path, kept while their text is unchanged: analysing one module of a
 * configuration needs the others, and their scans rarely change between two keystrokes.
 * Thread-safe; parsing is serialised on the cache's own parser.
 */
public final class ModuleCache implements ModuleSource, AutoCloseable {
    private final SourceFiles files;
    private final NixParser parser = NixParser.forSingleParses();
    private final Map<Path, ModuleScan> scans = new ConcurrentHashMap<>();

    public ModuleCache(SourceFiles files) {
        this.files = files;
    }

    @Override
    public Optional<ModuleScan> scan(Path file) {
        Optional<String> text = files.read(file);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        ModuleScan cached = scans.get(file);
        if (cached != null && cached.text().equals(text.get())) {
            return Optional.of(cached);
        }
        NixSyntaxTree tree;
        synchronized (parser) {
            tree = parser.parse(text.get());
        }
        ModuleScan scan = ModuleScanner.scan(file, text.get(), tree.root());
        scans.put(file, scan);
        return Optional.of(scan);
    }

    /** Records a scan made elsewhere (the editor's incremental parse of an open document). */
    public void put(ModuleScan scan) {
        scans.put(scan.file(), scan);
    }

    @Override
    public void close() {
        synchronized (parser) {
            parser.close();
        }
    }
}
