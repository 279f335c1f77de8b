package rxlsp.features;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import rxlsp.embed.Configuration;
import rxlsp.embed.ConfigurationLoader;
import rxlsp.embed.ModuleCache;
import rxlsp.embed.NixFragmentReader;
import rxlsp.embed.NixVersion;
import rxlsp.embed.ProgramAssembler;
import rxlsp.embed.RootFinder;
import rxlsp.embed.SourceFiles;
import rxlsp.workspace.FileKind;

/**
 * The {@code main.mcl} rx.nix would generate for the configuration a file belongs to: what
 * {@code rx-lsp render} prints for the configuration's root, found the way the editor's diagnostics
 * find it (the largest configuration around that contains the file, else the file's own).
 */
public final class RenderedProgram {
    /** The program text and the module at the root of its configuration. */
    public record Rendered(Path root, String text) {
    }

    private final SourceFiles files;
    private final Supplier<List<Path>> workspaceRoots;
    private final Supplier<List<Path>> openNixFiles;

    /** @param files the editor's buffers over the disk: unsaved text is what gets rendered */
    public RenderedProgram(SourceFiles files, Supplier<List<Path>> workspaceRoots, Supplier<List<Path>> openNixFiles) {
        this.files = files;
        this.workspaceRoots = workspaceRoots;
        this.openNixFiles = openNixFiles;
    }

    /** Empty when no rx.nix configuration contains {@code file} or the one that does puts nothing in the program. */
    public Optional<Rendered> of(Path file) {
        return of(file, NixVersion.CURRENT);
    }

    /** @param nix the Nix that evaluates the configuration (the user's {@code nixVersion} setting) */
    public Optional<Rendered> of(Path file, NixVersion nix) {
        // a cache of its own: a user's command, not a keystroke, and it must see every buffer as it is now
        try (ModuleCache modules = new ModuleCache(files)) {
            Optional<Configuration> found = new RootFinder(modules, workspaceRoots.get(), openNixFiles.get()).containing(file);
            if (found.isEmpty() && isNix(file)) {
                found = modules.scan(file).map(scan -> ConfigurationLoader.load(scan, modules));
            }
            return found.filter(Configuration::contributesToProgram).map(cfg -> new Rendered(cfg.root(),
                    ProgramAssembler.assemble(cfg, new NixFragmentReader(files), nix).text()));
        }
    }

    private static boolean isNix(Path file) {
        Path name = file.getFileName();
        return name != null && FileKind.ofFileName(name.toString()).orElse(null) == FileKind.NIX;
    }
}
