package rxlsp.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.function.Consumer;
import rxlsp.mcl.Dialect;

/**
 * The user's settings, from {@code initializationOptions} or {@code workspace/didChangeConfiguration}:
 * {@code {"rx": {"mgmtVersion": "1.0"}}} (the {@code rx} section may also be given bare). The mgmt
 * version chooses the MCL dialect, as {@code rx-lsp check --mgmt-version} does.
 */
record ServerSettings(Dialect mclDialect) {
    static final ServerSettings DEFAULT = new ServerSettings(Dialect.MGMT_1_1);

    /** The settings {@code json} describes on top of {@code current}; problems go to {@code warn}. */
    static ServerSettings from(Object json, ServerSettings current, Consumer<String> warn) {
        Optional<JsonObject> section = section(json);
        if (section.isEmpty()) {
            return current;
        }
        JsonElement version = section.get().get("mgmtVersion");
        if (version == null || !version.isJsonPrimitive()) {
            return current;
        }
        Optional<Dialect> dialect = Dialect.forMgmtVersion(version.getAsString());
        if (dialect.isEmpty()) {
            warn.accept("rx-lsp: unknown mgmtVersion `" + version.getAsString() + "` (expected 1.0 or 1.1); keeping "
                    + current.mclDialect());
            return current;
        }
        return new ServerSettings(dialect.get());
    }

    private static Optional<JsonObject> section(Object json) {
        if (!(json instanceof JsonObject object)) {
            return Optional.empty();
        }
        JsonElement rx = object.get("rx");
        return Optional.of(rx != null && rx.isJsonObject() ? rx.getAsJsonObject() : object);
    }
}
