package rxlsp.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import rxlsp.embed.NixVersion;
import rxlsp.mcl.Dialect;

/**
 * {@code rx-lsp check}'s command line, validated: every value is checked here, so that a wrong flag
 * stops the run with the usage before any file is read.
 */
record CheckOptions(Format format, int jobs, Optional<Dialect> mclDialect, Optional<NixVersion> nixVersion,
                    Optional<Path> mgmtDocs, FailOn failOn,
                    Optional<Integer> maxWarnings, boolean stdin, Optional<String> stdinFilename,
                    Optional<Path> config, boolean noConfig, List<String> paths, boolean help) {
    enum Format { text, json, sarif, github }

    /** Which findings make the exit status 1. */
    enum FailOn { error, warning, never }

    static final Args.Option FORMAT = Args.Option.value("FORMAT", "Output format: text, json, sarif (SARIF 2.1.0) or github (GitHub Actions annotations); default text.", "--format");
    static final Args.Option FAIL_ON = Args.Option.value("LEVEL", "Exit with status 1 on: error (the default), warning (errors or warnings) or never.", "--fail-on");
    static final Args.Option MAX_WARNINGS = Args.Option.value("N", "Exit with status 1 when there are more than N warnings.", "--max-warnings");
    static final Args.Option JOBS = Args.Option.value("N", "Files checked at once (default: the number of processors).", "-j", "--jobs");
    static final Args.Option MGMT_VERSION = Args.Option.value("VERSION", "The mgmt release .mcl files are written for: "
            + Dialect.ACCEPTED_VERSIONS + "; default 1.1.", "--mgmt-version");
    static final Args.Option NIX_VERSION = Args.Option.value("VERSION", "The Nix that evaluates the configurations: "
            + NixVersion.EXPECTED + " (default current). Nix 2.8 hands rx.nix's renderer floats with 6 significant digits.",
            "--nix-version");
    static final Args.Option MGMT_DOCS = Args.Option.value("FILE", "JSON written by `mgmt docs generate --output FILE` for the mgmt you"
            + " deploy with: its functions (golang/* included) and resources replace the built-in catalogue's.", "--mgmt-docs");
    static final Args.Option STDIN = Args.Option.flag("Check the text on standard input instead of PATHs.", "--stdin");
    static final Args.Option STDIN_FILENAME = Args.Option.value("PATH", "With --stdin: the file the text is (its name, its kind by"
            + " extension, and where its imports are looked up); default <stdin>, Nix.", "--stdin-filename");
    static final Args.Option CONFIG = Args.Option.value("FILE", "The configuration file (default: rx-lsp.toml in the working directory"
            + " or the nearest folder above it, up to the repository root).", "--config");
    static final Args.Option NO_CONFIG = Args.Option.flag("Read no configuration file.", "--no-config");
    static final Args.Option HELP = Args.Option.flag("Show this help and exit.", "-h", "--help");
    static final List<Args.Option> ALL = List.of(FORMAT, FAIL_ON, MAX_WARNINGS, JOBS, MGMT_VERSION, NIX_VERSION, MGMT_DOCS, STDIN,
            STDIN_FILENAME, CONFIG, NO_CONFIG, HELP);

    static final String USAGE = "Usage: rx-lsp check [OPTIONS] PATH...\n"
            + "       rx-lsp check [OPTIONS] --stdin [--stdin-filename PATH]\n";

    static String helpText() {
        return USAGE + "Check Nix and MCL files and folders (searched for *.nix and *.mcl) and print their diagnostics.\n"
                + "Exit status: 0 no errors, 1 findings (see --fail-on, --max-warnings), 2 usage, configuration or I/O error.\n\n"
                + "Options:\n" + Args.optionTable(ALL);
    }

    static CheckOptions parse(List<String> arguments) throws Args.UsageException {
        Args args = Args.parse(arguments, ALL);
        if (args.has(HELP)) {
            return new CheckOptions(Format.text, 1, Optional.empty(), Optional.empty(), Optional.empty(), FailOn.error, Optional.empty(),
                    false, Optional.empty(), Optional.empty(), false, List.of(), true);
        }
        Format format = choice(FORMAT, args.value(FORMAT).orElse("text"), Format.values());
        FailOn failOn = choice(FAIL_ON, args.value(FAIL_ON).orElse("error"), FailOn.values());
        Optional<Integer> maxWarnings = args.value(MAX_WARNINGS).isPresent()
                ? Optional.of(Args.integer(MAX_WARNINGS, args.value(MAX_WARNINGS).get(), 0)) : Optional.empty();
        int jobs = args.value(JOBS).isPresent() ? Args.integer(JOBS, args.value(JOBS).get(), 1)
                : Runtime.getRuntime().availableProcessors();
        Optional<Dialect> dialect = Optional.empty();
        if (args.value(MGMT_VERSION).isPresent()) {
            String v = args.value(MGMT_VERSION).get();
            dialect = Optional.of(Dialect.forMgmtVersion(v).orElseThrow(() -> new Args.UsageException("--mgmt-version: " + Dialect.whyNot(v))));
        }
        boolean stdin = args.has(STDIN);
        if (args.has(STDIN_FILENAME) && !stdin) {
            throw new Args.UsageException("--stdin-filename needs --stdin");
        }
        if (stdin && !args.positionals().isEmpty()) {
            throw new Args.UsageException("--stdin checks standard input: give no PATH (name the text with --stdin-filename)");
        }
        if (!stdin && args.positionals().isEmpty()) {
            throw new Args.UsageException("no PATH given");
        }
        if (args.has(CONFIG) && args.has(NO_CONFIG)) {
            throw new Args.UsageException("--config and --no-config exclude each other");
        }
        return new CheckOptions(format, jobs, dialect, nixVersion(args), path(MGMT_DOCS, args), failOn, maxWarnings, stdin,
                args.value(STDIN_FILENAME), path(CONFIG, args), args.has(NO_CONFIG), args.positionals(), false);
    }

    /** {@link #NIX_VERSION}'s value, shared with {@code render}. */
    static Optional<NixVersion> nixVersion(Args args) throws Args.UsageException {
        Optional<String> value = args.value(NIX_VERSION);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(NixVersion.forSetting(value.get()).orElseThrow(() -> new Args.UsageException(
                NIX_VERSION.key() + ": `" + value.get() + "` is not a Nix version rx-lsp knows: expected " + NixVersion.EXPECTED)));
    }

    private static Optional<Path> path(Args.Option option, Args args) throws Args.UsageException {
        Optional<String> value = args.value(option);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value.get()));
        } catch (InvalidPathException e) {
            throw new Args.UsageException(option.key() + ": `" + value.get() + "` is not a path");
        }
    }

    private static <E extends Enum<E>> E choice(Args.Option option, String value, E[] values) throws Args.UsageException {
        String v = value.toLowerCase(Locale.ROOT);
        for (E e : values) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        throw new Args.UsageException(option.key() + ": `" + value + "` is not one of "
                + String.join(", ", Arrays.stream(values).map(Enum::name).toList()));
    }

    /** The exit status the findings give: 1 when they reach {@link #failOn} or exceed {@link #maxWarnings}. */
    int exitStatus(CheckReport report) {
        boolean fails = switch (failOn) {
            case error -> report.errors() > 0;
            case warning -> report.errors() > 0 || report.warnings() > 0;
            case never -> false;
        };
        boolean tooManyWarnings = maxWarnings.isPresent() && report.warnings() > maxWarnings.get();
        return fails || tooManyWarnings ? 1 : 0;
    }
}
