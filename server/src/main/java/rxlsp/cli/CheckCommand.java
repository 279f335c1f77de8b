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

    @Option(names = "--mgmt-version", paramLabel = "VERSION",
            description = "The mgmt release the MCL is written for: 1.0 or 1.1 (1.1 also covers later releases). Without it, each program is read in the dialect it parses in, and a note says when that is 1.0.")
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
        Dialect dialect = mgmtVersion == null ? null : Dialect.forMgmtVersion(mgmtVersion).orElse(null);
        if (mgmtVersion != null && dialect == null) {
            err.println("rx-lsp: unknown --mgmt-version `" + mgmtVersion + "`: expected 1.0 or 1.1");
            return 2;
        }
        rxlsp.analysis.CatalogSource source = new rxlsp.analysis.CatalogSource();
        var settings = new rxlsp.analysis.CatalogSource.Settings(mgmtDocs, false);
        java.util.Map<Dialect, rxlsp.mcl.catalog.Catalog> catalogs = new java.util.EnumMap<>(Dialect.class);
        for (Dialect d : dialect == null ? List.of(Dialect.values()) : List.of(dialect)) {
            rxlsp.analysis.CatalogSource.Loaded catalog = source.catalogFor(d, settings);
            if (catalog.problem().isPresent()) {
                err.println("rx-lsp: " + catalog.problem().get());
                return 2;
            }
            catalogs.put(d, catalog.catalog());
        }
        rxlsp.analysis.DialectChoice dialects = dialect == null ? rxlsp.analysis.DialectChoice.auto()
                : rxlsp.analysis.DialectChoice.of(dialect);
        FileCollector.Result found = FileCollector.collect(paths);
        found.warnings().forEach(w -> err.println("rx-lsp: warning: " + w));
        List<String> problems = new ArrayList<>(found.problems());
        List<CheckedFile> checked = checkAll(found.targets(), problems, dialects, d -> catalogs.getOrDefault(d, catalogs.values().iterator().next()));
        checked.sort(Comparator.comparing(CheckedFile::path));
        CheckReport report = new CheckReport(checked);
        switch (format) {
            case json -> JsonFormat.print(report, out);
            case text -> TextFormat.print(report, out);
        }
        out.flush();
        problems.stream().sorted().forEach(p -> err.println("rx-lsp: " + p));
        if (!problems.isEmpty()) {
            return 2;
        }
        return report.errors() > 0 ? 1 : 0;
    }

    private List<CheckedFile> checkAll(List<FileCollector.Target> targets, List<String> problems,
                                       rxlsp.analysis.DialectChoice dialects,
                                       java.util.function.Function<Dialect, rxlsp.mcl.catalog.Catalog> catalogs)
            throws InterruptedException {
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
            java.util.Map<CheckedFile, java.nio.file.Path> files = new java.util.IdentityHashMap<>();
            for (int i = 0; i < futures.size(); i++) {
                Future<Object> f = futures.get(i);
                try {
                    Object r = f.get();
                    if (r instanceof CheckedFile file) {
                        results.add(file);
                        files.put(file, absolute(targets.get(i).path()));
                    } else {
                        problems.add((String) r);
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    problems.add("internal error: " + e.getCause());
                }
            }
            // on a pool thread: its deep stack is what deeply nested MCL needs (the main thread's may be small)
            try {
                return pool.submit(() -> ConfigurationPass.apply(results, files, dialects, catalogs)).get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.nio.file.Path absolute(java.nio.file.Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** A checked file, or a problem message when the file cannot be read. */
    private static Object checkOne(FileChecker checker, FileCollector.Target target) {
        try {
            if (!Files.isRegularFile(target.path())) { // a FIFO or device would block or never end
                return target.displayPath() + ": not a regular file";
            }
            long size = Files.size(target.path());
            if (size > MAX_FILE_BYTES) {
                return target.displayPath() + ": too large to check (" + size + " bytes, limit " + MAX_FILE_BYTES + ")";
            }
            byte[] bytes = Files.readAllBytes(target.path());
            return checker.check(target.displayPath(), absolute(target.path()), target.kind(), bytes);
        } catch (IOException e) {
            return target.displayPath() + ": cannot read (" + FileCollector.reason(e) + ")";
        } catch (OutOfMemoryError e) {
            return target.displayPath() + ": out of memory while checking";
        }
    }
}
