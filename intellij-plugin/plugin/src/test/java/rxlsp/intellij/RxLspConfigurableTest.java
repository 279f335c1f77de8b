package rxlsp.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rxlsp.intellij.FakeJdks.jdk;
import static rxlsp.intellij.FakeJdks.machine;

import com.intellij.openapi.options.ConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings page, driven through its Swing fields (lightweight components need no display). */
class RxLspConfigurableTest {
    @TempDir
    Path dir;

    @Test
    void editsApplyAndAJdkSettingThatCannotRunTheServerIsRefused() throws Exception {
        RxLspSettingsTest.MapStore store = new RxLspSettingsTest.MapStore();
        Path old = jdk(dir.resolve("jdk-17"), "17");
        Path good = jdk(dir.resolve("jdk-25"), "25");
        int[] restarts = {0};
        RxLspConfigurable page = new RxLspConfigurable(store, machine(dir.resolve("jbr"), 21, Map.of(), List.of()),
                () -> restarts[0]++);
        page.createComponent();
        RxLspConfigurable.Form form = formOf(page);
        assertFalse(page.isModified());
        assertTrue(form.jdkInUse.getText().contains("rx-lsp needs Java 22"), form.jdkInUse.getText());
        // Nothing set at first: each choice shows that rx-lsp.toml, else the server's default, counts.
        for (var box : List.of(form.mgmtVersion, form.nixVersion, form.diagnosticsScope)) {
            assertEquals(RxLspSettings.NOT_SET, box.getSelectedItem());
        }
        assertEquals("not set: rx-lsp.toml's nix-version, else current", shown(form.nixVersion));
        form.nixVersion.setSelectedItem("2.8");
        assertEquals("2.8", shown(form.nixVersion));
        form.nixVersion.setSelectedItem(RxLspSettings.NOT_SET);

        form.jdkHome.setText(old.toString());
        form.mgmtVersion.setSelectedItem("1.0");
        assertTrue(page.isModified());
        String refused = assertThrows(ConfigurationException.class, page::apply).getMessage();
        assertTrue(refused.contains("is Java 17"), refused);
        assertTrue(store.values.isEmpty(), "nothing is saved when apply refuses: " + store.values);
        assertEquals(0, restarts[0]);

        form.jdkHome.setText(good.toString());
        form.diagnosticsScope.setSelectedItem("embedded");
        form.inlayHints.setSelected(true);
        page.apply();
        assertEquals(new RxLspSettings(good.toString(), "1.0", "", "", "embedded", true), RxLspSettings.load(store));
        assertFalse(page.isModified());
        assertTrue(form.jdkInUse.getText().startsWith("Uses Java 25 at " + good), form.jdkInUse.getText());
        assertEquals(1, restarts[0], "a change restarts the server, which reads the settings when it starts");
        page.apply();
        assertEquals(1, restarts[0], "Apply without a change leaves the server alone");

        form.mgmtDocs.setText("/x.json");
        form.inlayHints.setSelected(false);
        assertTrue(page.isModified(), "the inlay hints check box is part of the settings");
        page.reset();
        assertEquals("", form.mgmtDocs.getText());
        assertTrue(form.inlayHints.isSelected());
        assertEquals("embedded", form.diagnosticsScope.getSelectedItem());
        assertEquals("rx-lsp", page.getDisplayName());
    }

    /** The text the combo box shows for its selected item. */
    private static String shown(javax.swing.JComboBox<String> box) {
        var cell = box.getRenderer().getListCellRendererComponent(new javax.swing.JList<String>(),
                (String) box.getSelectedItem(), -1, false, false);
        return ((javax.swing.JLabel) cell).getText();
    }

    private static RxLspConfigurable.Form formOf(RxLspConfigurable page) throws Exception {
        var field = RxLspConfigurable.class.getDeclaredField("form");
        field.setAccessible(true);
        return (RxLspConfigurable.Form) field.get(page);
    }
}
