package rxlsp.intellij;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** JDK folders as installers lay them out (bin/java and a release file), and machines around them. */
final class FakeJdks {
    private FakeJdks() {
    }

    static Path jdk(Path home, String javaVersion) throws IOException {
        return jdk(home, javaVersion, false);
    }

    static Path jdk(Path home, String javaVersion, boolean windows) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin").resolve(windows ? "java.exe" : "java"), "");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
        return home;
    }

    static Machine machine(Path ideHome, int ideFeature, Map<String, String> environment, List<Path> installFolders) {
        return new Machine(ideHome, ideFeature, environment, installFolders, false);
    }
}
