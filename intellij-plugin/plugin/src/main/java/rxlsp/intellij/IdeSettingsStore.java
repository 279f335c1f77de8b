package rxlsp.intellij;

import com.intellij.ide.util.PropertiesComponent;

/** The plugin's settings in the IDE's application-wide properties. */
final class IdeSettingsStore implements RxLspSettings.Store {

    @Override
    public String get(String key) {
        return PropertiesComponent.getInstance().getValue(key);
    }

    @Override
    public void set(String key, String value, String defaultValue) {
        PropertiesComponent.getInstance().setValue(key, value, defaultValue);
    }
}
