package rxlsp.intellij;

import java.nio.file.Path;

/**
 * A Java installation that can run the server, where it was found (for messages and the settings page).
 *
 * @param home    the installation folder (the one holding {@code bin/java})
 * @param feature the feature release, e.g. 25
 * @param source  which place of the search it came from
 */
record Jdk(Path home, int feature, Source source) {
    /** rx-lsp's tree-sitter binding uses the FFM API, final in Java 22. */
    static final int MINIMUM_FEATURE = 22;

    enum Source {
        SETTING("the rx-lsp setting"),
        IDE_RUNTIME("the IDE's own runtime"),
        JAVA_HOME("JAVA_HOME"),
        INSTALL_FOLDER("an install folder");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    Path javaExecutable(boolean windows) {
        return home.resolve("bin").resolve(windows ? "java.exe" : "java");
    }
}
