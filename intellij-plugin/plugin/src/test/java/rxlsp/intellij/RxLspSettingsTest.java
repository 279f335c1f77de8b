package rxlsp.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        RxLspSettings custom = new RxLspSettings(" /opt/jdk-25 ", "1.0", "~/mgmt.json", "2.8");
        custom.save(store);
        assertEquals(new RxLspSettings("/opt/jdk-25", "1.0", "~/mgmt.json", "2.8"), RxLspSettings.load(store));
    }

    @Test
    void unknownStoredValuesMeanTheDefaults() {
        MapStore store = new MapStore();
        store.values.put("rx-lsp.mgmtVersion", "0.9");
        store.values.put("rx-lsp.nixVersion", "3.0");
        RxLspSettings settings = RxLspSettings.load(store);
        assertEquals("auto", settings.mgmtVersion());
        assertEquals("current", settings.nixVersion());
    }

    @Test
    void initializationOptionsHaveTheServersShape() {
        Gson gson = new Gson();
        assertEquals("{\"rx\":{\"mgmtVersion\":\"1.0\",\"mgmtDocs\":\"/d.json\",\"nixVersion\":\"2.8\"}}",
                gson.toJson(new RxLspSettings("", "1.0", "/d.json", "2.8").initializationOptions()));
        assertEquals("{\"rx\":{\"mgmtVersion\":\"auto\",\"nixVersion\":\"current\"}}",
                gson.toJson(RxLspSettings.DEFAULT.initializationOptions()));
    }
}
