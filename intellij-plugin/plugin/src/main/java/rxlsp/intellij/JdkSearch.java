package rxlsp.intellij;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK that can run the server (Java {@value Jdk#MINIMUM_FEATURE} or newer), in this order:
 * <ol>
 *   <li>the folder set in the plugin's settings: when set it must be usable, since silently preferring another
 *       JDK would make the setting meaningless;</li>
 *   <li>the IDE's own runtime, when it is new enough (IDE releases up to 2025.x ship Java 21, so usually not);</li>
 *   <li>{@code JAVA_HOME};</li>
 *   <li>the usual install folders ({@code ~/.jdks}, where the IDE's "Download JDK" puts them, and the
 *       operating system's), newest feature release first.</li>
 * </ol>
 * Pure: everything it looks at comes in through {@link Machine}, so tests build fake installations.
 */
final class JdkSearch {
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);

    private final Machine machine;

    JdkSearch(Machine machine) {
        this.machine = machine;
    }

    /** The JDK to use, or a message that says where it looked and what to do. */
    Jdk find(String configuredHome) throws JdkNotFoundException {
        if (configuredHome != null && !configuredHome.isBlank()) {
            Path home = Path.of(configuredHome.trim());
            OptionalInt feature = feature(home);
            if (feature.isPresent() && feature.getAsInt() >= Jdk.MINIMUM_FEATURE) {
                return new Jdk(home, feature.getAsInt(), Jdk.Source.SETTING);
            }
            throw new JdkNotFoundException("The JDK set in Settings | Tools | rx-lsp (" + home + ") "
                    + describe(feature) + "; rx-lsp needs Java " + Jdk.MINIMUM_FEATURE
                    + " or newer. Point the setting at a JDK 22+ folder, or clear it to let rx-lsp search.");
        }
        if (machine.ideRuntimeFeature() >= Jdk.MINIMUM_FEATURE) {
            return new Jdk(machine.ideRuntimeHome(), machine.ideRuntimeFeature(), Jdk.Source.IDE_RUNTIME);
        }
        String javaHome = machine.environment().get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            Path home = Path.of(javaHome.trim());
            OptionalInt feature = feature(home);
            if (feature.isPresent() && feature.getAsInt() >= Jdk.MINIMUM_FEATURE) {
                return new Jdk(home, feature.getAsInt(), Jdk.Source.JAVA_HOME);
            }
        }
        Optional<Jdk> installed = newestInstalled();
        if (installed.isPresent()) {
            return installed.get();
        }
        throw new JdkNotFoundException(notFoundMessage(javaHome));
    }

    /** The feature release of the JDK in {@code home}, or nothing when it is not a JDK. */
    OptionalInt feature(Path home) {
        if (!Files.isRegularFile(new Jdk(home, 0, Jdk.Source.SETTING).javaExecutable(machine.windows()))) {
            return OptionalInt.empty();
        }
        try {
            Matcher version = JAVA_VERSION.matcher(Files.readString(home.resolve("release"), StandardCharsets.UTF_8));
            return version.find() ? OptionalInt.of(Integer.parseInt(version.group(1))) : OptionalInt.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    private Optional<Jdk> newestInstalled() {
        List<Jdk> found = new ArrayList<>();
        for (Path folder : machine.installFolders()) {
            for (Path candidate : children(folder)) {
                // macOS bundles keep the JDK under Contents/Home.
                for (Path home : List.of(candidate, candidate.resolve("Contents").resolve("Home"))) {
                    OptionalInt feature = feature(home);
                    if (feature.isPresent() && feature.getAsInt() >= Jdk.MINIMUM_FEATURE) {
                        found.add(new Jdk(home, feature.getAsInt(), Jdk.Source.INSTALL_FOLDER));
                    }
                }
            }
        }
        // Newest release first; among equals, the last name, so the choice is the same on every run.
        return found.stream().max(Comparator.comparingInt(Jdk::feature).thenComparing(jdk -> jdk.home().toString()));
    }

    private static List<Path> children(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private String notFoundMessage(String javaHome) {
        String javaHomeState = javaHome == null || javaHome.isBlank() ? "not set"
                : javaHome + ", which " + describe(feature(Path.of(javaHome.trim())));
        List<String> folders = machine.installFolders().stream().map(Path::toString).toList();
        return "rx-lsp needs Java " + Jdk.MINIMUM_FEATURE + " or newer to run its language server, and found none. "
                + "The IDE's own runtime is Java " + machine.ideRuntimeFeature() + "; JAVA_HOME is " + javaHomeState
                + "; no JDK " + Jdk.MINIMUM_FEATURE + "+ in " + String.join(", ", folders) + ". "
                + "Install one (for example Temurin 25, or File | Project Structure | SDKs | + | Download JDK) "
                + "or set its folder in Settings | Tools | rx-lsp.";
    }

    private static String describe(OptionalInt feature) {
        return feature.isEmpty() ? "is not a JDK (no bin/java and release file there)" : "is Java " + feature.getAsInt();
    }

    /** No usable JDK; the message is meant for the user as it is. */
    static final class JdkNotFoundException extends Exception {
        JdkNotFoundException(String message) {
            super(message);
        }
    }
}
