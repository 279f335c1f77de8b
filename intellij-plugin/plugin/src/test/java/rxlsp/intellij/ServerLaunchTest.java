package rxlsp.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rxlsp.intellij.FakeJdks.jdk;
import static rxlsp.intellij.FakeJdks.machine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line the server factory starts, from the settings, the installed plugin and the machine. */
class ServerLaunchTest {
    @TempDir
    Path dir;

    private PluginLayout installedPlugin() throws Exception {
        PluginLayout layout = new PluginLayout(dir.resolve("plugins").resolve("rx-lsp-intellij"));
        Files.createDirectories(layout.serverJar().getParent());
        Files.writeString(layout.serverJar(), "jar");
        return layout;
    }

    @Test
    void commandLineRunsTheBundledJarOnTheFoundJdkWithTheServersJvmOptions() throws Exception {
        PluginLayout layout = installedPlugin();
        Path jdk = jdk(dir.resolve("jdks").resolve("temurin-25"), "25.0.1");
        RxLspSettings settings = new RxLspSettings("", "1.0", "/etc/mgmt/docs.json", "2.8", "embedded", true);
        ServerLaunch launch = ServerLaunch.resolve(settings, layout,
                machine(dir.resolve("jbr"), 21, Map.of(), List.of(dir.resolve("jdks"))));
        assertEquals(List.of(jdk.resolve("bin/java").toString(), "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC",
                "-XX:-UseAdaptiveSizePolicy", "-Xmx1g", "-Xmn200m", "-XX:SurvivorRatio=2", "-XX:MaxTenuringThreshold=2",
                "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", layout.serverJar().toString(), "--stdio"), launch.command());
        assertEquals(Jdk.Source.INSTALL_FOLDER, launch.jdk().source());
        assertEquals(Map.of("rx", Map.of("mgmtVersion", "1.0", "mgmtDocs", "/etc/mgmt/docs.json", "nixVersion", "2.8",
                        "diagnosticsScope", "embedded", "inlayHints", true)),
                launch.initializationOptions());
    }

    @Test
    void theSettingsJdkIsTheOneOnTheCommandLine() throws Exception {
        Path configured = jdk(dir.resolve("my jdk 23"), "23");
        ServerLaunch launch = ServerLaunch.resolve(new RxLspSettings(configured.toString(), "1.1", "", "current", "all", false),
                installedPlugin(), machine(dir.resolve("jbr"), 25, Map.of(), List.of()));
        assertEquals(configured.resolve("bin").resolve("java").toString(), launch.command().getFirst());
    }

    @Test
    void theJvmOptionsAreThoseOfTheLaunchersServerMode() throws Exception {
        String launcher = Files.readString(Path.of(System.getProperty("rx.projectRoot", "../.."), "bin/rx-lsp"));
        // the options of every mode, and those of the server mode
        String opts = launcher.lines().filter(line -> line.startsWith("opts=")).findFirst().orElseThrow();
        String server = launcher.lines().filter(line -> line.strip().startsWith("*) mode=server")).findFirst().orElseThrow();
        for (String option : ServerLaunch.JVM_OPTIONS) {
            assertTrue(opts.contains(option) || server.contains(option), option + " is not in bin/rx-lsp's " + opts + " or " + server);
        }
    }

    @Test
    void aMissingJarIsReportedBeforeTheJdkSearch() throws Exception {
        PluginLayout empty = new PluginLayout(dir.resolve("broken-install"));
        String message = assertThrows(ServerLaunch.LaunchException.class, () -> ServerLaunch.resolve(RxLspSettings.DEFAULT,
                empty, machine(dir, 17, Map.of(), List.of()))).getMessage();
        assertTrue(message.contains("server jar is missing") && message.contains(empty.serverJar().toString()), message);
    }

    @Test
    void noJdkIsOneMessageForTheUser() throws Exception {
        String message = assertThrows(ServerLaunch.LaunchException.class, () -> ServerLaunch.resolve(RxLspSettings.DEFAULT,
                installedPlugin(), machine(dir, 21, Map.of(), List.of(dir.resolve("none"))))).getMessage();
        assertTrue(message.startsWith("rx-lsp needs Java 22 or newer"), message);
    }
}
