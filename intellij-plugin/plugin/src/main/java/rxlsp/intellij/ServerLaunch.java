package rxlsp.intellij;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to start the bundled server: the command line (a JDK 22+, the JVM options of {@code bin/rx-lsp}'s server
 * mode, the jar, stdio) and the {@code initializationOptions}. Pure, so the whole command line is unit-tested.
 */
record ServerLaunch(Jdk jdk, List<String> command, Map<String, Object> initializationOptions) {

    /**
     * The JVM options the server runs with in {@code bin/rx-lsp}: tree-sitter's native access, the heap
     * bound and the collector its latency and memory were measured with ({@code bin/rx-lsp} says why),
     * and JVM warnings to stderr (stdout carries the protocol).
     */
    static final List<String> JVM_OPTIONS = List.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC",
            "-XX:-UseAdaptiveSizePolicy", "-Xmx1g", "-Xmn200m", "-XX:SurvivorRatio=2", "-XX:MaxTenuringThreshold=2",
            "-Xlog:disable", "-Xlog:all=warning:stderr");
    static final String STDIO = "--stdio";

    /** Everything that can stop the server from starting, in words for the user. */
    static ServerLaunch resolve(RxLspSettings settings, PluginLayout layout, Machine machine) throws LaunchException {
        if (!Files.isRegularFile(layout.serverJar())) {
            throw new LaunchException("rx-lsp's server jar is missing from the plugin (" + layout.serverJar()
                    + "). Reinstall the plugin from its zip.");
        }
        Jdk jdk;
        try {
            jdk = new JdkSearch(machine).find(settings.jdkHome());
        } catch (JdkSearch.JdkNotFoundException e) {
            throw new LaunchException(e.getMessage());
        }
        List<String> command = new ArrayList<>();
        command.add(jdk.javaExecutable(machine.windows()).toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(layout.serverJar().toString());
        command.add(STDIO);
        return new ServerLaunch(jdk, List.copyOf(command), settings.initializationOptions());
    }

    /** The server cannot start; the message is shown to the user as it is. */
    static final class LaunchException extends Exception {
        LaunchException(String message) {
            super(message);
        }
    }
}
