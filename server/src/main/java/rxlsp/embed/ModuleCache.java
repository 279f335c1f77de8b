package rxlsp.embed;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import rxlsp.nix.NixParser;
import rxlsp.nix.NixSyntaxTree;

/**
 * Scans of Nix modules by path, kept while their text is unchanged: analysing one module of a
 * configuration needs the others, and their scans rarely change between two keystrokes.
 * A file without any of rx.nix's words is never parsed (its scan is empty, see
 * {@link ScanPrefilter}). Thread-safe; parsing is serialised on the cache's own parser.
 */
public final class ModuleCache implements ModuleSource, AutoCloseable {
    /**
     * Larger files are not considered as configuration roots: a root is a hand-written module, and
     * a generated file of megabytes next to one would cost a full parse to rule out.
     */
    static final int MAX_ROOT_CHARS = 1 << 20;

    private final SourceFiles files;
    private final NixParser parser = NixParser.forSingleParses();
    private final Map<Path, ModuleScan> scans = new ConcurrentHashMap<>();
    /** Root candidates ruled out (or not) by their text alone, with the length and hash of that text. */
    private final Map<Path, RootVerdict> roots = new ConcurrentHashMap<>();

    private record RootVerdict(int length, int hash, boolean mayImport) {
        boolean isFor(String text) {
            return text.length() == length && text.hashCode() == hash;
        }
    }

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
        if (!ScanPrefilter.mayFindSomething(text.get())) {
            // nothing to find: no parse, and nothing kept (the look at the words is cheap to repeat)
            scans.remove(file);
            return Optional.of(ModuleScan.empty(file, text.get()));
        }
        NixSyntaxTree tree;
        synchronized (parser) {
            tree = parser.parse(text.get());
        }
        ModuleScan scan = ModuleScanner.scan(file, text.get(), tree.root());
        scans.put(file, scan);
        return Optional.of(scan);
    }

    /**
     * Whether the file may be a configuration root: at most {@link #MAX_ROOT_CHARS} characters
     * (larger ones are not even read) with one of rx.nix's words (it imports modules, or reads the
     * file in an rx option). The answer
     * is kept for the text it was made for (its length and hash), not the text itself.
     */
    @Override
    public boolean mayBeRoot(Path file) {
        Optional<String> text = files.readAtMost(file, MAX_ROOT_CHARS);
        if (text.isEmpty()) {
            roots.remove(file);
            return false;
        }
        RootVerdict known = roots.get(file);
        if (known != null && known.isFor(text.get())) {
            return known.mayImport();
        }
        boolean mayImport = ScanPrefilter.mayFindSomething(text.get());
        roots.put(file, new RootVerdict(text.get().length(), text.get().hashCode(), mayImport));
        return mayImport;
    }

    @Override
    public Optional<String> refusal(Path file) {
        return files.refusal(file);
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
