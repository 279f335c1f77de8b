package rxlsp.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files a test writes into its temporary folder. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Writes {@code text} to {@code name} under {@code dir}, making the folders on the way. */
    public static Path write(Path dir, String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }
}
