package rxlsp.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.services.JsonDelegate;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;
import rxlsp.analysis.DocumentModel;
import rxlsp.text.PositionEncoding;
import rxlsp.workspace.Workspace;

/** The LSP wiring: lifecycle, capabilities and position-encoding negotiation. */
public final class RxLanguageServer implements LanguageServer, LanguageClientAware {
    private final Workspace workspace = new Workspace();
    private final RxTextDocumentService documents = new RxTextDocumentService(this);
    private final RxWorkspaceService workspaceService = new RxWorkspaceService(this);
    private final RenderedProgramHandler renderedProgram = new RenderedProgramHandler(this);
    private final AnalysisScheduler scheduler;
    private final rxlsp.analysis.ConfigurationContext configurations;
    private final rxlsp.analysis.CatalogSource catalogs = new rxlsp.analysis.CatalogSource();
    private volatile String lastCatalogProblem;

    /** The catalogue for the user's settings; a docs file that cannot be used is reported once per change. */
    private rxlsp.mcl.catalog.Catalog catalogFor(rxlsp.mcl.Dialect dialect) {
        rxlsp.analysis.CatalogSource.Loaded loaded = catalogs.catalogFor(dialect, settings.catalog());
        String problem = loaded.problem().orElse(null);
        if (problem != null && !problem.equals(lastCatalogProblem)) {
            logError("rx-lsp: " + problem + "; using the built-in catalogue");
        }
        lastCatalogProblem = problem;
        return loaded.catalog();
    }
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private volatile LanguageClient client;
    private volatile ServerSettings settings = ServerSettings.DEFAULT;
    /** The client's last settings, applied on top of the workspace's rx-lsp.toml. */
    private volatile Object clientSettings;
    private final ProjectConfigWatch projectConfig = new ProjectConfigWatch(this::logError);
    private volatile boolean watchesFiles;
    private volatile Positions positions = new Positions(PositionEncoding.UTF16);
    private volatile boolean initializeReceived;
    private volatile boolean shutdownRequested;

    private final ProblemLog problems;
    private final Requests requests = new Requests(this);
    private final Locations locations = new Locations(this);
    private volatile boolean markdownHover = true;
    private volatile boolean snippets;
    private volatile boolean createFiles;

    public RxLanguageServer() {
        this(new ProblemLog(System.err));
    }

    RxLanguageServer(ProblemLog problems) {
        this.problems = problems;
        int threads = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        configurations = new rxlsp.analysis.ConfigurationContext(workspace.files(), workspace::roots, workspace::openNixFiles,
                () -> settings.nixVersion());
        scheduler = new AnalysisScheduler(threads, this::publish, this::clearDiagnostics, this::logError, () -> settings.mclDialect(),
                () -> new rxlsp.analysis.DocumentAnalyzer(configurations), this::catalogFor);
    }

    @Override
    public void connect(LanguageClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        if (shutdownRequested) {
            throw shutDown();
        }
        if (initializeReceived) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, "initialize was already received", null));
        }
        initializeReceived = true;
        PositionEncoding encoding = negotiate(params);
        positions = new Positions(encoding);
        addRoots(params);
        projectConfig.setRoots(workspace.roots());
        clientSettings = params.getInitializationOptions();
        settings = ServerSettings.from(clientSettings, ServerSettings.of(projectConfig.current()), this::logError);
        var watched = params.getCapabilities() == null || params.getCapabilities().getWorkspace() == null ? null
                : params.getCapabilities().getWorkspace().getDidChangeWatchedFiles();
        watchesFiles = watched != null && Boolean.TRUE.equals(watched.getDynamicRegistration());
        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        caps.setPositionEncoding(encoding.lspName());
        Capabilities.declare(caps);
        markdownHover = Capabilities.clientReadsMarkdownHover(params.getCapabilities());
        snippets = Capabilities.clientTakesSnippets(params.getCapabilities());
        createFiles = Capabilities.clientCreatesFiles(params.getCapabilities());
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("rx-lsp", version())));
    }

    /** UTF-16 unless the client offers UTF-8, which it then prefers (no conversion on its side). */
    private static PositionEncoding negotiate(InitializeParams params) {
        var caps = params.getCapabilities();
        List<String> offered = caps == null || caps.getGeneral() == null ? null : caps.getGeneral().getPositionEncodings();
        if (offered != null && offered.stream().anyMatch(e -> e.equalsIgnoreCase(PositionEncoding.UTF8.lspName()))) {
            return PositionEncoding.UTF8;
        }
        return PositionEncoding.UTF16;
    }

    @SuppressWarnings("deprecation") // rootUri is still what many clients send
    private void addRoots(InitializeParams params) {
        List<WorkspaceFolder> folders = params.getWorkspaceFolders();
        if (folders != null && !folders.isEmpty()) {
            folders.forEach(f -> addRoot(f.getUri()));
        } else if (params.getRootUri() != null) {
            addRoot(params.getRootUri());
        }
    }

    private void addRoot(String uri) {
        try {
            workspace.addRoot(Path.of(URI.create(uri)));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            logError("rx-lsp: ignoring workspace folder " + uri + ": " + e.getMessage());
        }
    }

    @Override
    public void initialized(InitializedParams params) {
        LanguageClient c = client;
        if (c != null && watchesFiles) { // so that an edited rx-lsp.toml applies at once
            var options = new org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions(List.of(
                    new org.eclipse.lsp4j.FileSystemWatcher(org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(ProjectConfigWatch.GLOB))));
            c.registerCapability(new org.eclipse.lsp4j.RegistrationParams(List.of(new org.eclipse.lsp4j.Registration(
                    "rx-lsp-config", "workspace/didChangeWatchedFiles", options))));
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        if (!initializeReceived) {
            throw new ResponseErrorException(new ResponseError(ResponseErrorCode.ServerNotInitialized, "server not initialized", null));
        }
        shutdownRequested = true;
        scheduler.close();
        requests.close();
        configurations.close();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exitCode.complete(shutdownRequested ? 0 : 1);
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspaceService;
    }

    /** rx-lsp's own requests ({@code rx/…}), outside the LSP specification. */
    @JsonDelegate
    public RxRequests rxRequests() {
        return renderedProgram;
    }

    /** Completes with the process exit status once the client sent {@code exit}. */
    public CompletableFuture<Integer> exitCode() {
        return exitCode;
    }

    Workspace workspace() {
        return workspace;
    }

    AnalysisScheduler scheduler() {
        if (shutdownRequested) {
            throw shutDown();
        }
        return scheduler;
    }

    boolean initializeReceived() {
        return initializeReceived;
    }

    boolean shutdownRequested() {
        return shutdownRequested;
    }

    /**
     * A change to an open document could not be applied (its content did not fit LSP's types, its
     * positions lay outside the text, its version went backwards): from now on the server cannot know
     * the editor's text, so it says so once and publishes nothing for the document (its diagnostics
     * are cleared) until the editor sends the whole text again.
     */
    void changeLost(String uri, String why) {
        workspace.get(uri).ifPresent(doc -> {
            if (doc.markOutOfStep()) {
                problems.problem("rx-lsp: " + uri + ": " + why + "; its diagnostics are cleared until the editor sends its whole text again");
            }
            if (acceptsNotifications()) {
                scheduler.request(uri);
            }
        });
    }

    void changeLost(String uri) {
        changeLost(uri, "a change could not be read");
    }

    /** One line on stderr (rate-limited): protocol problems that are the client's, not the user's. */
    void problem(String message) {
        problems.problem(message);
    }

    /**
     * Whether document notifications are to be handled: LSP has the server drop notifications that
     * come before {@code initialize}, and after {@code shutdown} there is nothing to do with them.
     */
    boolean acceptsNotifications() {
        return initializeReceived && !shutdownRequested;
    }

    private static ResponseErrorException shutDown() {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, "server is shut down", null));
    }

    /** Applies changed settings and re-analyses the open documents with them. */
    void changeSettings(Object json) {
        clientSettings = json;
        applySettings();
    }

    /** Reads the workspace's rx-lsp.toml again if it changed (a watched file event, a document opened or saved). */
    void refreshProjectConfig() {
        if (projectConfig.refresh()) {
            applySettings();
        }
    }

    private void applySettings() {
        ServerSettings next = ServerSettings.from(clientSettings, ServerSettings.of(projectConfig.current()), this::logError);
        if (!next.equals(settings)) {
            settings = next;
            scheduler.requestAll();
        }
    }

    /** The user's {@code nixVersion} setting. */
    rxlsp.embed.NixVersion nixVersion() {
        return settings.nixVersion();
    }

    Positions positions() {
        return positions;
    }

    /** The MCL dialect the user chose, or that it is chosen per program. */
    rxlsp.analysis.DialectChoice mclDialect() {
        return settings.mclDialect();
    }

    /** The documents whose chosen dialect was announced, with the dialect announced. */
    private final java.util.Map<String, rxlsp.mcl.Dialect> announcedDialects = new java.util.concurrent.ConcurrentHashMap<>();

    /** Says once per document and dialect when rx-lsp chose a dialect other than the default. */
    private void announceDialect(DocumentModel model, LanguageClient c) {
        if (!settings.mclDialect().automatic() || model.units().isEmpty()) {
            return;
        }
        rxlsp.mcl.Dialect d = model.units().get(0).dialect();
        rxlsp.mcl.Dialect before = announcedDialects.put(model.uri(), d);
        if (d != rxlsp.analysis.DialectChoice.DEFAULT && d != before) {
            c.logMessage(new MessageParams(MessageType.Info, "rx-lsp: " + model.uri() + ": MCL read as "
                    + rxlsp.analysis.DialectChoice.describe(d) + " (it parses only there); the setting rx.mgmtVersion chooses"));
        }
    }

    private void publish(DocumentModel model) {
        LanguageClient c = client;
        if (c != null && !shutdownRequested) { // an analysis that was running when shutdown came
            announceDialect(model, c);
            var diagnostics = DiagnosticConverter.convert(model, shown(model), positions, locations);
            c.publishDiagnostics(new PublishDiagnosticsParams(model.uri(), diagnostics, model.version()));
        }
    }

    /** The diagnostics the project's configuration lets through (rx-lsp.toml: excludes, scope, severities, suppressions). */
    private List<rxlsp.text.Diagnostic> shown(DocumentModel model) {
        ServerSettings s = settings;
        if (model.path() != null && s.excludes().excludes(model.path())) {
            return List.of();
        }
        return s.policy().apply(model.kind(), model.lines(), model.diagnostics());
    }

    SymbolHandler symbols() {
        return documents.symbols();
    }

    Requests requests() {
        return requests;
    }

    Locations locations() {
        return locations;
    }

    /** Whether completion may insert snippets (the client said so). */
    boolean clientSupportsSnippets() {
        return snippets;
    }

    /** Whether workspace edits may create files (the client accepts the create resource operation). */
    boolean clientCreatesFiles() {
        return createFiles;
    }

    /** Whether the user turned inlay hints on. */
    boolean inlayHintsOn() {
        return settings.inlayHints();
    }

    /** The MCL dialect the user's settings choose (or a choice per program). */
    rxlsp.analysis.DialectChoice settingsDialect() {
        return settings.mclDialect();
    }

    /** The catalogue of a dialect, with the user's mgmt docs on top when configured. */
    rxlsp.mcl.catalog.Catalog catalogOf(rxlsp.mcl.Dialect dialect) {
        return catalogFor(dialect);
    }

    /** Whether hover content goes out as Markdown (the client said it reads it, or said nothing). */
    boolean clientSupportsMarkdownHover() {
        return markdownHover;
    }

    void clearDiagnostics(String uri) {
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    private void logError(String message) {
        LanguageClient c = client;
        if (c != null) {
            c.logMessage(new MessageParams(MessageType.Error, message));
        } else {
            System.err.println(message);
        }
    }

    /** rx-lsp's version, as the build wrote it into {@code rxlsp/version.properties}. */
    public static String version() {
        var props = new java.util.Properties();
        try (var in = RxLanguageServer.class.getResourceAsStream("/rxlsp/version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (java.io.IOException e) {
            return "unknown";
        }
        return props.getProperty("version", "unknown");
    }
}
