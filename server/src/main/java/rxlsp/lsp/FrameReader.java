package rxlsp.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads the base protocol's frames ({@code Content-Length: N}, an empty line, N bytes of body) from
 * a stream, and finds its way back to the next frame after a bad one instead of reading every later
 * message out of step, as lsp4j's reader does.
 *
 * <p>A header block must hold a {@code Content-Length} that is a decimal number of at most
 * {@link #MAX_BODY} bytes; anything else (a missing, non-numeric, negative or too large length, an
 * over-long header line) makes the block garbage, and the reader skips bytes up to the next
 * {@code Content-Length:} (case-insensitive), where it starts over. A body that is then found not
 * to be a message ({@link #rescan}) is searched for such a header too: a header sent without its
 * body, or with a length too large, swallows the next frame's header, which is found again this
 * way. When more than {@link #MAX_GARBAGE} bytes pass without a header, the stream is taken to be
 * something else than LSP, and {@link #next} says so: the server exits rather than read it.
 *
 * <p>Not thread-safe: one reader thread.
 */
final class FrameReader {
    /** Bodies beyond this are refused: no document anyone edits is that large. */
    static final int MAX_BODY = 64 << 20;
    /**
     * Garbage beyond this, with no header in it, means the peer does not speak LSP (a frame longer
     * than {@link #MAX_BODY} is skipped as garbage, so it ends there too).
     */
    static final int MAX_GARBAGE = 16 << 20;
    private static final int MAX_HEADER_LINE = 8 << 10;
    private static final int MAX_HEADER_LINES = 32;
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    /** What one call of {@link #next} found. */
    sealed interface Frame permits Body, Skipped, End, Untrusted {
    }

    /** A frame's body, exactly as long as its header said. */
    record Body(byte[] bytes) implements Frame {
    }

    /** Bytes that were no frame were skipped, up to the next header; {@code problem} says what was wrong. */
    record Skipped(String problem) implements Frame {
    }

    /** The stream ended; {@code problem} is null when it ended between two frames. */
    record End(String problem) implements Frame {
    }

    /** More than {@link #MAX_GARBAGE} bytes without a header: the peer does not speak the protocol. */
    record Untrusted(String problem) implements Frame {
    }

    private final InputStream in;
    private final byte[] buffer = new byte[64 << 10];
    private int position;
    private int limit;
    /** Bytes handed back by {@link #rescan}, read before the stream. */
    private byte[] pushback = new byte[0];
    private int pushbackPosition;

    FrameReader(InputStream in) {
        this.in = in;
    }

    /** Reads up to the next frame (or skipped garbage, or the end). */
    Frame next() throws IOException {
        Header header = readHeader();
        if (header.end) {
            return new End(header.problem);
        }
        if (header.problem != null) {
            Frame resync = skipToHeader();
            return resync instanceof Skipped ? new Skipped(header.problem) : resync;
        }
        return readBody(header.length);
    }

    /**
     * Hands a body that turned out not to be a message back to the reader when a header starts
     * inside it (the header of the next frame, swallowed by a wrong length): reading resumes there,
     * and this returns true. Otherwise the body is dropped; what follows may be the rest of it (a
     * length too small), which the next {@link #next} then skips as garbage.
     */
    boolean rescan(byte[] body) {
        int at = indexOfHeader(body, 0);
        if (at >= 0) {
            unread(Arrays.copyOfRange(body, at, body.length));
            return true;
        }
        // the body may end inside the next header's name ("Conte" + "nt-Length: 47"): keep that start
        for (int k = Math.min(CONTENT_LENGTH.length - 1, body.length); k > 0; k--) {
            if (startsHeader(body, body.length - k, k)) {
                unread(Arrays.copyOfRange(body, body.length - k, body.length));
                break;
            }
        }
        return false;
    }

    /** Whether the {@code length} bytes at {@code from} are the first bytes of {@code Content-Length:}. */
    private static boolean startsHeader(byte[] bytes, int from, int length) {
        for (int j = 0; j < length; j++) {
            if (lower(bytes[from + j]) != CONTENT_LENGTH[j]) {
                return false;
            }
        }
        return true;
    }

    /** The parsed header block; {@code problem} non-null when it is not a usable header. */
    private record Header(int length, String problem, boolean end) {
    }

    /**
     * Reads a header block up to its empty line. When it is not usable, its bytes but the first are
     * handed back, so that the search for the next header also looks inside it: a body sent without
     * a header runs into the next frame's header on the same line.
     */
    private Header readHeader() throws IOException {
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        long length = -1;
        String problem = null;
        int lines = 0;
        while (true) {
            String line = readHeaderLine(raw);
            if (line == null) {
                return new Header(-1, raw.size() > 0 ? "the stream ended inside a message header" : null, true);
            }
            if (line.isEmpty()) {
                if (lines == 0) {
                    raw.reset();
                    continue; // blank lines between frames are harmless
                }
                break;
            }
            lines++;
            if (problem != null) {
                continue;
            }
            int colon = line.indexOf(':');
            if (line.length() > MAX_HEADER_LINE || lines > MAX_HEADER_LINES) {
                problem = "a message header that is too long";
            } else if (colon <= 0 || !token(line.substring(0, colon))) {
                problem = "no message header: `" + abbreviate(line) + "`";
            } else {
                String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                if (name.equals("content-length")) {
                    length = parseLength(value);
                    if (length < 0) {
                        problem = "Content-Length `" + abbreviate(value) + "` is not a byte count up to " + MAX_BODY;
                    }
                } else if (name.equals("content-type") && !utf8(value)) {
                    problem = "Content-Type `" + abbreviate(value) + "`: only utf-8 is spoken";
                }
            }
            if (problem != null && raw.size() > MAX_HEADER_LINE) {
                break; // no need to read a long garbage block to its end before searching it
            }
        }
        if (problem == null && length < 0) {
            problem = "a message header without Content-Length";
        }
        if (problem != null) {
            byte[] bytes = raw.toByteArray();
            unread(Arrays.copyOfRange(bytes, 1, bytes.length));
            return new Header(-1, problem, false);
        }
        return new Header((int) length, null, false);
    }

    /** An HTTP header name: letters, digits and a few punctuation characters. */
    private static boolean token(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return !name.isEmpty();
    }

    private static boolean utf8(String contentType) {
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return true;
        }
        String charset = contentType.substring(at + 8).strip().replace("\"", "").toLowerCase(Locale.ROOT);
        return charset.equals("utf-8") || charset.equals("utf8");
    }

    /** The value as a byte count, or -1 when it is not digits or exceeds {@link #MAX_BODY}. */
    private static long parseLength(String value) {
        if (value.isEmpty() || value.length() > 10) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n <= MAX_BODY ? n : -1;
    }

    /**
     * One header line without its line end (CRLF, or a bare LF, which is accepted), its bytes also
     * written to {@code raw}; null at the end of the stream. A line longer than the limit is
     * returned cut, one character over it, and the rest is left unread.
     */
    private String readHeaderLine(java.io.ByteArrayOutputStream raw) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = read();
            if (b < 0) {
                return null;
            }
            raw.write(b);
            if (b == '\n') {
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') {
                    line.setLength(n - 1);
                }
                return line.toString();
            }
            line.append((char) b);
            if (line.length() > MAX_HEADER_LINE) {
                return line.toString();
            }
        }
    }

    /**
     * Reads a body of {@code length} bytes. A real header line inside it ({@code Content-Length:},
     * digits, a line end: never part of a JSON text, which cannot hold a raw line break inside a
     * string) means the length was wrong and the next frame has begun: the body is cut there and
     * reported as garbage, without waiting for bytes that may never come (a header sent without
     * its body, before a request the client now waits on). At the end of the stream, a frame
     * inside the partial body is still read.
     */
    private Frame readBody(int length) throws IOException {
        // grown as bytes arrive, so that a length the peer never sends costs no memory
        byte[] body = new byte[Math.min(length, buffer.length)];
        int filled = 0;
        while (filled < length) {
            if (filled == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
            }
            int n = read(body, filled, body.length - filled);
            if (n < 0) {
                if (rescan(Arrays.copyOf(body, filled))) {
                    return new Skipped("a message body shorter than its Content-Length of " + length);
                }
                return new End("the stream ended inside a message body of " + length + " bytes");
            }
            int header = headerLineIn(body, Math.max(0, filled - HEADER_LINE_OVERLAP), filled + n);
            filled += n;
            if (header >= 0) {
                unread(Arrays.copyOfRange(body, header, filled));
                return new Skipped("a message body shorter than its Content-Length of " + length);
            }
        }
        return new Body(body);
    }

    /** Bytes a {@code Content-Length} line can span: the name, a few blanks, ten digits, CR LF. */
    private static final int HEADER_LINE_OVERLAP = 64;

    /**
     * Where a complete {@code Content-Length: N} line starts in {@code bytes[from, to)}, or -1
     * (a line still cut off at {@code to} is found by the next call, whose range overlaps).
     */
    private static int headerLineIn(byte[] bytes, int from, int to) {
        for (int i = from; i + CONTENT_LENGTH.length <= to; i++) {
            if (!startsHeader(bytes, i, CONTENT_LENGTH.length)) {
                continue;
            }
            int j = i + CONTENT_LENGTH.length;
            int blanks = 0;
            while (j < to && (bytes[j] == ' ' || bytes[j] == '\t') && blanks < 8) {
                j++;
                blanks++;
            }
            int digits = 0;
            while (j < to && bytes[j] >= '0' && bytes[j] <= '9' && digits <= 10) {
                j++;
                digits++;
            }
            if (digits > 0 && j < to && (bytes[j] == '\n' || bytes[j] == '\r' && j + 1 < to && bytes[j + 1] == '\n')) {
                return i;
            }
        }
        return -1;
    }

    /** Skips bytes up to (not including) the next {@code Content-Length:}. */
    private Frame skipToHeader() throws IOException {
        long skipped = 0;
        int matched = 0;
        while (true) {
            int b = read();
            if (b < 0) {
                return new End("the stream ended while looking for the next message header");
            }
            skipped++;
            if (lower(b) == CONTENT_LENGTH[matched]) {
                matched++;
                if (matched == CONTENT_LENGTH.length) {
                    unread(CONTENT_LENGTH); // the header line starts here
                    return new Skipped(null);
                }
            } else {
                matched = lower(b) == CONTENT_LENGTH[0] ? 1 : 0;
            }
            if (skipped > MAX_GARBAGE) {
                return new Untrusted("more than " + MAX_GARBAGE + " bytes without a message header: the input is not LSP");
            }
        }
    }

    private static int lower(int b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    private static int indexOfHeader(byte[] bytes, int from) {
        for (int i = from; i + CONTENT_LENGTH.length <= bytes.length; i++) {
            if (startsHeader(bytes, i, CONTENT_LENGTH.length)) {
                return i;
            }
        }
        return -1;
    }

    private void unread(byte[] bytes) {
        byte[] unread = Arrays.copyOfRange(pushback, pushbackPosition, pushback.length);
        pushback = concat(bytes, unread);
        pushbackPosition = 0;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private int read() throws IOException {
        if (pushbackPosition < pushback.length) {
            return pushback[pushbackPosition++] & 0xff;
        }
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    private int read(byte[] into, int offset, int length) throws IOException {
        if (pushbackPosition < pushback.length) {
            int n = Math.min(length, pushback.length - pushbackPosition);
            System.arraycopy(pushback, pushbackPosition, into, offset, n);
            pushbackPosition += n;
            return n;
        }
        if (position == limit) {
            if (length >= buffer.length) {
                return in.read(into, offset, length); // large bodies bypass the buffer
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(buffer, position, into, offset, n);
        position += n;
        return n;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
