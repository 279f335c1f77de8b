package rxlsp.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import rxlsp.embed.AssembledProgram;
import rxlsp.embed.ConfigurationLoader;
import rxlsp.embed.DiskFiles;
import rxlsp.embed.ModuleCache;
import rxlsp.embed.ModuleScan;
import rxlsp.embed.NixFragmentReader;
import rxlsp.embed.NixVersion;
import rxlsp.embed.ProgramAssembler;

/** {@code rx-lsp render FILE.nix}: prints the {@code main.mcl} rx.nix would generate for a configuration. */
public final class RenderCommand {
    static final Args.Option HELP = Args.Option.flag("Show this help and exit.", "-h", "--help");
    static final String USAGE = "Usage: rx-lsp render [--nix-version 2.8|current] FILE.nix\n";
    static final String HELP_TEXT = USAGE
            + "Print the main.mcl rx.nix generates for the configuration rooted at FILE.nix (its imports are followed).\n"
            + "A value only Nix can compute (a `${...}` interpolation, a function call) is printed as `${...}` in its place.\n"
            + "Exit status: 0 printed, 2 usage or I/O error.\n\nOptions:\n" + Args.optionTable(List.of(CheckOptions.NIX_VERSION, HELP));

    private final PrintStream out;
    private final PrintStream err;

    public RenderCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(List<String> arguments) {
        Path file;
        NixVersion nix;
        try {
            Args args = Args.parse(arguments, List.of(CheckOptions.NIX_VERSION, HELP));
            if (args.has(HELP)) {
                out.print(HELP_TEXT);
                return 0;
            }
            if (args.positionals().size() != 1) {
                throw new Args.UsageException(args.positionals().isEmpty() ? "no FILE given" : "give one FILE");
            }
            file = Path.of(args.positionals().getFirst());
            nix = CheckOptions.nixVersion(args).orElse(NixVersion.CURRENT);
        } catch (Args.UsageException | InvalidPathException e) {
            err.println("rx-lsp render: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
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
                    ConfigurationLoader.load(scan.get(), cache), new NixFragmentReader(disk), nix);
            out.print(program.text());
            out.flush();
            return 0;
        }
    }
}
