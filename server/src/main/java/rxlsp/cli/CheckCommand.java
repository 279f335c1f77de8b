package rxlsp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import rxlsp.analysis.CatalogSource;
import rxlsp.analysis.CheckedFile;
import rxlsp.analysis.DialectChoice;
import rxlsp.analysis.Lazy;
import rxlsp.analysis.FileChecker;
import rxlsp.config.ConfigException;
import rxlsp.config.ProjectConfig;
import rxlsp.config.ProjectConfigReader;
import rxlsp.embed.NixVersion;
import rxlsp.mcl.Dialect;
import rxlsp.mcl.catalog.Catalog;
import rxlsp.workspace.FileKind;

/** {@code rx-lsp check}: checks files and folders headlessly, for CI, hooks and editors that pipe a buffer. */
public final class CheckCommand {
    /** Files bigger than this are reported, not parsed: nothing real is that large. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    static final String STDIN_NAME = "<stdin>";

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    public CheckCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code check} with the arguments after the word {@code check}; returns the exit status. */
    public int run(List<String> arguments) {
        CheckOptions options;
        try {
            options = CheckOptions.parse(arguments);
        } catch (Args.UsageException e) {
            err.println("rx-lsp check: " + e.getMessage());
            err.print(CheckOptions.USAGE);
            err.println("Try `rx-lsp check --help` for the options.");
            return 2;
        }
        if (options.help()) {
            out.print(CheckOptions.helpText());
            return 0;
        }
        rxlsp.nix.NixParser.warmUpInBackground();
        ProjectConfig config;
        try {
            config = config(options);
        } catch (ConfigException e) {
            err.println("rx-lsp: " + e.getMessage());
            return 2;
        }
        // a version given (flag, then configuration) is always used; without one each program is read in the dialect it parses in
        Optional<Dialect> given = options.mclDialect().or(config::mclDialect);
        DialectChoice dialects = given.map(DialectChoice::of).orElseGet(DialectChoice::auto);
        NixVersion nix = options.nixVersion().or(config::nixVersion).orElse(NixVersion.CURRENT);
        Optional<Path> docs = options.mgmtDocs().or(config::mgmtDocs);
        Map<Dialect, Lazy<Catalog>> catalogs = new EnumMap<>(Dialect.class);
        for (Dialect d : given.map(List::of).orElse(List.of(Dialect.values()))) {
            if (docs.isPresent()) { // read up front: an unusable file stops the run before any check
                CatalogSource.Loaded loaded = new CatalogSource().catalogFor(d, new CatalogSource.Settings(docs.get(), false));
                if (loaded.problem().isPresent()) {
                    err.println("rx-lsp: " + loaded.problem().get());
                    return 2;
                }
                catalogs.put(d, new Lazy<>(loaded::catalog));
            } else { // made only when a program of that dialect is checked: most runs never need a catalogue
                catalogs.put(d, new Lazy<>(() -> Catalog.builtIn(d)));
            }
        }
        Function<Dialect, Catalog> catalog = d -> catalogs.getOrDefault(d, catalogs.values().iterator().next()).get();
        List<String> problems = new ArrayList<>();
        List<FileCollector.Target> targets;
        if (options.stdin()) {
            targets = List.of(stdinTarget(options, problems));
        } else {
            FileCollector.Result found = FileCollector.collect(options.paths());
            found.warnings().forEach(w -> err.println("rx-lsp: warning: " + w));
            problems.addAll(found.problems());
            targets = found.targets();
        }
        targets = targets.stream().filter(t -> !config.excludes().excludes(t.path())).toList();
        List<CheckedFile> checked;
        ConfigurationPass.Result pass;
        try {
            pass = checkAll(targets, problems, dialects, catalog, nix, options.jobs(), boundary(options.paths()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("rx-lsp: interrupted");
            return 2;
        }
        checked = new ArrayList<>();
        for (CheckedFile file : pass.files()) {
            if (!config.excludes().excludes(Path.of(file.path()))) {
                FileKind kind = FileKind.ofFileName(file.path()).orElse(FileKind.NIX);
                checked.add(file.withDiagnostics(config.policy().apply(kind, file.lines(), file.diagnostics())));
            }
        }
        checked.sort(Comparator.comparing(CheckedFile::path));
        CheckReport report = new CheckReport(checked, pass.assembled(), problems.size(), Path.of("").toAbsolutePath());
        switch (options.format()) {
            case json -> JsonFormat.print(report, out);
            case text -> TextFormat.print(report, out);
            case sarif -> SarifFormat.print(report, out, rxlsp.Main.version(), rxlsp.Main.docsUrl());
            case github -> GithubFormat.print(report, out);
        }
        out.flush();
        problems.stream().sorted().forEach(p -> err.println("rx-lsp: " + p));
        return problems.isEmpty() ? options.exitStatus(report) : 2;
    }

    private static ProjectConfig config(CheckOptions options) throws ConfigException {
        if (options.noConfig()) {
            return ProjectConfig.NONE;
        }
        if (options.config().isPresent()) {
            return ProjectConfigReader.read(options.config().get());
        }
        Optional<Path> found = ProjectConfig.find(Path.of(""));
        return found.isPresent() ? ProjectConfigReader.read(found.get()) : ProjectConfig.NONE;
    }

    private FileCollector.Target stdinTarget(CheckOptions options, List<String> problems) {
        String name = options.stdinFilename().orElse(STDIN_NAME);
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            problems.add("standard input: cannot read (" + FileCollector.reason(e) + ")");
            bytes = new byte[0];
        }
        FileKind kind = FileKind.ofFileName(name).orElse(FileKind.NIX);
        return new FileCollector.Target(name, Path.of(options.stdinFilename().orElse(STDIN_NAME)), kind, bytes);
    }

    private static ConfigurationPass.Result checkAll(List<FileCollector.Target> targets, List<String> problems,
                                                     DialectChoice dialects, Function<Dialect, Catalog> catalogs,
                                                     NixVersion nix, int jobs, rxlsp.embed.ReadBoundary boundary)
            throws InterruptedException {
        if (targets.isEmpty()) {
            return new ConfigurationPass.Result(List.of(), List.of());
        }
        int threads = Math.max(1, Math.min(jobs, targets.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "rx-lsp-check", 16L << 20); // deep trees: generous stack
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<FileChecker> checkers = ThreadLocal.withInitial(() -> new FileChecker(dialects, catalogs));
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (FileCollector.Target target : targets) {
                futures.add(pool.submit(() -> checkOne(checkers.get(), target)));
            }
            List<CheckedFile> results = new ArrayList<>();
            Map<CheckedFile, Path> files = new IdentityHashMap<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    Object r = futures.get(i).get();
                    if (r instanceof CheckedFile file) {
                        results.add(file);
                        files.put(file, absolute(targets.get(i).path()));
                    } else {
                        problems.add((String) r);
                    }
                } catch (ExecutionException e) {
                    problems.add("internal error: " + e.getCause());
                }
            }
            // on a pool thread: its deep stack is what deeply nested MCL needs (the main thread's may be small)
            try {
                return pool.submit(() -> ConfigurationPass.apply(results, files, dialects, catalogs, nix, boundary)).get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Where files named by others (imports, readFile targets) may be read from: the working folder,
     * and each folder given (a file's own folder) — what the user pointed {@code check} at.
     */
    static rxlsp.embed.ReadBoundary boundary(List<String> arguments) {
        List<Path> folders = new ArrayList<>();
        folders.add(Path.of(""));
        for (String a : arguments) {
            try {
                Path p = Path.of(a);
                folders.add(java.nio.file.Files.isDirectory(p) ? p : absolute(p).getParent());
            } catch (java.nio.file.InvalidPathException e) {
                // not a path: the file collector reports it
            }
        }
        return rxlsp.embed.ReadBoundary.of(folders);
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** A checked file, or a problem message when the file cannot be read. */
    private static Object checkOne(FileChecker checker, FileCollector.Target target) {
        try {
            byte[] bytes = target.bytes();
            if (bytes == null) {
                if (!Files.isRegularFile(target.path())) { // a FIFO or device would block or never end
                    return target.displayPath() + ": not a regular file";
                }
                long size = Files.size(target.path());
                if (size > MAX_FILE_BYTES) {
                    return target.displayPath() + ": too large to check (" + size + " bytes, limit " + MAX_FILE_BYTES + ")";
                }
                bytes = Files.readAllBytes(target.path());
            }
            return checker.check(target.displayPath(), absolute(target.path()), target.kind(), bytes);
        } catch (IOException e) {
            return target.displayPath() + ": cannot read (" + FileCollector.reason(e) + ")";
        } catch (OutOfMemoryError e) {
            return target.displayPath() + ": out of memory while checking";
        }
    }
}
