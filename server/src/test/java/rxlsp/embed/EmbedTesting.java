package rxlsp.embed;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import rxlsp.nix.NixParser;

/** Scans and assembles in-memory Nix modules for tests. */
final class EmbedTesting {
    static final Path DIR = Path.of("/virtual/config");

    private EmbedTesting() {
    }

    static ModuleScan scan(String name, String text) {
        try (NixParser parser = NixParser.forSingleParses()) {
            return ModuleScanner.scan(DIR.resolve(name), text, parser.parse(text).root());
        }
    }

    /** Files by path relative to {@link #DIR} ({@code a.nix}, {@code sub/default.nix}), the root named. */
    static AssembledProgram assemble(Map<String, String> files, String root) {
        return assemble(files, root, NixVersion.CURRENT);
    }

    static AssembledProgram assemble(Map<String, String> files, String root, NixVersion nix) {
        SourceFiles source = source(files);
        return ProgramAssembler.assemble(load(files, root), new NixFragmentReader(source), nix);
    }

    static Configuration load(Map<String, String> files, String root) {
        SourceFiles source = source(files);
        ModuleSource modules = p -> source.read(p).map(t -> scan(DIR.relativize(p).toString(), t));
        return ConfigurationLoader.load(scan(root, files.get(root)), modules);
    }

    private static SourceFiles source(Map<String, String> files) {
        return p -> Optional.ofNullable(p.startsWith(DIR) ? files.get(DIR.relativize(p).toString()) : null);
    }

    static AssembledProgram assemble(String module) {
        return assemble(Map.of("configuration.nix", module), "configuration.nix");
    }

    /** The program text after the header and the import section. */
    static String body(AssembledProgram p) {
        String t = p.text();
        return t.substring(t.indexOf("\n\n", ProgramAssembler.HEADER.length()) + 2);
    }

    static List<FragmentSite> sites(String module) {
        return scan("configuration.nix", module).sites();
    }
}
