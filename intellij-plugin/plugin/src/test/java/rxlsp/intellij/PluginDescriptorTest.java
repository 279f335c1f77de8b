package rxlsp.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.intellij.openapi.options.Configurable;
import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.LanguageServerFactory;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jetbrains.plugins.textmate.api.TextMateBundleProvider;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What structure-intellij does not check: the classes plugin.xml names exist, implement the extension's
 * interface and have the constructor the IDE calls, and the mappings name the server's id.
 */
class PluginDescriptorTest {
    private static final Path META_INF = Path.of("src/main/resources/META-INF");

    private static Element root(String file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(META_INF.resolve(file).toFile())
                .getDocumentElement();
    }

    private static List<Element> elements(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    @Test
    void theServerExtensionNamesTheFactoryAndTheMappingsNameTheServer() throws Exception {
        Element plugin = root("plugin.xml");
        Element server = elements(plugin, "server").getFirst();
        assertEquals(RxLspServerFactory.SERVER_ID, server.getAttribute("id"));
        Class<?> factory = Class.forName(server.getAttribute("factoryClass"));
        assertTrue(LanguageServerFactory.class.isAssignableFrom(factory));
        assertTrue(Modifier.isPublic(factory.getConstructor().getModifiers()), "LSP4IJ instantiates the factory");
        List<String> mappings = new ArrayList<>();
        for (Element mapping : elements(plugin, "fileNamePatternMapping")) {
            assertEquals(RxLspServerFactory.SERVER_ID, mapping.getAttribute("serverId"));
            mappings.add(mapping.getAttribute("patterns") + "=" + mapping.getAttribute("languageId"));
        }
        assertEquals(List.of("*.nix=nix", "*.mcl=mcl"), mappings);
    }

    @Test
    void theSettingsPageAndTheBundleProviderExistWithTheConstructorsTheIdeCalls() throws Exception {
        Element page = elements(root("plugin.xml"), "projectConfigurable").getFirst();
        Class<?> configurable = Class.forName(page.getAttribute("instance"));
        assertTrue(Configurable.class.isAssignableFrom(configurable));
        configurable.getConstructor(Project.class); // project pages get the project
        assertEquals(RxLspConfigurable.DISPLAY_NAME, page.getAttribute("displayName"));

        Element bundles = elements(root("rx-lsp-textmate.xml"), "textmate.bundleProvider").getFirst();
        Class<?> provider = Class.forName(bundles.getAttribute("implementation"));
        assertTrue(TextMateBundleProvider.class.isAssignableFrom(provider));
        provider.getConstructor();
    }
}
