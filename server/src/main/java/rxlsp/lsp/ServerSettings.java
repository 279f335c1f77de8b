package rxlsp.lsp;

import rxlsp.analysis.CatalogSource;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.function.Consumer;
import rxlsp.embed.NixVersion;
import rxlsp.mcl.Dialect;

/**
 * The user's settings, from {@code initializationOptions} or {@code workspace/didChangeConfiguration}:
 * {@code {"rx": {"mgmtVersion": "1.0"}}} (the {@code rx} section may also be given bare). The mgmt
 * version chooses the MCL dialect, as {@code rx-lsp check --mgmt-version} does; {@code nixVersion}
 * ({@code "2.8"} or {@code "current"}) the Nix whose JSON shapes rendered floats, as
 * {@code --nix-version} does.
 */
record ServerSettings(Dialect mclDialect, CatalogSource.Settings catalog, NixVersion nixVersion) {
    static final ServerSettings DEFAULT = new ServerSettings(Dialect.MGMT_1_1, CatalogSource.Settings.NONE,
            NixVersion.CURRENT);

    /** The settings {@code json} describes on top of {@code current}; problems go to {@code warn}. */
    static ServerSettings from(Object json, ServerSettings current, Consumer<String> warn) {
        Optional<JsonObject> section = section(json);
        if (section.isEmpty()) {
            return current;
        }
        JsonObject rx = section.get();
        return new ServerSettings(
                version(rx, "mgmtVersion", Dialect::forMgmtVersion, current.mclDialect(), "1.0 or 1.1", warn),
                catalog(rx, current, warn),
                version(rx, "nixVersion", NixVersion::forSetting, current.nixVersion(), "2.8 or current", warn));
    }

    /** A version setting: its value when it names one, else {@code current} (and a warning when it is unknown). */
    private static <T> T version(JsonObject section, String key, java.util.function.Function<String, Optional<T>> parse,
                                 T current, String expected, Consumer<String> warn) {
        JsonElement version = section.get(key);
        if (version == null || !version.isJsonPrimitive()) {
            return current;
        }
        Optional<T> parsed = parse.apply(version.getAsString());
        if (parsed.isEmpty()) {
            warn.accept("rx-lsp: unknown " + key + " `" + version.getAsString() + "` (expected " + expected
                    + "); keeping " + (current instanceof NixVersion n ? n.setting() : current));
        }
        return parsed.orElse(current);
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

    private static Optional<JsonObject> section(Object json) {
        if (!(json instanceof JsonObject object)) {
            return Optional.empty();
        }
        JsonElement rx = object.get("rx");
        return Optional.of(rx != null && rx.isJsonObject() ? rx.getAsJsonObject() : object);
    }
}
