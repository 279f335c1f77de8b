package rxlsp.mcl.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Local imports read from disk, relative to the importing file: {@code "x.mcl"} next to it,
 * {@code "dir/"} through {@code dir/metadata.yaml}'s {@code main:} (else {@code dir/main.mcl}).
 * Files are named by their normalized absolute path; large files, special files (a FIFO, a device)
 * and files outside the checked file's folder (reached through {@code ..} or a symbolic link) are
 * refused, with the reason as the import's error.
 */
public final class FileImports implements ImportResolver {
    private static final long MAX_BYTES = 8L << 20;
    private final Path mainFile;
    /** The program's folder: imports are read inside it, never through {@code ..} or a symbolic link out of it. */
    private final Path folder;

    /** @param mainFile the checked {@code .mcl} file */
    public FileImports(Path mainFile) {
        this.mainFile = mainFile.toAbsolutePath().normalize();
        Path parent = this.mainFile.getParent();
        this.folder = parent == null ? null : real(parent);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | SecurityException e) {
            return p;
        }
    }

    @Override
    public Result resolve(String from, String importPath) {
        Path base = (from == null ? mainFile : Path.of(from)).getParent();
        if (base == null) {
            return new Unavailable();
        }
        Path target = base.resolve(importPath).normalize();
        if (importPath.endsWith("/")) {
            Path metadata = target.resolve("metadata.yaml");
            String main = "main.mcl";
            if (Files.isRegularFile(metadata)) {
                Result text = read(metadata);
                if (!(text instanceof Found f)) {
                    return text;
                }
                ModuleMetadata.Result meta = ModuleMetadata.mainFile(f.text());
                if (meta.problem() != null) {
                    return new Failed(meta.problem() + " (" + metadata + ")");
                }
                main = meta.main();
            }
            target = target.resolve(main).normalize();
        }
        return read(target);
    }

    private Result read(Path file) {
        try {
            if (folder != null && !(file.startsWith(mainFile.getParent()) && real(file).startsWith(folder))) {
                return new Failed("`" + file + "` is not read: it is outside the program's folder " + mainFile.getParent()
                        + " (through `..` or a symbolic link)");
            }
            if (!Files.isRegularFile(file)) {
                return new Failed("cannot find `" + file + "`");
            }
            if (Files.size(file) > MAX_BYTES) {
                return new Failed("`" + file + "` is larger than " + (MAX_BYTES >> 20) + " MiB");
            }
            return new Found(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return new Failed("cannot read `" + file + "`: " + e.getMessage());
        }
    }
}
