package rxlsp.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import rxlsp.embed.AssembledProgram;
import rxlsp.embed.ConfigurationLoader;
import rxlsp.embed.DiskFiles;
import rxlsp.embed.ModuleCache;
import rxlsp.embed.ModuleScan;
import rxlsp.embed.NixFragmentReader;
import rxlsp.embed.ProgramAssembler;

/** {@code rx-lsp render FILE.nix}: prints the {@code main.mcl} rx.nix would generate for a configuration. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Print the main.mcl rx.nix generates for the configuration rooted at FILE "
                + "(its imports are followed). Values only Nix can compute are printed as ${...}.%n"
                + "Exit status: 0 printed, 2 usage or I/O error.")
public final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The NixOS module at the root of the configuration.")
    Path file;

    private final PrintStream out;
    private final PrintStream err;

    public RenderCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Path root = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root)) {
            err.println("rx-lsp: " + file + ": not a readable file");
            return 2;
        }
        // modules and readFile targets are read inside the working folder and the root's own folder
        rxlsp.embed.SourceFiles disk = CheckCommand.boundary(java.util.List.of(file.toString())).confine(new DiskFiles());
        try (ModuleCache cache = new ModuleCache(disk)) {
            Optional<ModuleScan> scan = cache.scan(root);
            if (scan.isEmpty()) {
                err.println("rx-lsp: " + file + ": cannot read");
                return 2;
            }
            AssembledProgram program = ProgramAssembler.assemble(
                    ConfigurationLoader.load(scan.get(), cache).modules(), new NixFragmentReader(disk));
            out.print(program.text());
            out.flush();
            return 0;
        }
    }
}
