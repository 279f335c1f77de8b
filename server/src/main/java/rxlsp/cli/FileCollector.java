package rxlsp.cli;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import rxlsp.workspace.FileKind;

/**
 * Expands the command line's paths into the files to check: files as given, directories walked for
 * {@code *.nix} and {@code *.mcl}. Skips {@code .git}, {@code node_modules} and Nix's {@code result}
 * symlinks (build outputs, often huge), and files that are not regular (a FIFO, a device); does not
 * follow a symbolic link out of a folder it walks (a warning says so); reports symlink loops and
 * unreadable folders as problems.
 */
final class FileCollector {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules");

    /** A file to check; {@code bytes} is its text when it does not come from disk (standard input), else null. */
    record Target(String displayPath, Path path, FileKind kind, byte[] bytes) {
        Target(String displayPath, Path path, FileKind kind) {
            this(displayPath, path, kind, null);
        }
    }

    record Result(List<Target> targets, List<String> problems, List<String> warnings) {
    }

    static Result collect(List<String> arguments) {
        List<Target> targets = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String argument : arguments) {
            Path path = Path.of(argument);
            if (!Files.exists(path)) {
                problems.add(Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                        ? argument + ": broken symbolic link" : argument + ": no such file or directory");
            } else if (Files.isDirectory(path)) {
                walk(argument, path, targets, problems, warnings);
            } else {
                targets.add(new Target(argument, path, FileKind.ofFileName(argument).orElse(FileKind.NIX)));
            }
        }
        return new Result(targets, problems, warnings);
    }

    private static void walk(String argument, Path root, List<Target> targets, List<String> problems, List<String> warnings) {
        Path realRoot = real(root);
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && skipped(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!dir.equals(root) && leaves(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                /** A symbolic link out of the folder being checked is not followed, and said so. */
                private boolean leaves(Path p) {
                    if (Files.isSymbolicLink(p) && !real(p).startsWith(realRoot)) {
                        warnings.add(display(argument, root, p) + ": symbolic link out of " + argument + ", not followed");
                        return true;
                    }
                    return false;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !isResultLink(file) && FileKind.ofFileName(file.getFileName().toString()).isPresent()
                            && !leaves(file)) {
                        FileKind.ofFileName(file.getFileName().toString())
                                .ifPresent(kind -> targets.add(new Target(display(argument, root, file), file, kind)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof FileSystemLoopException) {
                        warnings.add(display(argument, root, file) + ": symbolic link loop, not followed");
                    } else if (!skipped(file)) {
                        problems.add(display(argument, root, file) + ": cannot read (" + reason(e) + ")");
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(argument + ": cannot read (" + reason(e) + ")");
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | SecurityException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static boolean skipped(Path dir) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return SKIPPED_DIRECTORIES.contains(name) || isResultLink(dir);
    }

    /** {@code result}, {@code result-dev}, …: the symlinks {@code nix build} leaves into the store. */
    private static boolean isResultLink(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        return (name.equals("result") || name.startsWith("result-")) && Files.isSymbolicLink(p);
    }

    private static String display(String argument, Path root, Path file) {
        String relative = root.relativize(file).toString();
        if (relative.isEmpty()) {
            return argument;
        }
        if (argument.equals(".") || argument.equals("./")) { // `check .`: paths as the repository names them
            return relative;
        }
        return argument.endsWith("/") ? argument + relative : argument + "/" + relative;
    }

    static String reason(IOException e) {
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return switch (kind) {
            case "AccessDenied" -> "permission denied";
            case "NoSuchFile" -> "no such file";
            default -> e.getMessage() == null ? kind : e.getMessage();
        };
    }
}
