package rxlsp.intellij;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the plugin reads of the machine it runs on: the IDE's runtime, the environment, the install folders
 * where JDKs usually live. {@link #current()} reads the real machine; tests make their own.
 */
record Machine(Path ideRuntimeHome, int ideRuntimeFeature, Map<String, String> environment, List<Path> installFolders,
               boolean windows) {

    static Machine current() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path userHome = Path.of(System.getProperty("user.home"));
        return new Machine(Path.of(System.getProperty("java.home")), Runtime.version().feature(), System.getenv(),
                installFolders(os, userHome, System.getenv()), os.startsWith("windows"));
    }

    /** Where JDK installers and the IDE's "Download JDK" put JDKs, per operating system. */
    static List<Path> installFolders(String os, Path userHome, Map<String, String> environment) {
        List<Path> folders = new ArrayList<>();
        folders.add(userHome.resolve(".jdks"));
        folders.add(userHome.resolve(".sdkman").resolve("candidates").resolve("java"));
        if (os.startsWith("windows")) {
            String programFiles = environment.getOrDefault("ProgramFiles", "C:\\Program Files");
            for (String vendor : List.of("Java", "Eclipse Adoptium", "Microsoft", "Zulu", "Amazon Corretto", "BellSoft")) {
                folders.add(Path.of(programFiles, vendor));
            }
        } else if (os.startsWith("mac")) {
            folders.add(Path.of("/Library/Java/JavaVirtualMachines"));
            folders.add(userHome.resolve("Library").resolve("Java").resolve("JavaVirtualMachines"));
        } else {
            folders.add(Path.of("/usr/lib/jvm"));
            folders.add(Path.of("/usr/local/lib/jvm"));
            folders.add(Path.of("/opt/java"));
        }
        return List.copyOf(folders);
    }
}
