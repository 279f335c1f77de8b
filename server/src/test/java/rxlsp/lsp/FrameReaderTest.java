package rxlsp.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Framing, and finding the next frame after every kind of bad one. */
class FrameReaderTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String frame(String body) {
        return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static String ping(int id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"rx/ping\"}";
    }

    /** Reads every frame, treating bodies that are not one of {@code valid} as bad (as IncomingMessages does with bad JSON). */
    private static List<Object> readAll(InputStream in) throws IOException {
        FrameReader reader = new FrameReader(in);
        List<Object> out = new ArrayList<>();
        while (true) {
            FrameReader.Frame f = reader.next();
            switch (f) {
                case FrameReader.Body b -> {
                    String text = new String(b.bytes(), StandardCharsets.UTF_8);
                    if (text.matches("\\{\"jsonrpc\":\"2.0\",\"id\":\\d+,\"method\":\"rx/ping\"}")) {
                        out.add(text);
                    } else {
                        out.add("BAD");
                        reader.rescan(b.bytes());
                    }
                }
                case FrameReader.Skipped s -> out.add("SKIPPED");
                case FrameReader.End e -> {
                    return out;
                }
                case FrameReader.Untrusted u -> {
                    out.add("UNTRUSTED");
                    return out;
                }
            }
        }
    }

    private static List<Object> readAll(String stream) throws IOException {
        return readAll(new ByteArrayInputStream(bytes(stream)));
    }

    @Test
    void goodFramesInARow() throws IOException {
        assertEquals(List.of(ping(1), ping(2), ping(3)), readAll(frame(ping(1)) + frame(ping(2)) + "\r\n" + frame(ping(3))));
        // bare LF, other headers, lower-case names
        assertEquals(List.of(ping(1), ping(2)), readAll("content-length: 43\nContent-Type: application/vscode-jsonrpc; charset=utf-8\n\n"
                + ping(1) + frame(ping(2))));
    }

    @Test
    void badHeadersAreSkippedToTheNextFrame() throws IOException {
        assertEquals(List.of("SKIPPED", ping(2)), readAll("Content-Length: abc\r\n\r\n" + ping(1) + frame(ping(2))));
        assertEquals(List.of("SKIPPED", ping(2)), readAll("Content-Length: 4294967296\r\n\r\n" + ping(1) + frame(ping(2))));
        assertEquals(List.of("SKIPPED", ping(2)), readAll("Content-Length: -5\r\n\r\n" + ping(1) + frame(ping(2))));
        assertEquals(List.of("SKIPPED", ping(2)), readAll("X-Other: 1\r\n\r\n" + ping(1) + frame(ping(2))));
        assertEquals(List.of("SKIPPED", ping(2)), readAll("Content-Length: 43\r\nContent-Type: x; charset=latin1\r\n\r\n" + ping(1) + frame(ping(2))));
        // a body with no header at all runs into the next header on the same line
        assertEquals(List.of("SKIPPED", ping(2)), readAll(ping(1) + frame(ping(2))));
        assertEquals(List.of("SKIPPED", ping(2)), readAll("\u0000\u00ff garbage\r\n\r\n" + frame(ping(2))));
    }

    @Test
    void wrongLengthsLoseOnlyTheirOwnFrame() throws IOException {
        // a header without body: the next header turns up inside the body, which is cut there
        assertEquals(List.of("SKIPPED", ping(2), ping(3)), readAll("Content-Length: 60\r\n\r\n" + frame(ping(2)) + frame(ping(3))));
        // too small: the rest of the body is garbage up to the next header
        assertEquals(List.of("BAD", "SKIPPED", ping(2)), readAll("Content-Length: 10\r\n\r\n" + ping(1) + frame(ping(2))));
        // too large, ending inside the next header's name
        String next = frame(ping(2));
        int tooLarge = ping(1).length() + 5; // swallows "Conte"
        assertEquals(List.of("BAD", ping(2)), readAll("Content-Length: " + tooLarge + "\r\n\r\n" + ping(1) + next));
    }

    /** The client sent a header without its body, then one request, and now waits for the answer. */
    @Test
    void aHeaderWithoutBodyDoesNotHoldUpTheRequestAfterIt() throws Exception {
        java.io.PipedOutputStream client = new java.io.PipedOutputStream();
        java.io.PipedInputStream server = new java.io.PipedInputStream(client, 1 << 16);
        client.write(bytes("Content-Length: 500\r\n\r\n" + frame(ping(2))));
        client.flush(); // and nothing more: the stream stays open
        FrameReader reader = new FrameReader(server);
        var frames = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return List.of(reader.next(), reader.next());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<FrameReader.Frame> read = frames.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertInstanceOf(FrameReader.Skipped.class, read.get(0));
        assertEquals(ping(2), new String(assertInstanceOf(FrameReader.Body.class, read.get(1)).bytes(), StandardCharsets.UTF_8));
        client.close();
    }

    @Test
    void theEndOfTheStreamIsTheEnd() throws IOException {
        FrameReader r = new FrameReader(new ByteArrayInputStream(bytes(frame(ping(1)) + "Content-Length: 100\r\n\r\n{\"jsonrpc\"")));
        assertInstanceOf(FrameReader.Body.class, r.next());
        FrameReader.End end = assertInstanceOf(FrameReader.End.class, r.next());
        assertTrue(end.problem().contains("inside a message body"), end.problem());
        FrameReader clean = new FrameReader(new ByteArrayInputStream(bytes(frame(ping(1)))));
        assertInstanceOf(FrameReader.Body.class, clean.next());
        assertNull(assertInstanceOf(FrameReader.End.class, clean.next()).problem());
        FrameReader.End inHeader = assertInstanceOf(FrameReader.End.class, new FrameReader(new ByteArrayInputStream(bytes("Content-Len"))).next());
        assertTrue(inHeader.problem().contains("inside a message header"), inHeader.problem());
    }

    @Test
    void endlessGarbageIsNotLsp() throws IOException {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        assertEquals(List.of("UNTRUSTED"), readAll(endless));
    }

    @Test
    void aBodyIsNotAllocatedBeforeItArrives() throws IOException {
        // 64 MiB announced, 3 bytes sent: the reader must not allocate the announced size up front
        long before = usedHeap();
        FrameReader.Frame f = new FrameReader(new ByteArrayInputStream(bytes("Content-Length: " + FrameReader.MAX_BODY + "\r\n\r\n{}x"))).next();
        assertInstanceOf(FrameReader.End.class, f);
        assertTrue(usedHeap() - before < 32L << 20, "allocated " + (usedHeap() - before) + " bytes");
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /**
     * The property the reader exists for: whatever single frame of a stream is damaged (its length
     * changed, its header or body cut short, bytes inserted or deleted anywhere in it), every frame
     * after it is read intact and in order.
     */
    @Test
    void afterAnyDamagedFrameEveryLaterFrameIsRead() throws IOException {
        Random random = new Random(16);
        for (int round = 0; round < 3_000; round++) {
            int count = 2 + random.nextInt(5);
            int damaged = random.nextInt(count - 1);
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            List<Object> expectedAfter = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String frame = frame(ping(i));
                if (i == damaged) {
                    frame = damage(frame, random);
                } else if (i > damaged) {
                    expectedAfter.add(ping(i));
                }
                stream.writeBytes(bytes(frame));
            }
            List<Object> read = readAll(new ByteArrayInputStream(stream.toByteArray()));
            List<Object> pings = read.stream().filter(o -> o instanceof String s && s.startsWith("{")).toList();
            List<Object> tail = pings.subList(Math.max(0, pings.size() - expectedAfter.size()), pings.size());
            assertEquals(expectedAfter, tail, "round " + round + ": " + stream.toString(StandardCharsets.ISO_8859_1));
        }
    }

    private static String damage(String frame, Random random) {
        int headerEnd = frame.indexOf("\r\n\r\n") + 4;
        return switch (random.nextInt(6)) {
            case 0 -> "Content-Length: " + random.nextInt(200) + frame.substring(frame.indexOf("\r\n\r\n"));
            case 1 -> frame.substring(0, headerEnd); // a header with no body
            case 2 -> frame.substring(0, random.nextInt(frame.length())); // cut anywhere
            case 3 -> { // bytes inserted anywhere
                int at = random.nextInt(frame.length() + 1);
                yield frame.substring(0, at) + "\u0000zz\r\n" + frame.substring(at);
            }
            case 4 -> { // bytes deleted anywhere
                int at = random.nextInt(frame.length());
                yield frame.substring(0, at) + frame.substring(Math.min(frame.length(), at + 1 + random.nextInt(8)));
            }
            default -> frame.substring(headerEnd); // a body without its header
        };
    }
}
