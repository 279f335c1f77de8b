package rxlsp.intellij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.jetbrains.plugin.structure.base.plugin.PluginCreationResult;
import com.jetbrains.plugin.structure.base.plugin.PluginCreationSuccess;
import com.jetbrains.plugin.structure.intellij.plugin.IdePlugin;
import com.jetbrains.plugin.structure.intellij.plugin.IdePluginManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built plugin zip: its layout, JetBrains' own descriptor checker, and the bundled server started with the
 * factory's command line from the unpacked zip, as the IDE would install it.
 */
class PluginZipIT {
    private static final String ROOT = "rx-lsp-intellij/";
    private static final String LIB_JAR = ROOT + "lib/rx-lsp-intellij.jar";
    private static final String SERVER_JAR = ROOT + "server/rx-lsp.jar";
    private static Path zip;

    @BeforeAll
    static void locate() {
        zip = Path.of(System.getProperty("rx.pluginZip"));
        assertTrue(Files.isRegularFile(zip), "the plugin zip is built by `package`: " + zip);
    }

    @Test
    void structureIntellijAcceptsThePluginWithoutWarnings() {
        PluginCreationResult<IdePlugin> result = IdePluginManager.createManager().createPlugin(zip);
        PluginCreationSuccess<?> success = assertInstanceOf(PluginCreationSuccess.class, result, result.toString());
        assertEquals(List.of(), success.getWarnings());
        assertEquals(List.of(), success.getUnacceptableWarnings());
        IdePlugin plugin = (IdePlugin) success.getPlugin();
        assertEquals("io.github.rxlsp", plugin.getPluginId());
        assertFalse(plugin.getPluginVersion().contains("${"), plugin.getPluginVersion());
        assertEquals(242, plugin.getSinceBuild().getBaselineVersion());
        List<String> dependencies = new ArrayList<>();
        plugin.getDependencies().forEach(d -> dependencies.add(d.getId() + (d.isOptional() ? "?" : "")));
        assertEquals(List.of("com.intellij.modules.platform", "com.redhat.devtools.lsp4ij", "org.jetbrains.plugins.textmate?"),
                dependencies);
    }

    @Test
    void layoutBundlesTheServerJarOutsideTheClassPathAndNoLsp4j() throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<String> libJars = file.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith(ROOT + "lib/") && !n.endsWith("/")).toList();
            assertEquals(List.of(LIB_JAR), libJars, "the class path is the plugin's own jar only");
            try (InputStream bundled = file.getInputStream(file.getEntry(SERVER_JAR))) {
                assertArrayEquals(Files.readAllBytes(Path.of(System.getProperty("rx.serverJar"))), bundled.readAllBytes(),
                        "server/rx-lsp.jar is the jar the server module built");
            }
            assertTrue(file.getEntry(ROOT + "textmate/mcl/package.json") != null, "missing textmate/mcl/package.json");
            Path vscodeExtension = Path.of(System.getProperty("rx.projectRoot"), "vscode-extension");
            for (String part : List.of("language-configuration.json", "syntaxes/mcl.tmLanguage.json")) {
                ZipEntry entry = file.getEntry(ROOT + "textmate/mcl/" + part);
                assertTrue(entry != null, "missing textmate/mcl/" + part);
                try (InputStream bundled = file.getInputStream(entry)) {
                    assertArrayEquals(Files.readAllBytes(vscodeExtension.resolve(part)), bundled.readAllBytes(),
                            "textmate/mcl/" + part + " is the VS Code extension's (one MCL grammar for both editors)");
                }
            }
            TreeSet<String> libEntries = new TreeSet<>();
            try (JarInputStream jar = new JarInputStream(file.getInputStream(file.getEntry(LIB_JAR)))) {
                for (var entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                    libEntries.add(entry.getName());
                }
            }
            assertTrue(libEntries.contains("META-INF/plugin.xml") && libEntries.contains("META-INF/rx-lsp-textmate.xml"),
                    libEntries.toString());
            for (String entry : libEntries) {
                // Our classes and descriptors only: no lsp4j (LSP4IJ's must be the one loaded), no stubs.
                assertTrue(entry.startsWith("rxlsp/intellij/") || entry.startsWith("META-INF/") || entry.equals("rxlsp/"),
                        "unexpected entry on the plugin's class path: " + entry);
            }
        }
    }

    @Test
    void theFactorysCommandLineStartsTheBundledServerWithTheOptions(@TempDir Path ide) throws Exception {
        PluginLayout layout = new PluginLayout(unpack(ide.resolve("plugins")).resolve("rx-lsp-intellij"));
        Path mcl = Files.writeString(ide.resolve("list.mcl"), "$x = [1, 2]\n$y = $x\n");
        // `[1, 2]` lacks the trailing comma mgmt 1.0 needs and 1.1 does not: the option must reach the server.
        assertEquals(List.of("mcl-missing-comma"), diagnosticCodes(layout, mcl, new RxLspSettings("", "1.0", "", "current", "all", false)));
        assertEquals(List.of(), diagnosticCodes(layout, mcl, new RxLspSettings("", "1.1", "", "current", "all", false)));
        // Nix 2.8 writes this float with six significant digits, current Nix exactly: the Nix version reaches it too.
        Path nix = Files.writeString(ide.resolve("floats.nix"), "{\n  rx.res.test.t.float64 = 1.23456789;\n}\n");
        assertEquals(List.of("rx-float-precision"), diagnosticCodes(layout, nix, new RxLspSettings("", "auto", "", "2.8", "all", false)));
        assertEquals(List.of(), diagnosticCodes(layout, nix, new RxLspSettings("", "auto", "", "current", "all", false)));
        // diagnosticsScope `embedded` (beside a Nix plugin) drops the Nix finding on a .nix file and keeps the MCL one.
        Path scoped = Files.writeString(ide.resolve("scope.nix"),
                "{ ... }:\n{\n  rx.mcl.raw = [ \"$y = $nope\\n\" ];\n  networking.hostName = undefinedName;\n}\n");
        assertEquals(List.of("mcl-undefined-variable", "nix-undefined-variable"),
                diagnosticCodes(layout, scoped, new RxLspSettings("", "auto", "", "current", "all", false)));
        assertEquals(List.of("mcl-undefined-variable"),
                diagnosticCodes(layout, scoped, new RxLspSettings("", "auto", "", "current", "embedded", false)));
    }

    /**
     * A setting left unset is not sent, so the project's {@code rx-lsp.toml} stays in force; one set overrides it,
     * also when it is the server's own default.
     */
    @Test
    void unsetSettingsLeaveTheProjectsRxLspTomlInForce(@TempDir Path ide) throws Exception {
        PluginLayout layout = new PluginLayout(unpack(ide.resolve("plugins")).resolve("rx-lsp-intellij"));
        Path project = Files.createDirectories(ide.resolve("project"));
        Files.writeString(project.resolve("rx-lsp.toml"), "nix-version = \"2.8\"\n");
        Path nix = Files.writeString(project.resolve("floats.nix"), "{\n  rx.res.test.t.float64 = 1.23456789;\n}\n");
        assertEquals(List.of("rx-float-precision"), diagnosticCodes(layout, nix, RxLspSettings.DEFAULT));
        assertEquals(List.of(), diagnosticCodes(layout, nix, new RxLspSettings("", "", "", "current", "", false)));
    }

    /** {@code inlayHints} reaches the server as the boolean it reads: on, an unannotated variable gets its type. */
    @Test
    void inlayHintsAreTheServersOnlyWhenTurnedOn(@TempDir Path ide) throws Exception {
        PluginLayout layout = new PluginLayout(unpack(ide.resolve("plugins")).resolve("rx-lsp-intellij"));
        Path mcl = Files.writeString(ide.resolve("hints.mcl"), "$x = 1\n");
        assertEquals("[]", inlayHints(layout, mcl, RxLspSettings.DEFAULT));
        String hints = inlayHints(layout, mcl, new RxLspSettings("", "auto", "", "current", "all", true));
        assertTrue(hints.contains("\"label\":\" int\""), hints);
    }

    private static String inlayHints(PluginLayout layout, Path mcl, RxLspSettings settings) throws Exception {
        try (Session session = start(layout, mcl, settings)) {
            LspPipe server = session.server();
            String uri = open(server, mcl, "mcl");
            int request = server.request("textDocument/inlayHint", Map.of("textDocument", Map.of("uri", uri),
                    "range", Map.of("start", Map.of("line", 0, "character", 0), "end", Map.of("line", 1, "character", 0))));
            JsonObject answer = server.await(m -> m.has("id") && m.get("id").getAsInt() == request, Duration.ofSeconds(60));
            return String.valueOf(answer.get("result"));
        }
    }

    /**
     * What LSP4IJ turns into Reformat Code, folding and Extend Selection (its defaults, which the plugin leaves on): the
     * bundled server, started as the plugin starts it, announces them, and formats an untidy {@code .mcl} file.
     */
    @Test
    void theBundledServerOffersFormattingFoldingAndSelectionRanges(@TempDir Path ide) throws Exception {
        PluginLayout layout = new PluginLayout(unpack(ide.resolve("plugins")).resolve("rx-lsp-intellij"));
        Path mcl = Files.writeString(ide.resolve("untidy.mcl"), "$a=1\n");
        try (Session session = start(layout, mcl, RxLspSettings.DEFAULT)) {
            LspPipe server = session.server();
            JsonObject capabilities = session.capabilities();
            for (String provider : List.of("documentFormattingProvider", "documentRangeFormattingProvider",
                    "foldingRangeProvider", "selectionRangeProvider")) {
                assertTrue(capabilities.has(provider) && !capabilities.get(provider).toString().equals("false"),
                        provider + " in " + capabilities);
            }
            open(server, mcl, "mcl");
            int formatting = server.request("textDocument/formatting", Map.of("textDocument", Map.of("uri", mcl.toUri().toString()),
                    "options", Map.of("tabSize", 4, "insertSpaces", true)));
            JsonObject answer = server.await(m -> m.has("id") && m.get("id").getAsInt() == formatting, Duration.ofSeconds(60));
            assertEquals("[{\"range\":{\"start\":{\"line\":0,\"character\":2},\"end\":{\"line\":0,\"character\":3}},"
                    + "\"newText\":\" = \"}]", String.valueOf(answer.get("result")), answer.toString());
        }
    }

    private static List<String> diagnosticCodes(PluginLayout layout, Path file, RxLspSettings settings) throws Exception {
        try (Session session = start(layout, file, settings)) {
            LspPipe server = session.server();
            String uri = open(server, file, file.toString().endsWith(".nix") ? "nix" : "mcl");
            JsonObject published = server.await(m -> "textDocument/publishDiagnostics".equals(stringOf(m, "method"))
                    && uri.equals(m.getAsJsonObject("params").get("uri").getAsString()), Duration.ofSeconds(60));
            JsonArray diagnostics = published.getAsJsonObject("params").getAsJsonArray("diagnostics");
            List<String> codes = new ArrayList<>();
            diagnostics.forEach(d -> codes.add(d.getAsJsonObject().get("code").getAsString()));
            return codes;
        }
    }

    /** A server started and initialized, with the capabilities it announced. */
    private record Session(LspPipe server, JsonObject capabilities) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
        }
    }

    /** The server as the plugin starts it (the factory's command line and initializationOptions), initialized. */
    private static Session start(PluginLayout layout, Path file, RxLspSettings settings) throws Exception {
        ServerLaunch launch = ServerLaunch.resolve(settings, layout, Machine.current());
        LspPipe server = new LspPipe(new ProcessBuilder(launch.command()).start());
        String root = file.getParent().toUri().toString();
        int init = server.request("initialize", Map.of("processId", ProcessHandle.current().pid(), "rootUri", root,
                "capabilities", Map.of(), "initializationOptions", launch.initializationOptions()));
        JsonObject initialized = server.await(m -> m.has("id") && m.get("id").getAsInt() == init && m.has("result"),
                Duration.ofSeconds(60));
        server.notify("initialized", Map.of());
        return new Session(server, initialized.getAsJsonObject("result").getAsJsonObject("capabilities"));
    }

    private static String open(LspPipe server, Path file, String languageId) throws IOException {
        String uri = file.toUri().toString();
        server.notify("textDocument/didOpen", Map.of("textDocument", Map.of("uri", uri, "languageId", languageId,
                "version", 1, "text", Files.readString(file, StandardCharsets.UTF_8))));
        return uri;
    }

    private static String stringOf(JsonObject message, String member) {
        return message.has(member) ? message.get(member).getAsString() : null;
    }

    private static Path unpack(Path target) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                Path out = target.resolve(entry.getName()).normalize();
                assertTrue(out.startsWith(target), entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out);
                    }
                }
            }
        }
        return target;
    }
}
