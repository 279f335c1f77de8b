package rxlsp.editors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import rxlsp.testing.ProjectPaths;

/**
 * The editor configuration snippets of the README, taken out verbatim so that the end-to-end tests
 * run exactly what users copy: a snippet is the fenced block whose first line is a given comment.
 */
final class ReadmeSnippets {
    /** The placeholder the README uses for the launcher's path. */
    static final String LAUNCHER_PLACEHOLDER = "/path/to/rx-lsp/bin/rx-lsp";

    private ReadmeSnippets() {
    }

    /** The block starting with {@code firstLine}, with the real launcher path put in. */
    static String snippet(String firstLine, Path launcher) throws IOException {
        String readme = Files.readString(ProjectPaths.root().resolve("README.md"));
        int at = readme.indexOf("\n" + firstLine + "\n");
        if (at < 0) {
            throw new IllegalStateException("the README has no snippet starting with `" + firstLine + "`");
        }
        int end = readme.indexOf("\n```", at + 1);
        String block = readme.substring(at + 1, end + 1);
        if (!block.contains(LAUNCHER_PLACEHOLDER)) {
            throw new IllegalStateException("the snippet `" + firstLine + "` does not name " + LAUNCHER_PLACEHOLDER);
        }
        return block.replace(LAUNCHER_PLACEHOLDER, launcher.toString());
    }
}
