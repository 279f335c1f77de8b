package rxlsp.intellij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static rxlsp.intellij.FakeJdks.jdk;
import static rxlsp.intellij.FakeJdks.machine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkSearchTest {
    @TempDir
    Path dir;

    private Path ide() throws Exception {
        return jdk(dir.resolve("ide-jbr"), "21.0.8");
    }

    @Test
    void theSettingWinsEvenOverANewEnoughIdeRuntime() throws Exception {
        Path configured = jdk(dir.resolve("temurin-23"), "23.0.2");
        Jdk jdk = new JdkSearch(machine(ide(), 25, Map.of(), List.of())).find(configured.toString());
        assertEquals(new Jdk(configured, 23, Jdk.Source.SETTING), jdk);
    }

    @Test
    void aSettingThatIsTooOldOrNoJdkIsAnErrorNotASilentFallback() throws Exception {
        Path old = jdk(dir.resolve("jdk-17"), "17.0.15");
        Path modern = jdk(dir.resolve("jvm").resolve("jdk-25"), "25");
        JdkSearch search = new JdkSearch(machine(ide(), 25, Map.of("JAVA_HOME", modern.toString()), List.of(dir.resolve("jvm"))));
        String tooOld = assertThrows(JdkSearch.JdkNotFoundException.class, () -> search.find(old.toString())).getMessage();
        assertTrue(tooOld.contains(old + ") is Java 17") && tooOld.contains("Settings | Tools | rx-lsp"), tooOld);
        String notJdk = assertThrows(JdkSearch.JdkNotFoundException.class, () -> search.find(dir.resolve("nothing").toString()))
                .getMessage();
        assertTrue(notJdk.contains("is not a JDK"), notJdk);
    }

    @Test
    void theIdeRuntimeOnlyWhenNewEnough() throws Exception {
        Path ide = jdk(dir.resolve("jbr-25"), "25");
        Path javaHome = jdk(dir.resolve("java-home"), "24");
        assertEquals(new Jdk(ide, 25, Jdk.Source.IDE_RUNTIME),
                new JdkSearch(machine(ide, 25, Map.of("JAVA_HOME", javaHome.toString()), List.of())).find(""));
        assertEquals(new Jdk(javaHome, 24, Jdk.Source.JAVA_HOME),
                new JdkSearch(machine(ide(), 21, Map.of("JAVA_HOME", javaHome.toString()), List.of())).find("  "));
    }

    @Test
    void anOldJavaHomeFallsThroughToTheNewestInstalledJdk() throws Exception {
        Path javaHome = jdk(dir.resolve("java-17"), "17.0.2");
        Path folder = dir.resolve("jvm");
        jdk(folder.resolve("temurin-22"), "22.0.1");
        jdk(folder.resolve("openjdk-17"), "17");
        Path mac = jdk(folder.resolve("zulu-25.jdk").resolve("Contents").resolve("Home"), "25.0.1");
        jdk(dir.resolve("other").resolve("jdk-24"), "24");
        Jdk found = new JdkSearch(machine(ide(), 21, Map.of("JAVA_HOME", javaHome.toString()),
                List.of(dir.resolve("missing"), folder, dir.resolve("other")))).find(null);
        assertEquals(new Jdk(mac, 25, Jdk.Source.INSTALL_FOLDER), found);
    }

    @Test
    void equalReleasesPickTheSameFolderEveryTime() throws Exception {
        Path folder = dir.resolve("jdks");
        jdk(folder.resolve("a-25"), "25");
        Path last = jdk(folder.resolve("b-25"), "25.0.1");
        assertEquals(last, new JdkSearch(machine(ide(), 21, Map.of(), List.of(folder))).find("").home());
    }

    @Test
    void noJdkSaysWhereItLookedAndWhatToDo() throws Exception {
        Path javaHome = jdk(dir.resolve("java-17"), "17");
        Path folder = dir.resolve("jvm");
        jdk(folder.resolve("jdk-21"), "21");
        String message = assertThrows(JdkSearch.JdkNotFoundException.class, () -> new JdkSearch(
                machine(ide(), 21, Map.of("JAVA_HOME", javaHome.toString()), List.of(folder))).find("")).getMessage();
        assertTrue(message.startsWith("rx-lsp needs Java 22 or newer"), message);
        assertTrue(message.contains("The IDE's own runtime is Java 21"), message);
        assertTrue(message.contains("JAVA_HOME is " + javaHome + ", which is Java 17"), message);
        assertTrue(message.contains(folder.toString()), message);
        assertTrue(message.contains("Settings | Tools | rx-lsp"), message);
        String unset = assertThrows(JdkSearch.JdkNotFoundException.class,
                () -> new JdkSearch(machine(ide(), 17, Map.of(), List.of())).find("")).getMessage();
        assertTrue(unset.contains("JAVA_HOME is not set"), unset);
    }

    @Test
    void windowsLooksForJavaExe() throws Exception {
        Path unixOnly = jdk(dir.resolve("unix"), "25");
        Path windows = jdk(dir.resolve("win"), "25", true);
        Machine machine = new Machine(ide(), 21, Map.of(), List.of(), true);
        assertEquals(windows, new JdkSearch(machine).find(windows.toString()).home());
        assertThrows(JdkSearch.JdkNotFoundException.class, () -> new JdkSearch(machine).find(unixOnly.toString()));
        assertEquals(windows.resolve("bin").resolve("java.exe"), new Jdk(windows, 25, Jdk.Source.SETTING).javaExecutable(true));
    }

    @Test
    void installFoldersPerOperatingSystem() {
        Path home = Path.of("/home/u");
        List<Path> linux = Machine.installFolders("linux", home, Map.of());
        assertTrue(linux.contains(home.resolve(".jdks")) && linux.contains(Path.of("/usr/lib/jvm")), linux.toString());
        List<Path> mac = Machine.installFolders("mac os x", home, Map.of());
        assertTrue(mac.contains(Path.of("/Library/Java/JavaVirtualMachines")) && !mac.contains(Path.of("/usr/lib/jvm")));
        List<Path> windows = Machine.installFolders("windows 11", home, Map.of("ProgramFiles", "D:\\Programs"));
        assertTrue(windows.contains(Path.of("D:\\Programs", "Eclipse Adoptium")), windows.toString());
    }
}
