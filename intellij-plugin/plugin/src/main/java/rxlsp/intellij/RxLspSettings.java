package rxlsp.intellij;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugin's settings: the JDK folder for the server (blank: search) and the server settings it passes as
 * {@code initializationOptions} in the server's shape, {@code {"rx": {"mgmtVersion": …, "mgmtDocs": …,
 * "nixVersion": …, "diagnosticsScope": …, "inlayHints": …}}} (see the server's {@code rxlsp.lsp.ServerSettings}).
 * Each server setting may be left unset ({@link #NOT_SET}, the default) and is then not sent: the server lays the
 * client's settings over the project's {@code rx-lsp.toml}, so a default sent as if chosen would override the
 * repository's file.
 */
record RxLspSettings(String jdkHome, String mgmtVersion, String mgmtDocs, String nixVersion, String diagnosticsScope,
                     boolean inlayHints) {
    /** A choice the user did not make: {@code rx-lsp.toml}'s value counts, else the server's default. */
    static final String NOT_SET = "";
    /** {@code auto}: the server reads each program in the dialect it parses in. */
    static final List<String> MGMT_VERSIONS = List.of(NOT_SET, "auto", "1.1", "1.0");
    static final List<String> NIX_VERSIONS = List.of(NOT_SET, "current", "2.8");
    /** {@code embedded}: in {@code .nix} files only the MCL and rx.nix diagnostics, beside a Nix plugin's own. */
    static final List<String> DIAGNOSTICS_SCOPES = List.of(NOT_SET, "all", "embedded");
    /**
     * Nothing set. Inlay hints (inferred MCL types) are off unless turned on, as in the server; {@code rx-lsp.toml}
     * has no key for them, so off is not sent.
     */
    static final RxLspSettings DEFAULT = new RxLspSettings("", NOT_SET, "", NOT_SET, NOT_SET, false);

    static final String SECTION = "rx";
    static final String MGMT_VERSION = "mgmtVersion";
    static final String MGMT_DOCS = "mgmtDocs";
    static final String NIX_VERSION = "nixVersion";
    static final String DIAGNOSTICS_SCOPE = "diagnosticsScope";
    static final String INLAY_HINTS = "inlayHints";

    /** Keys in the IDE's application-wide properties. */
    private static final String KEY_PREFIX = "rx-lsp.";
    private static final String JDK_HOME = "jdkHome";

    RxLspSettings {
        jdkHome = jdkHome == null ? "" : jdkHome.trim();
        mgmtDocs = mgmtDocs == null ? "" : mgmtDocs.trim();
        // An unknown or missing value (a first start, a hand-edited options file) means not set.
        mgmtVersion = known(mgmtVersion, MGMT_VERSIONS);
        nixVersion = known(nixVersion, NIX_VERSIONS);
        diagnosticsScope = known(diagnosticsScope, DIAGNOSTICS_SCOPES);
    }

    /** The value when it is one of {@code values}, else {@link #NOT_SET}. */
    private static String known(String value, List<String> values) {
        return value != null && values.contains(value) ? value : NOT_SET;
    }

    /** The {@code initializationOptions} object: only the settings the user set. */
    Map<String, Object> initializationOptions() {
        Map<String, Object> rx = new LinkedHashMap<>();
        putIfSet(rx, MGMT_VERSION, mgmtVersion);
        putIfSet(rx, MGMT_DOCS, mgmtDocs);
        putIfSet(rx, NIX_VERSION, nixVersion);
        putIfSet(rx, DIAGNOSTICS_SCOPE, diagnosticsScope);
        if (inlayHints) {
            rx.put(INLAY_HINTS, true);
        }
        return Map.of(SECTION, Collections.unmodifiableMap(rx));
    }

    private static void putIfSet(Map<String, Object> rx, String key, String value) {
        if (!value.equals(NOT_SET)) {
            rx.put(key, value);
        }
    }

    static RxLspSettings load(Store store) {
        return new RxLspSettings(store.get(KEY_PREFIX + JDK_HOME), store.get(KEY_PREFIX + MGMT_VERSION),
                store.get(KEY_PREFIX + MGMT_DOCS), store.get(KEY_PREFIX + NIX_VERSION),
                store.get(KEY_PREFIX + DIAGNOSTICS_SCOPE), Boolean.parseBoolean(store.get(KEY_PREFIX + INLAY_HINTS)));
    }

    void save(Store store) {
        store.set(KEY_PREFIX + JDK_HOME, jdkHome, DEFAULT.jdkHome);
        store.set(KEY_PREFIX + MGMT_VERSION, mgmtVersion, DEFAULT.mgmtVersion);
        store.set(KEY_PREFIX + MGMT_DOCS, mgmtDocs, DEFAULT.mgmtDocs);
        store.set(KEY_PREFIX + NIX_VERSION, nixVersion, DEFAULT.nixVersion);
        store.set(KEY_PREFIX + DIAGNOSTICS_SCOPE, diagnosticsScope, DEFAULT.diagnosticsScope);
        store.set(KEY_PREFIX + INLAY_HINTS, Boolean.toString(inlayHints), Boolean.toString(DEFAULT.inlayHints));
    }

    /** Where settings are kept: the IDE's properties in the plugin, a map in tests. */
    interface Store {
        /** The value, or null when unset. */
        String get(String key);

        /** Stores the value, or unsets it when it equals the default. */
        void set(String key, String value, String defaultValue);
    }
}
