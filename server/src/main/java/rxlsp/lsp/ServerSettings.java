package rxlsp.lsp;

import rxlsp.analysis.CatalogSource;
import rxlsp.analysis.DialectChoice;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import rxlsp.config.DiagnosticPolicy;
import rxlsp.config.DiagnosticsScope;
import rxlsp.config.PathExcludes;
import rxlsp.config.ProjectConfig;
import rxlsp.embed.NixVersion;
import rxlsp.mcl.Dialect;

/**
 * The user's settings, from {@code initializationOptions} or {@code workspace/didChangeConfiguration}:
 * {@code {"rx": {"mgmtVersion": "1.0"}}} (the {@code rx} section may also be given bare). The mgmt
 * version chooses the MCL dialect, as {@code rx-lsp check --mgmt-version} does ({@code auto}, the
 * default, reads each program in the dialect it parses in); {@code diagnosticsScope} ({@code all} or
 * {@code embedded}) which diagnostics are published on Nix files; {@code nixVersion} ({@code 2.8} or
 * {@code current}) the Nix whose JSON shapes rendered floats, as {@code --nix-version} does. The workspace's {@code rx-lsp.toml}
 * gives the starting values ({@link #of}); the client's settings override them.
 */
record ServerSettings(DialectChoice mclDialect, CatalogSource.Settings catalog, boolean inlayHints, DiagnosticPolicy policy,
                      PathExcludes excludes, NixVersion nixVersion) {
    static final ServerSettings DEFAULT = of(ProjectConfig.NONE);

    /** The settings a project's {@code rx-lsp.toml} gives; the client's settings go on top of them. */
    static ServerSettings of(ProjectConfig project) {
        return new ServerSettings(project.mclDialect().map(DialectChoice::of).orElseGet(DialectChoice::auto),
                project.mgmtDocs().map(p -> new CatalogSource.Settings(p, false)).orElse(CatalogSource.Settings.NONE),
                false, project.policy(), project.excludes(), project.nixVersion().orElse(NixVersion.CURRENT));
    }

    /** The settings {@code json} describes on top of {@code current}; problems go to {@code warn}. */
    static ServerSettings from(Object json, ServerSettings current, Consumer<String> warn) {
        Optional<JsonObject> section = section(json);
        if (section.isEmpty()) {
            return current;
        }
        JsonObject rx = section.get();
        DiagnosticsScope scope = choice(rx, "diagnosticsScope", DiagnosticsScope::parse, "all or embedded",
                current.policy().scope(), DiagnosticsScope::value, warn);
        return new ServerSettings(
                choice(rx, "mgmtVersion", ServerSettings::dialect, Dialect.ACCEPTED_VERSIONS + ", or auto", current.mclDialect(),
                        c -> c.automatic() ? "auto" : String.valueOf(c.fixed()), warn),
                catalog(rx, current, warn),
                inlayHints(rx, current),
                new DiagnosticPolicy(scope, current.policy().severities()),
                current.excludes(),
                choice(rx, "nixVersion", NixVersion::forSetting, NixVersion.EXPECTED, current.nixVersion(),
                        NixVersion::setting, warn));
    }

    /**
     * A setting with a few known values: {@code current} when absent, and also when unknown (then
     * {@code warn} says so, naming the {@code expected} values and the one kept).
     */
    private static <T> T choice(JsonObject section, String name, Function<String, Optional<T>> parse, String expected,
                                T current, Function<T, String> show, Consumer<String> warn) {
        JsonElement value = section.get(name);
        if (value == null || !value.isJsonPrimitive()) {
            return current;
        }
        Optional<T> known = parse.apply(value.getAsString());
        if (known.isEmpty()) {
            warn.accept("rx-lsp: unknown " + name + " `" + value.getAsString() + "` (expected " + expected + "); keeping "
                    + show.apply(current));
            return current;
        }
        return known.get();
    }

    /** {@code mgmtVersion}: {@code 1.0} or {@code 1.1}, or {@code auto} / empty for a choice per program. */
    private static Optional<DialectChoice> dialect(String value) {
        if (value.isBlank() || value.equals("auto")) {
            return Optional.of(DialectChoice.auto());
        }
        return Dialect.forMgmtVersion(value).map(DialectChoice::of);
    }

    /**
     * {@code mgmtDocs}: a path to {@code mgmt docs generate} JSON (empty: none); {@code runMgmtDocs}: run it (opt-in).
     * Each one absent keeps {@code current}'s, so that turning on {@code runMgmtDocs} alone does not drop the
     * {@code mgmt-docs} of {@code rx-lsp.toml}.
     */
    private static CatalogSource.Settings catalog(JsonObject section, ServerSettings current, Consumer<String> warn) {
        JsonElement docs = section.get("mgmtDocs");
        JsonElement run = section.get("runMgmtDocs");
        java.nio.file.Path path = current.catalog().mgmtDocs();
        if (docs != null) {
            path = null;
            if (docs.isJsonPrimitive() && !docs.getAsString().isBlank()) {
                try {
                    path = java.nio.file.Path.of(docs.getAsString().replaceFirst("^~(?=/|$)", System.getProperty("user.home")));
                } catch (java.nio.file.InvalidPathException e) {
                    warn.accept("rx-lsp: mgmtDocs `" + docs.getAsString() + "` is not a path: " + e.getMessage());
                }
            }
        }
        boolean runIt = run == null ? current.catalog().runMgmtDocs()
                : run.isJsonPrimitive() && run.getAsJsonPrimitive().isBoolean() && run.getAsBoolean();
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
