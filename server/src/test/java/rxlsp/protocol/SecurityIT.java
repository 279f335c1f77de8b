package rxlsp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import rxlsp.testing.ProjectPaths;

/**
 * What rx-lsp does to the machine, watched by {@code strace} on the real launcher: the server and
 * {@code check} only read; they never evaluate Nix (no {@code nix*} program runs) and never run
 * mgmt unless the user opted in; they never read a file outside the workspace that an import or a
 * {@code readFile} names, whether written with {@code ..}, as an absolute path or reached through a
 * symbolic link, and say so instead; they never open a FIFO or a device (which would block or never
 * end); they write nowhere but their cache folders ({@code $XDG_CACHE_HOME/rx-lsp}, and the
 * start-up cache the launcher keeps next to the jar); and what every process of theirs opens or
 * runs — the launcher's shell and the programs it starts included — lies in the workspace, the
 * caches, rx-lsp's own installation ({@code bin/}, the jar's folder), the JDK, or the system's own
 * folders ({@code /usr}, {@code /lib*}, {@code /etc}, {@code /proc}, {@code /sys}).
 */
class SecurityIT {
    private static final String SYSCALLS = "trace=execve,clone,clone3,fork,vfork,open,openat,creat,mkdir,mkdirat,rename,renameat,"
            + "renameat2,unlink,unlinkat,link,linkat,symlink,symlinkat,truncate";

    /** What configuration.nix names and rx-lsp must not read: outside, through a link, special files. */
    private static final List<String> REFUSED = List.of("outside/outside.nix", "`link.nix", "outside/secret.mcl", "`devzero.mcl",
            "`/dev/zero", "`fifo.nix", "`fifo.mcl");

    @TempDir
    Path sandbox;
    private Path work;
    private Path outside;
    private Path cache;
    private Path fakeBin;
    private Path launcher;
    private Path strace;

    @BeforeEach
    void layOut() throws IOException, InterruptedException {
        strace = ProjectPaths.onPath("strace").orElse(null);
        ProjectPaths.requireTier(strace != null, "strace is not installed (Debian: apt-get install strace); the security tier watches the launcher with it");
        launcher = Launchers.rxLsp();
        work = Files.createDirectories(sandbox.resolve("work"));
        outside = Files.createDirectories(sandbox.resolve("outside"));
        cache = sandbox.resolve("cache");
        fakeBin = Files.createDirectories(sandbox.resolve("bin"));
        for (String name : List.of("nix", "nix-instantiate", "nix-build", "nix-store", "mgmt")) {
            Path p = fakeBin.resolve(name);
            Files.writeString(p, "#!/bin/sh\nexit 3\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(outside.resolve("outside.nix"), "{ rx.mcl.vars.secret = \"1\"; }\n");
        Files.writeString(outside.resolve("secret.nix"), "{ rx.mcl.vars.linked = \"1\"; }\n");
        Files.writeString(outside.resolve("secret.mcl"), "$s = 1\n");
        Files.writeString(outside.resolve("o.mcl"), "$o = 1\n");
        Files.createSymbolicLink(work.resolve("link.nix"), outside.resolve("secret.nix"));
        Files.createSymbolicLink(work.resolve("evil.mcl"), outside.resolve("o.mcl"));
        Files.createSymbolicLink(work.resolve("devzero.mcl"), Path.of("/dev/zero"));
        mkfifo(work.resolve("fifo.nix"));
        mkfifo(work.resolve("fifo.mcl"));
        Files.writeString(work.resolve("configuration.nix"), """
                { imports = [ ./module.nix ../outside/outside.nix ./link.nix ./fifo.nix ];
                  rx.mcl.raw = [ (builtins.readFile ./prog.mcl) (builtins.readFile ../outside/secret.mcl)
                                 (builtins.readFile ./fifo.mcl) (builtins.readFile ./devzero.mcl) (builtins.readFile /dev/zero) ];
                }
                """);
        Files.writeString(work.resolve("module.nix"), "{ rx.mcl.vars.x = \"1\"; }\n");
        Files.writeString(work.resolve("prog.mcl"), "$y = $x\n");
        Files.writeString(work.resolve("standalone.mcl"), "import \"../outside/o.mcl\"\nimport \"evil.mcl\"\n$z = 1\n");
    }

    private static void mkfifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
    }

    private Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("PATH", fakeBin + ":" + System.getenv("PATH"));
        return env;
    }

    private List<String> traced(Path log, String... command) {
        List<String> out = new ArrayList<>(List.of(strace.toString(), "-f", "-qq", "-s", "512", "-o", log.toString(), "-e", SYSCALLS));
        out.addAll(List.of(command));
        return out;
    }

    @Test
    void checkReadsNothingOutsideOpensNoSpecialFileRunsNothingAndWritesOnlyItsCaches() throws Exception {
        Path log = sandbox.resolve("check.strace");
        ProcessBuilder pb = new ProcessBuilder(traced(log, launcher.toString(), "check", ".", "./fifo.nix"));
        pb.environment().putAll(environment());
        pb.directory(work.toFile());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "check did not end (a FIFO read would block it)");
        assertEquals(2, p.exitValue(), out); // the FIFO given as a file to check is a problem: status 2
        assertTrue(out.contains("fifo.nix: not a regular file"), out);
        assertTrue(out.contains("link.nix: symbolic link out of ., not followed"), out); // the folder walk, too
        for (String refused : REFUSED) {
            assertTrue(out.lines().anyMatch(l -> l.contains(refused + "` is not read") && l.contains("[rx-not-read]")),
                    refused + " was not reported as not read:\n" + out);
        }
        assertTrue(out.contains("is not read: it is outside the program's folder"), "the MCL imports out of its folder:\n" + out);
        new Trace(Files.readAllLines(log)).assertContained(out);
    }

    @Test
    void theServerReadsNothingOutsideOpensNoSpecialFileRunsNothingAndWritesOnlyItsCaches() throws Exception {
        Path log = sandbox.resolve("server.strace");
        JsonObject diagnostics = session(log, null);
        String all = diagnostics.toString();
        for (String refused : REFUSED) {
            assertTrue(all.contains(refused + "` is not read"), refused + " was not reported: " + all);
        }
        new Trace(Files.readAllLines(log)).assertContained(all);
    }

    /** The one program rx-lsp may run: mgmt, to read its docs, when the user asked for it. */
    @Test
    void mgmtRunsOnlyWhenTheUserOptedIn() throws Exception {
        Path log = sandbox.resolve("optin.strace");
        session(log, "{\"rx\": {\"runMgmtDocs\": true}}");
        Trace trace = new Trace(Files.readAllLines(log));
        assertTrue(trace.executed().stream().anyMatch(e -> e.equals(fakeBin.resolve("mgmt").toString())),
                "mgmt did not run although the settings asked for it: " + trace.executed());
    }

    /**
     * A server session in the workspace: opens the configuration and a standalone MCL file, waits
     * for the configuration's diagnostics, shuts down; with {@code settings}, sends them first.
     */
    private JsonObject session(Path log, String settings) throws Exception {
        Map<String, String> env = environment();
        try (LspProcess server = new LspProcess(traced(log, launcher.toString()), env, work)) {
            JsonObject init = Transcript.object("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\", \"params\": {\"processId\": null,"
                    + " \"rootUri\": \"" + work.toUri() + "\", \"capabilities\": {}"
                    + (settings == null ? "" : ", \"initializationOptions\": " + settings) + "}}");
            server.send(init);
            await(server, m -> m.has("id") && m.get("id").getAsInt() == 1 && !m.has("method"));
            server.send(Transcript.object("{\"jsonrpc\": \"2.0\", \"method\": \"initialized\", \"params\": {}}"));
            String configUri = work.resolve("configuration.nix").toUri().toString();
            server.send(Transcript.didOpenMessage(configUri, "nix", 1, Files.readString(work.resolve("configuration.nix"))));
            server.send(Transcript.didOpenMessage(work.resolve("standalone.mcl").toUri().toString(), "mcl", 1,
                    Files.readString(work.resolve("standalone.mcl"))));
            JsonObject published = await(server, m -> "textDocument/publishDiagnostics".equals(string(m, "method"))
                    && configUri.equals(m.getAsJsonObject("params").get("uri").getAsString()));
            await(server, m -> "textDocument/publishDiagnostics".equals(string(m, "method"))
                    && m.getAsJsonObject("params").get("uri").getAsString().endsWith("standalone.mcl"));
            server.send(Transcript.object("{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"shutdown\"}"));
            await(server, m -> m.has("id") && m.get("id").getAsInt() == 2 && !m.has("method"));
            server.send(Transcript.object("{\"jsonrpc\": \"2.0\", \"method\": \"exit\"}"));
            assertEquals(0, server.waitForExit(Duration.ofSeconds(30)));
            return published;
        }
    }

    private static String string(JsonObject m, String member) {
        return m.has(member) && m.get(member).isJsonPrimitive() ? m.get(member).getAsString() : null;
    }

    /** Messages received but not yet awaited: each document's diagnostics come in their own order. */
    private final List<JsonObject> inbox = new ArrayList<>();

    private JsonObject await(LspProcess server, java.util.function.Predicate<JsonObject> wanted) throws InterruptedException {
        for (JsonObject m : inbox) {
            if (wanted.test(m)) {
                inbox.remove(m);
                return m;
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            LspProcess.Incoming in = server.poll(Duration.ofNanos(deadline - System.nanoTime()));
            if (in instanceof LspProcess.Message m) {
                if (wanted.test(m.json())) {
                    return m.json();
                }
                inbox.add(m.json());
            }
            if (in instanceof LspProcess.EndOfStream || in instanceof LspProcess.BadFrame) {
                fail("the server ended or broke the framing: " + in + "\n" + server.stderr());
            }
        }
        fail("timed out; stderr:\n" + server.stderr());
        return null;
    }

    /** An strace log ({@code -f}: each line starts with the process id). */
    private final class Trace {
        private static final Pattern CALL = Pattern.compile("^(\\d+)\\s+(?:<\\.\\.\\. (\\w+) resumed>|(\\w+)\\()(.*)$");
        private static final Pattern FIRST_PATH = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        private static final Pattern RESULT = Pattern.compile("= (\\d+)$");
        private static final Pattern FAILED = Pattern.compile("= -1 E[A-Z]+ \\(.*\\)$");
        /** The system's own folders, which the JVM and the launcher's shell tools read (libraries, locales, cgroups, time zone, users). */
        private static final List<String> SYSTEM = List.of("/usr/", "/lib/", "/lib64/", "/lib32/", "/etc/", "/proc/", "/sys/",
                "/dev/null", "/dev/urandom", "/dev/random");
        private final List<String[]> calls = new ArrayList<>(); // pid, syscall, rest of the line
        private Path jdkHome;

        Trace(List<String> lines) {
            for (String line : lines) {
                Matcher m = CALL.matcher(line);
                if (m.find()) {
                    calls.add(new String[] {m.group(1), m.group(2) != null ? m.group(2) : m.group(3), m.group(4)});
                }
            }
            assertFalse(calls.isEmpty(), "strace recorded nothing");
        }

        /** The programs started, in order. */
        List<String> executed() {
            List<String> out = new ArrayList<>();
            for (String[] c : calls) {
                if (c[1].equals("execve")) {
                    Matcher p = FIRST_PATH.matcher(c[2]);
                    if (p.find()) {
                        out.add(p.group(1));
                    }
                }
            }
            return out;
        }

        void assertContained(String output) throws IOException {
            Path jarFolder = launcher.getParent().getParent().resolve("server/target").toRealPath();
            List<String> problems = new ArrayList<>();
            String jvm = null;
            Set<String> jvmTree = new HashSet<>();
            for (String[] c : calls) {
                String pid = c[0];
                String call = c[1];
                String args = c[2];
                Matcher pm = FIRST_PATH.matcher(args);
                String path = pm.find() ? pm.group(1) : "";
                if (call.equals("execve") && path.isEmpty()) {
                    continue; // the end of an execve shown before (strace splits calls that other processes interrupt)
                }
                if (call.equals("execve")) {
                    String name = Path.of(path).getFileName() == null ? path : Path.of(path).getFileName().toString();
                    if (name.startsWith("nix") || name.equals("mgmt")) {
                        problems.add("ran " + path);
                    }
                    if (jvmTree.contains(pid)) {
                        problems.add("the JVM ran " + path);
                    }
                    if (jvm == null && path.endsWith("/bin/java") && args.contains("\"-jar\"") && !args.contains("AOTCacheOutput")) {
                        jvm = pid;
                        jvmTree.add(pid);
                    }
                    continue;
                }
                if (call.startsWith("clone") || call.endsWith("fork")) {
                    Matcher r = RESULT.matcher(args);
                    if (jvmTree.contains(pid) && r.find()) {
                        jvmTree.add(r.group(1)); // its threads (and any child) are the JVM too
                    }
                    continue;
                }
                if (path.startsWith(outside.toString()) || path.startsWith(outside.toRealPath().toString())
                        || path.startsWith("../outside") || path.contains("/../outside/")) {
                    problems.add(call + " outside the workspace: " + path);
                }
                if (path.endsWith("/fifo.nix") || path.endsWith("/fifo.mcl") || path.equals("/dev/zero") || path.endsWith("/devzero.mcl")) {
                    problems.add(call + " of a special file: " + path);
                }
                if ((call.startsWith("open") || call.equals("execve")) && !path.isEmpty() && !FAILED.matcher(args).find()
                        && !(call.equals("openat") && !args.startsWith("AT_FDCWD") && !path.startsWith("/"))
                        && !readableHere(path, jarFolder)) {
                    problems.add(call + " outside the workspace, the caches, rx-lsp, the JDK and the system: " + path);
                }
                boolean writes = switch (call) {
                    case "open", "openat" -> args.contains("O_WRONLY") || args.contains("O_RDWR") || args.contains("O_CREAT");
                    default -> true; // creat, mkdir, rename, unlink, link, symlink, truncate
                };
                boolean inOpenedFolder = call.endsWith("at") && !args.startsWith("AT_FDCWD") && !path.startsWith("/");
                if (writes && !inOpenedFolder && !writableHere(path, jarFolder)) {
                    problems.add(call + " writes " + path + " (" + args.substring(0, Math.min(120, args.length())) + ")");
                }
            }
            assertNotNull(jvm, "the trace shows no JVM started by the launcher");
            assertTrue(problems.isEmpty(), String.join("\n", problems) + "\n--- output ---\n" + output);
        }

        /** What the processes may open or run: the workspace, the caches, rx-lsp's installation, the JDK, the system's folders. */
        private boolean readableHere(String path, Path jarFolder) throws IOException {
            if (writableHere(path, jarFolder) || SYSTEM.stream().anyMatch(path::startsWith)) {
                return true;
            }
            Path p = work.resolve(path).toAbsolutePath().normalize(); // relative paths are the workspace's (the working folder)
            Path installation = jarFolder.getParent().getParent();
            return p.startsWith(work) || p.startsWith(work.toRealPath()) || p.startsWith(installation.resolve("bin"))
                    || p.startsWith(jdk()) || p.equals(Path.of("/"));
        }

        /** The JDK the launcher runs (the one bin/find-jdk names), as a real path. */
        private Path jdk() throws IOException {
            if (jdkHome == null) {
                try {
                    Process find = new ProcessBuilder(launcher.resolveSibling("find-jdk").toString()).start();
                    String home = new String(find.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                    assertEquals(0, find.waitFor(), "bin/find-jdk found no JDK");
                    jdkHome = Path.of(home).toRealPath();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            return jdkHome;
        }

        /**
         * The cache folders, and what a process writes without writing a file. (A call relative to
         * a folder opened before, as {@code rm -r} of the launcher's training folder makes, is
         * judged by that folder's own call.)
         */
        private boolean writableHere(String path, Path jarFolder) {
            if (path.isEmpty() || path.equals("/dev/null") || path.startsWith("/proc/self/") || path.matches("/proc/\\d+/.*")) {
                return true;
            }
            Path p = Path.of(path).toAbsolutePath().normalize();
            return p.startsWith(cache) || p.startsWith(jarFolder);
        }
    }
}
