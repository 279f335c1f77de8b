package rxlsp.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLayoutTest {
    @TempDir
    Path dir;

    @Test
    void theInstalledPluginFolderIsTheGrandparentOfTheLibJar() throws Exception {
        Path home = dir.resolve("IntelliJ Idea 2025.2").resolve("plugins").resolve("rx-lsp-intellij");
        URL resource = URI.create("jar:" + home.resolve("lib").resolve("rx-lsp-intellij.jar").toUri()
                + "!/rxlsp/intellij/PluginLayout.class").toURL();
        PluginLayout layout = PluginLayout.fromClassResource(resource);
        assertEquals(home, layout.home());
        assertEquals(home.resolve("server").resolve("rx-lsp.jar"), layout.serverJar());
        assertEquals(home.resolve("textmate").resolve("mcl"), layout.mclBundle());
    }

    @Test
    void classesOutsideAPluginJarAreReportedNotGuessed() throws Exception {
        URL classes = dir.resolve("classes/rxlsp/intellij/PluginLayout.class").toUri().toURL();
        String message = assertThrows(PluginLayout.PluginLayoutException.class, () -> PluginLayout.fromClassResource(classes))
                .getMessage();
        assertTrue(message.contains("not loaded from the plugin's lib/ jar"), message);
        URL stray = URI.create("jar:" + dir.resolve("x.jar").toUri() + "!/rxlsp/intellij/PluginLayout.class").toURL();
        assertThrows(PluginLayout.PluginLayoutException.class, () -> PluginLayout.fromClassResource(stray));
        assertThrows(PluginLayout.PluginLayoutException.class, () -> PluginLayout.fromClassResource(null));
    }
}
