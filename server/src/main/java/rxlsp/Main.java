package rxlsp;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import rxlsp.cli.CheckCommand;
import rxlsp.lsp.ServerLauncher;

/**
 * {@code rx-lsp}: without arguments (or with {@code --stdio}) the language server on standard
 * input/output; {@code rx-lsp check PATH...} (or {@code --check PATH...}) the headless checker.
 */
@Command(name = "rx-lsp", versionProvider = Main.Version.class, mixinStandardHelpOptions = true,
        description = "Language server and checker for MCL embedded in Nix (rx.nix).")
public final class Main implements Callable<Integer> {
    @Option(names = "--stdio", description = "Serve the Language Server Protocol on stdin/stdout (the default).")
    boolean stdio;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String[] effective = args.length > 0 && args[0].equals("--check")
                ? prepend("check", Arrays.copyOfRange(args, 1, args.length)) : args;
        CommandLine cli = new CommandLine(new Main())
                .addSubcommand(new CommandLine(new CheckCommand(out, err)))
                .addSubcommand(new CommandLine(new rxlsp.cli.RenderCommand(out, err)))
                .setOut(new java.io.PrintWriter(out, true))
                .setErr(new java.io.PrintWriter(err, true))
                .setExitCodeExceptionMapper(e -> 2)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    err.println("rx-lsp: " + e);
                    return 2;
                });
        cli.getSubcommands().get("check").setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("rx-lsp: " + e);
            return 2;
        });
        return cli.execute(effective); // picocli reports usage errors with 2, as documented
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Override
    public Integer call() throws Exception {
        return ServerLauncher.serve(System.in, System.out);
    }

    /** The version the build wrote into {@code rxlsp/version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"rx-lsp " + rxlsp.lsp.RxLanguageServer.version()};
        }
    }
}
