package rxlsp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import rxlsp.analysis.CheckedFile;
import rxlsp.analysis.FileChecker;
import rxlsp.mcl.Dialect;

/** {@code rx-lsp check}: checks files and folders headlessly, for CI. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check Nix and MCL files and print their diagnostics.%n"
                + "Exit status: 0 no errors, 1 errors found, 2 usage or I/O error.")
public final class CheckCommand implements Callable<Integer> {
    public enum Format { text, json }

    /** Files bigger than this are reported, not parsed: nothing real is that large. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-j", "--jobs"}, description = "Files checked at once (default: the number of processors).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--mgmt-version", defaultValue = "1.1", paramLabel = "VERSION",
            description = "The mgmt release .mcl files are written for: 1.0 or 1.1 (default: ${DEFAULT-VALUE}; 1.1 also covers later releases).")
    String mgmtVersion;

    @Option(names = "--mgmt-docs", paramLabel = "FILE",
            description = "JSON written by `mgmt docs generate --output FILE` for the mgmt you deploy with: its functions (golang/* included) and resources replace the built-in catalogue's.")
    java.nio.file.Path mgmtDocs;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files, or folders to search for *.nix and *.mcl.")
    List<String> paths;

    private final PrintStream out;
    private final PrintStream err;

    public CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Dialect dialect = Dialect.forMgmtVersion(mgmtVersion).orElse(null);
        if (dialect == null) {
            err.println("rx-lsp: unknown --mgmt-version `" + mgmtVersion + "`: expected 1.0 or 1.1");
            return 2;
        }
        rxlsp.analysis.CatalogSource.Loaded catalog = new rxlsp.analysis.CatalogSource()
                .catalogFor(dialect, new rxlsp.analysis.CatalogSource.Settings(mgmtDocs, false));
        if (catalog.problem().isPresent()) {
            err.println("rx-lsp: " + catalog.problem().get());
            return 2;
        }
        FileCollector.Result found = FileCollector.collect(paths);
        found.warnings().forEach(w -> err.println("rx-lsp: warning: " + w));
        List<String> problems = new ArrayList<>(found.problems());
        List<FileCollector.Target> targets = new ArrayList<>(found.targets());
        targets.sort(Comparator.comparing(FileCollector.Target::displayPath));
        ConfigurationPass configurations = ConfigurationPass.of(targets, boundary(paths), dialect, catalog.catalog());
        CheckOutput output = CheckOutput.of(format, out);
        checkAll(targets, configurations, output, problems, dialect, catalog.catalog());
        output.finish();
        problems.stream().sorted().forEach(p -> err.println("rx-lsp: " + p));
        if (!problems.isEmpty()) {
            return 2;
        }
        return output.errors() > 0 ? 1 : 0;
    }

    /**
     * Checks the targets in parallel, at most a few per thread ahead of the one printed next, and
     * prints each as soon as it and every file before it are done: memory follows the files in
     * flight, not the number checked. Files the configurations report on outside the targets
     * (imported modules) are printed in their place in the path order.
     */
    private void checkAll(List<FileCollector.Target> targets, ConfigurationPass configurations, CheckOutput output,
                          List<String> problems, Dialect dialect, rxlsp.mcl.catalog.Catalog catalog) throws InterruptedException {
        int threads = Math.max(1, Math.min(jobs, targets.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "rx-lsp-check", 16L << 20); // deep trees: generous stack
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<FileChecker> checkers = ThreadLocal.withInitial(() -> new FileChecker(dialect, catalog));
        java.util.Set<java.nio.file.Path> targetFiles = new java.util.HashSet<>();
        targets.forEach(t -> targetFiles.add(absolute(t.path())));
        java.util.Deque<ConfigurationPass.Extra> extras = new java.util.ArrayDeque<>(
                configurations.extraFiles(targetFiles).stream().sorted(Comparator.comparing(ConfigurationPass.Extra::shown)).toList());
        int window = 4 * threads;
        java.util.Deque<Future<Object>> inFlight = new java.util.ArrayDeque<>();
        try {
            int next = 0;
            for (int printed = 0; printed < targets.size(); printed++) {
                while (next < targets.size() && inFlight.size() < window) {
                    FileCollector.Target target = targets.get(next++);
                    inFlight.add(pool.submit(() -> checkOne(checkers.get(), target, configurations)));
                }
                FileCollector.Target target = targets.get(printed);
                while (!extras.isEmpty() && extras.peek().shown().compareTo(target.displayPath()) < 0) {
                    ConfigurationPass.Extra e = extras.poll();
                    output.file(e.shown(), e.lines(), sorted(e.diagnostics()));
                }
                try {
                    Object r = inFlight.poll().get();
                    if (r instanceof CheckedFile file) {
                        output.file(file.path(), file.lines(), file.diagnostics());
                    } else {
                        problems.add((String) r);
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    problems.add(target.displayPath() + ": internal error: " + e.getCause());
                }
            }
            while (!extras.isEmpty()) {
                ConfigurationPass.Extra e = extras.poll();
                output.file(e.shown(), e.lines(), sorted(e.diagnostics()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<rxlsp.text.Diagnostic> sorted(List<rxlsp.text.Diagnostic> ds) {
        List<rxlsp.text.Diagnostic> out = new ArrayList<>(ds);
        out.sort(rxlsp.text.Diagnostic.BY_POSITION);
        return out;
    }

    /**
     * Where files named by others may be read from: the working folder, and each folder given (a
     * file's own folder) — what the user pointed {@code check} at.
     */
    static rxlsp.embed.ReadBoundary boundary(List<String> arguments) {
        List<java.nio.file.Path> folders = new ArrayList<>();
        folders.add(java.nio.file.Path.of(""));
        for (String a : arguments) {
            try {
                java.nio.file.Path p = java.nio.file.Path.of(a);
                folders.add(Files.isDirectory(p) ? p : absolute(p).getParent());
            } catch (java.nio.file.InvalidPathException e) {
                // not a path: FileCollector reports it
            }
        }
        return rxlsp.embed.ReadBoundary.of(folders);
    }

    static java.nio.file.Path absolute(java.nio.file.Path p) {
        return p.toAbsolutePath().normalize();
    }

    /**
     * A checked file, with what the configurations add to it (or, for a {@code .mcl} file that is
     * part of a program, instead of its standalone check), or a problem message when it cannot be read.
     */
    private static Object checkOne(FileChecker checker, FileCollector.Target target, ConfigurationPass configurations) {
        try {
            if (!Files.isRegularFile(target.path())) { // a FIFO or device would block or never end
                return target.displayPath() + ": not a regular file";
            }
            long size = Files.size(target.path());
            if (size > MAX_FILE_BYTES) {
                return target.displayPath() + ": too large to check (" + size + " bytes, limit " + MAX_FILE_BYTES + ")";
            }
            byte[] bytes = Files.readAllBytes(target.path());
            java.nio.file.Path file = absolute(target.path());
            List<rxlsp.text.Diagnostic> extra = configurations.on(file);
            if (configurations.inProgram(file)) {
                // the program's view replaces the standalone one (the same syntax errors, and no
                // false "undefined" for names the Nix side defines)
                String text = rxlsp.text.SourceText.decode(bytes).text();
                return new CheckedFile(target.displayPath(), rxlsp.text.LineIndex.of(text), sorted(extra));
            }
            CheckedFile checked = checker.check(target.displayPath(), target.kind(), bytes);
            return extra.isEmpty() ? checked : checked.withDiagnostics(concat(checked.diagnostics(), extra));
        } catch (IOException e) {
            return target.displayPath() + ": cannot read (" + FileCollector.reason(e) + ")";
        } catch (OutOfMemoryError e) {
            return target.displayPath() + ": out of memory while checking";
        }
    }

    private static List<rxlsp.text.Diagnostic> concat(List<rxlsp.text.Diagnostic> a, List<rxlsp.text.Diagnostic> b) {
        List<rxlsp.text.Diagnostic> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
