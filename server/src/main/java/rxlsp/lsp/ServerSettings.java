package rxlsp.lsp;

import rxlsp.analysis.CatalogSource;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.function.Consumer;
import rxlsp.config.DiagnosticPolicy;
import rxlsp.config.DiagnosticsScope;
import rxlsp.config.PathExcludes;
import rxlsp.config.ProjectConfig;
import rxlsp.mcl.Dialect;

/**
 * The user's settings, from {@code initializationOptions} or {@code workspace/didChangeConfiguration}:
 * {@code {"rx": {"mgmtVersion": "1.0"}}} (the {@code rx} section may also be given bare). The mgmt
 * version chooses the MCL dialect, as {@code rx-lsp check --mgmt-version} does. The workspace's
 * {@code rx-lsp.toml} gives the starting values ({@link #of}); the client's settings override them.
 */
record ServerSettings(Dialect mclDialect, CatalogSource.Settings catalog, boolean inlayHints, DiagnosticPolicy policy,
                      PathExcludes excludes) {
    static final ServerSettings DEFAULT = of(ProjectConfig.NONE);

    /** The settings a project's {@code rx-lsp.toml} gives; the client's settings go on top of them. */
    static ServerSettings of(ProjectConfig project) {
        return new ServerSettings(project.mclDialect().orElse(Dialect.MGMT_1_1),
                project.mgmtDocs().map(p -> new CatalogSource.Settings(p, false)).orElse(CatalogSource.Settings.NONE),
                false, project.policy(), project.excludes());
    }

    /** The settings {@code json} describes on top of {@code current}; problems go to {@code warn}. */
    static ServerSettings from(Object json, ServerSettings current, Consumer<String> warn) {
        Optional<JsonObject> section = section(json);
        if (section.isEmpty()) {
            return current;
        }
        return new ServerSettings(dialect(section.get(), current, warn), catalog(section.get(), current, warn),
                inlayHints(section.get(), current), policy(section.get(), current, warn), current.excludes());
    }

    /** {@code diagnosticsScope}: {@code all}, or {@code embedded} (only MCL and rx.nix findings in .nix files). */
    private static DiagnosticPolicy policy(JsonObject section, ServerSettings current, Consumer<String> warn) {
        JsonElement scope = section.get("diagnosticsScope");
        if (scope == null || !scope.isJsonPrimitive()) {
            return current.policy();
        }
        Optional<DiagnosticsScope> parsed = DiagnosticsScope.parse(scope.getAsString());
        if (parsed.isEmpty()) {
            warn.accept("rx-lsp: diagnosticsScope `" + scope.getAsString() + "` is not all or embedded; keeping "
                    + current.policy().scope().value());
            return current.policy();
        }
        return new DiagnosticPolicy(parsed.get(), current.policy().severities());
    }

    private static Dialect dialect(JsonObject section, ServerSettings current, Consumer<String> warn) {
        JsonElement version = section.get("mgmtVersion");
        if (version == null || !version.isJsonPrimitive()) {
            return current.mclDialect();
        }
        Optional<Dialect> dialect = Dialect.forMgmtVersion(version.getAsString());
        if (dialect.isEmpty()) {
            warn.accept("rx-lsp: mgmtVersion: " + Dialect.whyNot(version.getAsString()) + "; keeping "
                    + current.mclDialect());
            return current.mclDialect();
        }
        return dialect.get();
    }

    /** {@code mgmtDocs}: a path to {@code mgmt docs generate} JSON; {@code runMgmtDocs}: run it (opt-in). */
    private static CatalogSource.Settings catalog(JsonObject section, ServerSettings current, Consumer<String> warn) {
        JsonElement docs = section.get("mgmtDocs");
        JsonElement run = section.get("runMgmtDocs");
        if (docs == null && run == null) {
            return current.catalog();
        }
        java.nio.file.Path path = null;
        if (docs != null && docs.isJsonPrimitive() && !docs.getAsString().isBlank()) {
            try {
                path = java.nio.file.Path.of(docs.getAsString().replaceFirst("^~(?=/|$)", System.getProperty("user.home")));
            } catch (java.nio.file.InvalidPathException e) {
                warn.accept("rx-lsp: mgmtDocs `" + docs.getAsString() + "` is not a path: " + e.getMessage());
            }
        }
        boolean runIt = run != null && run.isJsonPrimitive() && run.getAsJsonPrimitive().isBoolean() && run.getAsBoolean();
        return new CatalogSource.Settings(path, runIt);
    }

    /** {@code inlayHints}: show inferred MCL types inline (off unless turned on). */
    private static boolean inlayHints(JsonObject section, ServerSettings current) {
        JsonElement e = section.get("inlayHints");
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : current.inlayHints();
    }

    private static Optional<JsonObject> section(Object json) {
        if (!(json instanceof JsonObject object)) {
            return Optional.empty();
        }
        JsonElement rx = object.get("rx");
        return Optional.of(rx != null && rx.isJsonObject() ? rx.getAsJsonObject() : object);
    }
}
