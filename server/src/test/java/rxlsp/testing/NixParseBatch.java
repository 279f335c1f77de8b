package rxlsp.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Nix's parse verdicts on many texts from one long-running {@code nix repl}, for the tiers that ask
 * about thousands of texts: {@code nix-instantiate --parse} stops at the first file it rejects, so it
 * would cost one process per rejected text.
 *
 * <p>Each text is written to its own file behind the line {@code __rxOracleWrap:}, which makes the
 * file a function of that text: Nix's grammar accepts {@code x: E} exactly when it accepts {@code E}
 * as a file (a file is one {@code expr_function}, and so is a lambda's body), and importing the file
 * parses it completely but evaluates nothing of the text, so the only errors an import can raise are
 * Nix's parse errors. The tier that uses this checks a sample of its verdicts against
 * {@code nix-instantiate --parse} on the unwrapped text.
 *
 * <p>Per text the repl gets three lines: {@code import FILE}; a lone {@code )}, which always fails,
 * and so ends the repl's wait for more input after an import that failed with "unexpected end of
 * file" (the repl takes that message for an unfinished line and keeps reading); and a string marker
 * whose printed value closes the text's answer.
 */
public final class NixParseBatch implements AutoCloseable {
    private static final String WRAP = "__rxOracleWrap:\n";
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    /** Queries written before their answers are read: their input stays well inside a pipe's buffer. */
    private static final int CHUNK = 100;
    /** A fresh repl after this many imports, so that its cache of parsed files stays small. */
    private static final int IMPORTS_PER_REPL = 1_500;
    private static final long ANSWER_TIMEOUT_SECONDS = 120;

    private final NixInstallation nix;
    private final Path dir;
    private Process repl;
    private BlockingQueue<String> output;
    private int importsInRepl;
    private long nextId;
    private int replStarts;

    public NixParseBatch(NixInstallation nix) throws IOException {
        this.nix = nix;
        this.dir = Files.createTempDirectory("rxnixbatch");
    }

    /** How many repl processes answered so far (the batching's figure). */
    public int processes() {
        return replStarts;
    }

    /** Nix's verdict on each text (as a file in UTF-8), in order. */
    public List<NixOracle.Verdict> verdicts(List<String> texts) throws IOException, InterruptedException {
        return verdictsOfFiles(texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList());
    }

    /** Nix's verdict on each file content, in order. */
    public List<NixOracle.Verdict> verdictsOfFiles(List<byte[]> contents) throws IOException, InterruptedException {
        List<NixOracle.Verdict> out = new ArrayList<>(contents.size());
        for (int from = 0; from < contents.size(); from += CHUNK) {
            out.addAll(chunk(contents.subList(from, Math.min(contents.size(), from + CHUNK))));
        }
        return out;
    }

    private List<NixOracle.Verdict> chunk(List<byte[]> texts) throws IOException, InterruptedException {
        if (repl == null || !repl.isAlive() || importsInRepl + texts.size() > IMPORTS_PER_REPL) {
            startRepl();
        }
        List<Path> files = new ArrayList<>();
        StringBuilder input = new StringBuilder();
        long firstId = nextId;
        for (byte[] text : texts) {
            Path file = dir.resolve("q" + nextId + ".nix");
            byte[] wrap = WRAP.getBytes(StandardCharsets.UTF_8);
            byte[] content = java.util.Arrays.copyOf(wrap, wrap.length + text.length);
            System.arraycopy(text, 0, content, wrap.length, text.length);
            Files.write(file, content);
            files.add(file);
            input.append("import ").append(nixString(file.toString())).append("\n)\n\"rx-mark-").append(nextId).append("\"\n");
            nextId++;
        }
        importsInRepl += texts.size();
        List<NixOracle.Verdict> verdicts = new ArrayList<>();
        try {
            OutputStream in = repl.getOutputStream();
            in.write(input.toString().getBytes(StandardCharsets.UTF_8));
            in.flush();
            List<String> block = new ArrayList<>();
            while (verdicts.size() < texts.size()) {
                String line = output.poll(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (line == null || line.equals(END)) {
                    throw new IOException("nix repl stopped answering" + (line == null ? " (timeout)" : ""));
                }
                long id = firstId + verdicts.size();
                if (line.equals("\"rx-mark-" + id + "\"")) {
                    verdicts.add(classify(block, files.get(verdicts.size())));
                    block.clear();
                } else {
                    block.add(line);
                }
            }
        } catch (IOException e) {
            // the repl died (or hung) on one of these texts: answer the rest one process each
            stopRepl();
            NixOracle single = NixOracle.require(nix.which());
            for (int i = verdicts.size(); i < texts.size(); i++) {
                Path plain = dir.resolve("plain" + (firstId + i) + ".nix");
                Files.write(plain, texts.get(i));
                verdicts.add(single.parse(plain));
                Files.delete(plain);
            }
        } finally {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
        return verdicts;
    }

    /** A Nix string literal of {@code text} (a temporary folder's path may hold any character). */
    private static String nixString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "\\${") + "\"";
    }

    /** The answer to one import: the lines the repl printed between two markers. */
    private static NixOracle.Verdict classify(List<String> block, Path file) {
        String at = "at " + file + ":";
        for (String line : block) {
            if (line.contains("«lambda @ " + file + ":")) {
                return new NixOracle.Verdict(true, "");
            }
        }
        for (int i = 0; i < block.size(); i++) {
            if (block.get(i).strip().startsWith(at)) {
                for (int j = i - 1; j >= 0; j--) {
                    String message = block.get(j).strip();
                    if (message.startsWith("error: ") || message.startsWith("error:") && message.length() > 6) {
                        return new NixOracle.Verdict(false, message + " (" + block.get(i).strip() + ")");
                    }
                }
            }
        }
        for (String line : block) {
            // the lone `)` was read as the second line of the import: the repl had taken the import's
            // error for an unfinished line, which it does for "unexpected end of file" only
            if (line.strip().startsWith("at «string»:2:1")) {
                return new NixOracle.Verdict(false, "error: syntax error, unexpected end of file");
            }
        }
        throw new IllegalStateException("cannot read nix repl's answer for " + file + ":\n" + String.join("\n", block));
    }

    private static final String END = "\u0000end";

    private void startRepl() throws IOException {
        stopRepl();
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        ProcessBuilder pb = new ProcessBuilder(nix.nix().toString(), "--extra-experimental-features", "nix-command", "repl")
                .redirectErrorStream(true);
        // the repl keeps a history file under HOME: keep it in the temporary folder
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
        pb.environment().put("NO_COLOR", "1");
        pb.environment().put("TERM", "dumb");
        repl = pb.start();
        replStarts++;
        importsInRepl = 0;
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        output = lines;
        Process started = repl;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(ANSI.matcher(line).replaceAll("").stripTrailing());
                }
            } catch (IOException e) {
                // the process went away; END below tells the waiting side
            }
            lines.add(END);
        }, "nix-repl-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void stopRepl() {
        if (repl != null) {
            try {
                repl.getOutputStream().close();
            } catch (IOException e) {
                // already gone
            }
            try {
                if (!repl.waitFor(5, TimeUnit.SECONDS)) {
                    repl.destroyForcibly();
                }
            } catch (InterruptedException e) {
                repl.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            repl = null;
        }
    }

    @Override
    public void close() throws IOException {
        stopRepl();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
