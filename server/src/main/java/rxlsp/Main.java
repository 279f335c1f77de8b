package rxlsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import rxlsp.cli.CheckCommand;
import rxlsp.cli.RenderCommand;
import rxlsp.lsp.ServerLauncher;

/**
 * {@code rx-lsp}: without arguments (or with {@code --stdio}) the language server on standard
 * input/output; {@code rx-lsp check PATH...} (or {@code --check PATH...}) the headless checker;
 * {@code rx-lsp render FILE} the program rx.nix generates.
 */
public final class Main {
    static final String USAGE = """
            Usage: rx-lsp [--stdio]                  serve the Language Server Protocol on stdin/stdout
                   rx-lsp check [OPTIONS] PATH...    check Nix and MCL files (rx-lsp check --help)
                   rx-lsp render FILE.nix            print the main.mcl rx.nix generates (rx-lsp render --help)
                   rx-lsp --version | --help
            """;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || (args.length == 1 && args[0].equals("--stdio"))) {
            System.exit(ServerLauncher.serve(System.in, System.out));
        }
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs a command with the given streams; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, InputStream.nullInputStream(), out, err);
    }

    /** Runs a command with the given streams; returns the exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        String command = args.length == 0 ? "" : args[0];
        try {
            return switch (command) {
                case "check", "--check" -> new CheckCommand(in, out, err).run(rest);
                case "render" -> new RenderCommand(out, err).run(rest);
                case "--version", "-V" -> {
                    out.println("rx-lsp " + version());
                    yield 0;
                }
                case "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    err.println("rx-lsp: unknown command `" + command + "`");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (RuntimeException e) { // a bug: one line, and the status of an I/O error, not a stack trace
            err.println("rx-lsp: internal error: " + e);
            return 2;
        } finally {
            out.flush();
        }
    }

    /** rx-lsp's version, as the build wrote it into {@code rxlsp/version.properties}. */
    public static String version() {
        return rxlsp.lsp.RxLanguageServer.version();
    }

    /** Where the README is published (the SARIF rules link to its sections); the build sets it. */
    public static String docsUrl() {
        return buildProperty("docsUrl");
    }

    private static String buildProperty(String key) {
        Properties props = new Properties();
        try (var in = Main.class.getResourceAsStream("/rxlsp/version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return props.getProperty(key, "unknown");
    }
}
