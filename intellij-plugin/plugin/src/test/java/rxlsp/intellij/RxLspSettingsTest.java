package rxlsp.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class RxLspSettingsTest {
    /** PropertiesComponent's contract: a value equal to its default is unset. */
    static final class MapStore implements RxLspSettings.Store {
        final Map<String, String> values = new HashMap<>();

        @Override
        public String get(String key) {
            return values.get(key);
        }

        @Override
        public void set(String key, String value, String defaultValue) {
            if (Objects.equals(value, defaultValue)) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
        }
    }

    @Test
    void savedSettingsLoadBackAndDefaultsLeaveNothingStored() {
        MapStore store = new MapStore();
        assertEquals(RxLspSettings.DEFAULT, RxLspSettings.load(store));
        RxLspSettings.DEFAULT.save(store);
        assertTrue(store.values.isEmpty(), store.values.toString());
        RxLspSettings custom = new RxLspSettings(" /opt/jdk-25 ", "1.0", "~/mgmt.json", "2.8", "embedded", true);
        custom.save(store);
        assertEquals(Map.of("rx-lsp.jdkHome", "/opt/jdk-25", "rx-lsp.mgmtVersion", "1.0", "rx-lsp.mgmtDocs", "~/mgmt.json",
                "rx-lsp.nixVersion", "2.8", "rx-lsp.diagnosticsScope", "embedded", "rx-lsp.inlayHints", "true"), store.values);
        assertEquals(new RxLspSettings("/opt/jdk-25", "1.0", "~/mgmt.json", "2.8", "embedded", true), RxLspSettings.load(store));
    }

    @Test
    void unknownStoredValuesMeanNotSet() {
        MapStore store = new MapStore();
        store.values.put("rx-lsp.mgmtVersion", "0.9");
        store.values.put("rx-lsp.nixVersion", "3.0");
        store.values.put("rx-lsp.diagnosticsScope", "nix-only");
        store.values.put("rx-lsp.inlayHints", "yes");
        RxLspSettings settings = RxLspSettings.load(store);
        assertEquals(RxLspSettings.DEFAULT, settings);
        assertEquals("", settings.mgmtVersion());
        assertFalse(settings.inlayHints());
    }

    @Test
    void choicesStoredBeforeNotSetExistedKeepTheirMeaning() {
        // Earlier versions stored only a choice other than the then default (auto, current, all): what was stored
        // was chosen, what was not is now not set.
        MapStore store = new MapStore();
        store.values.put("rx-lsp.nixVersion", "2.8");
        assertEquals(new RxLspSettings("", "", "", "2.8", "", false), RxLspSettings.load(store));
    }

    @Test
    void initializationOptionsHaveTheServersShapeAndOnlyWhatWasSet() {
        Gson gson = new Gson();
        assertEquals("{\"rx\":{\"mgmtVersion\":\"1.0\",\"mgmtDocs\":\"/d.json\",\"nixVersion\":\"2.8\","
                        + "\"diagnosticsScope\":\"embedded\",\"inlayHints\":true}}",
                gson.toJson(new RxLspSettings("", "1.0", "/d.json", "2.8", "embedded", true).initializationOptions()));
        // Nothing set, nothing sent: the project's rx-lsp.toml (or the server's default) is not overridden.
        assertEquals("{\"rx\":{}}", gson.toJson(RxLspSettings.DEFAULT.initializationOptions()));
        // A choice equal to the server's default is sent: the user chose it over rx-lsp.toml.
        assertEquals("{\"rx\":{\"mgmtVersion\":\"auto\",\"nixVersion\":\"current\",\"diagnosticsScope\":\"all\"}}",
                gson.toJson(new RxLspSettings("", "auto", "", "current", "all", false).initializationOptions()));
    }

    @Test
    void explicitChoicesAreStoredAndLoadBack() {
        MapStore store = new MapStore();
        RxLspSettings serverDefaults = new RxLspSettings("", "auto", "", "current", "all", false);
        serverDefaults.save(store);
        assertEquals(Map.of("rx-lsp.mgmtVersion", "auto", "rx-lsp.nixVersion", "current", "rx-lsp.diagnosticsScope", "all"),
                store.values);
        assertEquals(serverDefaults, RxLspSettings.load(store));
        RxLspSettings.DEFAULT.save(store);
        assertTrue(store.values.isEmpty(), "not set again is stored as absent: " + store.values);
    }
}
